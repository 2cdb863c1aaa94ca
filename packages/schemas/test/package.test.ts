import { describe, expect, it } from 'vitest';
import { apiVersion, imageKinds, isImageStream, type ImageStream } from '@ocp-image/schemas';
import { validators as standard } from '@ocp-image/schemas/validators/standard';
import { validators as strict } from '@ocp-image/schemas/validators/strict';

const valid: ImageStream = {
  apiVersion: 'image.openshift.io/v1',
  kind: 'ImageStream',
  metadata: { name: 'ruby', creationTimestamp: null, labels: { app: 'ruby' } },
  spec: {
    lookupPolicy: { local: false },
    tags: [
      {
        name: 'latest',
        from: { kind: 'DockerImage', name: 'quay.io/example/ruby:3.3' },
        referencePolicy: { type: '' },
        importPolicy: { importMode: 'PreserveOriginal', scheduled: true },
      },
    ],
  },
};

describe('@ocp-image/schemas as consumers import it', () => {
  it('exports the API constants, the kinds and type guards', () => {
    expect(apiVersion).toBe('image.openshift.io/v1');
    expect(imageKinds).toHaveLength(10);
    expect(imageKinds).toContain('SecretList');
    expect(isImageStream(valid)).toBe(true);
    expect(isImageStream({ ...valid, kind: 'ImageStreamTag' })).toBe(false);
  });

  it('accepts a valid ImageStream in both flavours', () => {
    expect(strict.ImageStream(valid), JSON.stringify(strict.ImageStream.errors)).toBe(true);
    expect(standard.ImageStream(valid)).toBe(true);
  });

  it('rejects a wrongly typed field; referencePolicy.type values are left to the server rules', () => {
    const invalid = structuredClone(valid) as unknown as { spec: { tags: Record<string, unknown>[] } };
    invalid.spec.tags[0]!.name = 7;
    invalid.spec.tags[0]!.referencePolicy = { type: 'Remote' };
    const validate = strict.ImageStream;
    expect(validate(invalid)).toBe(false);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(errors).toEqual(['/spec/tags/0/name type']);
  });

  it('flags unknown fields only in the strict flavour, and never inside labels', () => {
    const withUnknown = { ...valid, metadata: { ...valid.metadata, labels: { any: 'thing' } }, spex: {} };
    expect(standard.ImageStream(withUnknown)).toBe(true);
    expect(strict.ImageStream(withUnknown)).toBe(false);
    expect(strict.ImageStream.errors?.map((e) => [e.keyword, e.params])).toEqual([['additionalProperties', { additionalProperty: 'spex' }]]);
  });
});
