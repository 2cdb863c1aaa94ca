import type { PathSegment } from '../../types.js';
import { INT64_LIMIT } from '../../yaml/scalar.js';
import { defineRule } from '../define.js';
import { IMAGE_KINDS, images } from '../utils/images.js';
import { quote } from '../utils/message.js';
import { isRecord } from '../utils/object.js';

/** The Go types of openshift/api image/docker10 (dockerImageMetadataVersion "1.0"), as encoding/json decodes them. */
type GoType = 'string' | 'int64' | 'bool' | 'time' | 'strings' | 'set' | 'labels' | { [field: string]: GoType };

const DOCKER_CONFIG: GoType = {
  Hostname: 'string',
  Domainname: 'string',
  User: 'string',
  Memory: 'int64',
  MemorySwap: 'int64',
  CpuShares: 'int64',
  Cpuset: 'string',
  AttachStdin: 'bool',
  AttachStdout: 'bool',
  AttachStderr: 'bool',
  PortSpecs: 'strings',
  ExposedPorts: 'set',
  Tty: 'bool',
  OpenStdin: 'bool',
  StdinOnce: 'bool',
  Env: 'strings',
  Cmd: 'strings',
  Dns: 'strings',
  Image: 'string',
  Volumes: 'set',
  VolumesFrom: 'string',
  WorkingDir: 'string',
  Entrypoint: 'strings',
  NetworkDisabled: 'bool',
  SecurityOpts: 'strings',
  OnBuild: 'strings',
  Labels: 'labels',
};

const DOCKER_IMAGE: GoType = {
  kind: 'string',
  apiVersion: 'string',
  Id: 'string',
  Parent: 'string',
  Comment: 'string',
  Created: 'time',
  Container: 'string',
  ContainerConfig: DOCKER_CONFIG,
  DockerVersion: 'string',
  Author: 'string',
  Config: DOCKER_CONFIG,
  Architecture: 'string',
  Size: 'int64',
};

const EXPECTED: Record<Exclude<GoType, object>, string> = {
  string: 'a string',
  int64: 'an integer within int64',
  bool: 'true or false',
  time: 'an RFC 3339 time such as "2024-01-01T00:00:00Z"',
  strings: 'a list of strings',
  set: 'a mapping whose values are mappings ({})',
  labels: 'a mapping of strings',
};

// metav1.Time.UnmarshalJSON parses time.RFC3339 (a fraction of seconds is accepted too).
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function fits(type: Exclude<GoType, object>, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int64':
      // ±2^63 is also what int64's extremes (9223372036854775807, -9223372036854775808) read as: not certain.
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT64_LIMIT;
    case 'bool':
      return typeof value === 'boolean';
    case 'time':
      return typeof value === 'string' && RFC3339.test(value);
    case 'strings':
      return Array.isArray(value) && value.every((item) => item === null || typeof item === 'string');
    case 'set':
      return isRecord(value) && Object.values(value).every((item) => item === null || isRecord(item));
    case 'labels':
      return isRecord(value) && Object.values(value).every((item) => item === null || typeof item === 'string');
  }
}

export default defineRule({
  id: 'docker-image-metadata',
  category: 'server',
  severity: 'error',
  description: "An Image's dockerImageMetadata must decode into the typed Docker image metadata (numbers, booleans, lists and times of the right type).",
  source:
    'openshift-apiserver pkg/image/apis/image/v1/conversion.go Convert_v1_Image_To_image_Image decodes the dockerImageMetadata RawExtension with the docker image codecs into openshift/api image/docker10 DockerImage (encoding/json, case-sensitive, unknown fields ignored); a type mismatch fails the conversion and the request',
  kinds: IMAGE_KINDS,
  // Conversion fails (a decoding error of the request), before any field is validated.
  flags: { noServerPath: true },
  messages: {
    type: '{{field}} must be {{expected}}, not {{actual}}: the server decodes dockerImageMetadata into typed Docker image metadata when it converts the Image and rejects it.{{hint}}',
  },
  check({ object, report }) {
    for (const { image, path } of images(object)) {
      const metadata = image['dockerImageMetadata'];
      // pre012 metadata has another layout; a metadata that is not a mapping is the schema's to report.
      const version = image['dockerImageMetadataVersion'];
      if (!isRecord(metadata) || (version !== undefined && version !== null && version !== '' && version !== '1.0')) continue;
      const visit = (value: Record<string, unknown>, type: { [field: string]: GoType }, at: PathSegment[]): void => {
        for (const [field, fieldType] of Object.entries(type)) {
          const child = value[field];
          if (child === undefined || child === null) continue;
          const childPath = [...at, field];
          if (typeof fieldType === 'object') {
            if (isRecord(child)) visit(child, fieldType, childPath);
            else report({ path: childPath, messageId: 'type', data: { field: childPath.join('.'), expected: 'a mapping', actual: describe(child), hint: '' } });
            continue;
          }
          if (fits(fieldType, child)) continue;
          const quotedNumber = fieldType === 'int64' && typeof child === 'string' && /^-?\d+$/.test(child);
          report({
            path: childPath,
            messageId: 'type',
            data: { field: childPath.join('.'), expected: EXPECTED[fieldType], actual: describe(child), hint: quotedNumber ? ` Remove the quotes: ${child}.` : '' },
          });
        }
      };
      visit(metadata, DOCKER_IMAGE as { [field: string]: GoType }, [...path, 'dockerImageMetadata']);
    }
  },
});
