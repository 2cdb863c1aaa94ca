import type { JsonSchema } from './json-schema.js';

/**
 * Completion snippets (yaml-language-server and VS Code's `defaultSnippets`) by kind or type name:
 * a new ImageStream with one tag, and a new tag. `${n:text}` are the snippet's tab stops.
 */
export const defaultSnippets: Readonly<Record<string, JsonSchema[]>> = {
  ImageStream: [
    {
      label: 'New ImageStream',
      description: 'An ImageStream with one tag imported from a registry',
      body: {
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageStream',
        metadata: { name: '${1:app}' },
        spec: {
          lookupPolicy: { local: false },
          tags: [
            {
              name: '${2:latest}',
              from: { kind: 'DockerImage', name: '${3:quay.io/org/app:latest}' },
              importPolicy: { scheduled: false },
              referencePolicy: { type: 'Source' },
            },
          ],
        },
      },
    },
  ],
  TagReference: [
    {
      label: 'New tag',
      description: 'A tag that points at an image in a registry',
      body: {
        name: '${1:latest}',
        from: { kind: 'DockerImage', name: '${2:quay.io/org/app:latest}' },
        referencePolicy: { type: 'Source' },
      },
    },
  ],
};
