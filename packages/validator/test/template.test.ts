import { describe, expect, it } from 'vitest';
import { isNonStringTemplateParameter, isTemplateParameterValue } from '../src/template.js';
import { closestMatch } from '../src/suggest.js';

describe('template parameters', () => {
  it.each([
    ['${NAME}', true, false],
    ['quay.io/${NAMESPACE}/app:${TAG}', true, false],
    ['${{INSECURE}}', true, true],
    ['$NAME', false, false],
    ['${}', false, false],
    ['${NAME-WITH-DASH}', false, false],
    [' ${{X}}', true, false],
  ])('%s: reference %s, non-string %s', (value, reference, nonString) => {
    expect(isTemplateParameterValue(value)).toBe(reference);
    expect(isNonStringTemplateParameter(value)).toBe(nonString);
  });

  it('is false for non-strings', () => {
    expect(isTemplateParameterValue(1)).toBe(false);
    expect(isTemplateParameterValue(null)).toBe(false);
  });
});

describe('closestMatch', () => {
  const kinds = ['DockerImage', 'ImageStreamTag', 'ImageStreamImage'];
  it('prefers a case-insensitive match, then a small edit distance', () => {
    expect(closestMatch('dockerimage', kinds)).toBe('DockerImage');
    expect(closestMatch('DockerImg', kinds)).toBe('DockerImage');
    expect(closestMatch('ImageStreamTags', kinds)).toBe('ImageStreamTag');
  });
  it('suggests nothing for unrelated words or exact matches', () => {
    expect(closestMatch('Deployment', kinds)).toBeUndefined();
    expect(closestMatch('DockerImage', kinds)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});
