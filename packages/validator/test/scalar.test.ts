import { describe, expect, it } from 'vitest';
import { resolvePlainScalar, resolveTaggedScalar } from '../src/yaml/scalar.js';

// Expected values from go-yaml v2 resolve.go (+ decode.go keeping timestamps as strings).
const cases: [string, string, unknown][] = [
  ['y', 'bool', true],
  ['Y', 'bool', true],
  ['yes', 'bool', true],
  ['Yes', 'bool', true],
  ['YES', 'bool', true],
  ['true', 'bool', true],
  ['True', 'bool', true],
  ['TRUE', 'bool', true],
  ['on', 'bool', true],
  ['On', 'bool', true],
  ['ON', 'bool', true],
  ['n', 'bool', false],
  ['N', 'bool', false],
  ['no', 'bool', false],
  ['No', 'bool', false],
  ['NO', 'bool', false],
  ['false', 'bool', false],
  ['off', 'bool', false],
  ['OFF', 'bool', false],
  ['yEs', 'string', 'yEs'],
  ['oN', 'string', 'oN'],
  ['tRUE', 'string', 'tRUE'],
  ['', 'null', null],
  ['~', 'null', null],
  ['null', 'null', null],
  ['Null', 'null', null],
  ['NULL', 'null', null],
  ['nULL', 'string', 'nULL'],
  ['42', 'int', 42],
  ['+42', 'int', 42],
  ['-7', 'int', -7],
  ['0', 'int', 0],
  ['0777', 'int', 511],
  ['0x1F', 'int', 31],
  ['0X1f', 'int', 31],
  ['0o17', 'int', 15],
  ['0b101', 'int', 5],
  ['-0b101', 'int', -5],
  ['1_000', 'int', 1000],
  ['0x_1F', 'int', 31],
  ['08', 'float', 8],
  ['09.5', 'float', 9.5],
  ['1.10', 'float', 1.1],
  ['3.0', 'float', 3],
  ['1.', 'float', 1],
  ['1e3', 'float', 1000],
  ['1E-2', 'float', 0.01],
  ['.5', 'float', 0.5],
  ['-.5', 'float', -0.5],
  ['+.5', 'float', 0.5],
  ['1_0.5', 'float', 10.5],
  ['1e400', 'string', '1e400'],
  ['9223372036854775807', 'int', Number(9223372036854775807n)],
  ['18446744073709551615', 'int', Number(18446744073709551615n)],
  ['18446744073709551616', 'float', 2 ** 64],
  ['-9223372036854775809', 'float', -(2 ** 63)],
  ['.nan', 'float', Number.NaN],
  ['.NaN', 'float', Number.NaN],
  ['.inf', 'float', Number.POSITIVE_INFINITY],
  ['+.INF', 'float', Number.POSITIVE_INFINITY],
  ['-.Inf', 'float', Number.NEGATIVE_INFINITY],
  ['.', 'string', '.'],
  ['.e5', 'string', '.e5'],
  ['-', 'string', '-'],
  ['+', 'string', '+'],
  ['0x', 'string', '0x'],
  ['_1', 'string', '_1'],
  ['1.2.3', 'string', '1.2.3'],
  ['7.4.0', 'string', '7.4.0'],
  ['v1.10', 'string', 'v1.10'],
  ['latest', 'string', 'latest'],
  ['+Inf', 'string', '+Inf'],
  ['0xG', 'string', '0xG'],
  ['12:30', 'string', '12:30'],
  ['2024-01-01', 'timestamp', '2024-01-01'],
  ['2018-02-18T22:47:02Z', 'timestamp', '2018-02-18T22:47:02Z'],
  ['2001-12-14 21:59:43.10', 'timestamp', '2001-12-14 21:59:43.10'],
  ['2024-1-2', 'timestamp', '2024-1-2'],
  ['<<', 'string', '<<'],
];

describe('resolvePlainScalar (go-yaml v2)', () => {
  it.each(cases)('%j → %s %j', (text, type, value) => {
    const resolved = resolvePlainScalar(text);
    expect(resolved.type).toBe(type);
    expect(resolved.value).toEqual(value);
  });
});

describe('resolveTaggedScalar', () => {
  it('keeps !!str text as a string', () => {
    expect(resolveTaggedScalar('tag:yaml.org,2002:str', '1.10')).toEqual({ type: 'string', value: '1.10' });
  });
  it('resolves !!int and rejects what is not an int, as go-yaml does', () => {
    expect(resolveTaggedScalar('tag:yaml.org,2002:int', '0x10')).toEqual({ type: 'int', value: 16, integer: 16n });
    expect(resolveTaggedScalar('tag:yaml.org,2002:int', 'abc')).toBeUndefined();
  });
  it('turns an int into a float under !!float', () => {
    expect(resolveTaggedScalar('tag:yaml.org,2002:float', '3')).toEqual({ type: 'float', value: 3 });
  });
  it('keeps local tags as text', () => {
    expect(resolveTaggedScalar('!custom', 'yes')).toEqual({ type: 'string', value: 'yes' });
  });
});
