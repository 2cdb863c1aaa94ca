// ESLint with @ocp-image/eslint-plugin's recommended config, for the overhead measurement.
import ocpImage from '@ocp-image/eslint-plugin';

export default [...ocpImage.configs.recommended];
