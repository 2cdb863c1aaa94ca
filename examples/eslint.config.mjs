// ESLint flat config for the example manifests: `npx eslint examples/` reports the same findings,
// at the same positions, as `npx ocp-image validate examples/`.
import ocpImage from '@ocp-image/eslint-plugin';

export default [
  // YAML (*.yaml, *.yml) and JSON (*.json) manifests: syntax, schema, server and documentation rules.
  // Use ocpImage.configs.strict to also reject unknown fields and warn about likely mistakes.
  ...ocpImage.configs.recommended,
];
