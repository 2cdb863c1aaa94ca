// Baseline for the ESLint overhead measurement: eslint-plugin-yml's recommended config alone.
import yml from 'eslint-plugin-yml';

export default [...yml.configs.recommended];
