/**
 * Scalar arbitraries for the fields of image.openshift.io/v1 objects: values the API server
 * accepts (names, references, digests, labels…), with the strings YAML 1.1 would misread mixed in
 * wherever the field allows them, so renderings must quote them to stay valid.
 */
import fc from 'fast-check';

/** Strings that YAML 1.1 (go-yaml v2) or YAML 1.2 read as something else when left unquoted. */
export const YAML_LOOKALIKES = [
  '1.10', '1.0', '3.0', '0777', '0x1F', '0o17', '0b101', '1_000', '1e3', '.5', '+1', '-7', '12',
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'true', 'False', 'NULL', 'null', 'Null',
  '2024-01-01', '2024-01-01T10:00:00Z', '.inf', '-.Inf', '.nan', '<<', '=',
] as const;

/** Lookalikes that also satisfy the tag, label-value and name grammars ([A-Za-z0-9][-A-Za-z0-9_.]*). */
const WORDLIKE_LOOKALIKES = YAML_LOOKALIKES.filter((text) => /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(text));

/** Text that is hard to write in YAML: indicators, quotes, comments, line breaks, unicode. */
const AWKWARD_TEXT = [
  '', ' ', ' leading', 'trailing ', 'a: b', '- item', '# not a comment', 'a #b', '"quoted"', "'single'", '{flow}', '[seq]',
  '&anchor', '*alias', '!tag', '%directive', '@at', '`tick`', '|', '>', '---', '...', 'line\nbreak', 'tab\there', 'crlf\r\nend',
  '\u0007bell', 'ümlaut', '管理', '😀 emoji', 'e\u0301', '\u202eRTL override', '\u00a0nbsp', 'line\u2028separator', '${NOT_A_TEMPLATE}',
  '\\backslash', 'x'.repeat(300),
];

export const lowerAlphanumeric = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** A DNS-1123 label, as namespaces need. */
export const dnsLabel = fc.stringMatching(/^[a-z0-9](?:[-a-z0-9]{0,12}[a-z0-9])?$/);

/** A DNS-1123 subdomain, as label and annotation key prefixes need. */
export const dnsSubdomain = fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'));

/** An image stream name: `[a-z0-9]+(?:[._-][a-z0-9]+)*`. */
export const streamName = fc.stringMatching(/^[a-z0-9]{1,6}(?:[._-][a-z0-9]{1,6}){0,3}$/);

/** A tag: `[\w][\w.-]{0,127}`, often one YAML would misread. */
export const tagName = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('latest', 'v1.2.3', '_', ...WORDLIKE_LOOKALIKES) },
);

export const hexDigest = fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`);

const registryHost = fc.oneof(
  fc.constantFrom('quay.io', 'registry.example.com', 'docker.io', 'image-registry.openshift-image-registry.svc:5000', 'localhost:5000', 'localhost'),
  fc.tuple(dnsSubdomain, dnsLabel, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })).map(
    ([domain, top, port]) => `${domain}.${top}${port === undefined ? '' : `:${port}`}`,
  ),
);

const pathComponent = fc.stringMatching(/^[a-z0-9]{1,6}(?:(?:[._]|__|-{1,2})[a-z0-9]{1,6}){0,2}$/);

/** A repository without tag or digest: `[registry/]component(/component)*`. */
export const repository = fc
  .tuple(fc.option(registryHost, { nil: undefined }), fc.array(pathComponent, { minLength: 1, maxLength: 3 }))
  .map(([host, path]) => [...(host === undefined ? [] : [host]), ...path].join('/'));

/** A pull spec the library-go reference parser accepts: `repository[:tag][@digest]`. */
export const imageReference = fc
  .tuple(repository, fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/), { nil: undefined }), fc.option(hexDigest, { nil: undefined }))
  .map(([repo, tag, digest]) => `${repo}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`);

/** The name part of a qualified name (label and annotation keys) and a non-empty label value. */
const qualifiedNamePart = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,12}[A-Za-z0-9])?$/) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDLIKE_LOOKALIKES) },
);

export const qualifiedName = fc
  .tuple(fc.option(dnsSubdomain, { nil: undefined }), qualifiedNamePart)
  .map(([prefix, name]) => (prefix === undefined ? name : `${prefix}/${name}`));

export const labelValue = fc.oneof(fc.constant(''), qualifiedNamePart);

/** Any text the server stores as is (annotation values, messages, condition reasons). */
export const freeText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...YAML_LOOKALIKES) },
);

export const labels = fc.dictionary(qualifiedName, labelValue, { maxKeys: 4, noNullPrototype: true });
export const annotations = fc.dictionary(qualifiedName, freeText, { maxKeys: 4, noNullPrototype: true });

/** A media type that matches RFC 6838 as the server checks it. */
export const mediaType = fc.constantFrom(
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.image.rootfs.diff.tar.gzip',
  'application/vnd.oci.image.layer.v1.tar+gzip',
);

export const architecture = fc.constantFrom('amd64', 'arm64', 'ppc64le', 's390x', 'arm');
export const operatingSystem = fc.constantFrom('linux', 'windows');

/** RFC 3339 timestamps as Kubernetes writes them. */
export const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z'));

export const base64Content = fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64'));
