/**
 * Error findings on the real-world corpus (../shared/corpus/real) that are genuine: the API server
 * (or `oc`) would reject the object. Each entry: corpus file, rule, path (`*` matches an index),
 * and the server rule the manifest breaks. Anything else at error severity fails the corpus test,
 * and an entry that no longer matches anything fails it too.
 */
export interface AllowedError {
  file: string;
  ruleId: string;
  /** Rendered document path; `[*]` matches any index. */
  path: string;
  /** The server rule the manifest breaks. */
  breaks: string;
}

const CASE_SENSITIVE = 'the API server decodes JSON case-sensitively: `Kind`/`Name` are unknown fields, so `from` has no kind and no name and validation answers Required / "valid values are DockerImage, ImageStreamImage, ImageStreamTag"';
const LABEL_BOOLEAN = 'unquoted `true` is a YAML boolean; a label value must be a string ("cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string")';
const OWN_IMAGE_ON_CREATE =
  'exported from a live stream: on create its status starts empty, so the ImageStream strategy\'s tagsChanged cannot resolve an ImageStreamImage of the stream itself (ResolveImageID: imagestreamimage not found; applying it onto the existing stream, an update, would pass)';
const APPLY_ANNOTATION =
  'tag.annotations copies metadata.annotations, which oc apply (client-side) extends with kubectl.kubernetes.io/last-applied-configuration before creating: ValidateImageStreamTag "tag annotations must not be provided or must be equal to the object meta annotations" (oc create, oc apply --server-side and the Ansible k8s module used here send it as written and pass)';
const PLACEHOLDER_REFERENCE = 'placeholder left in an image reference: library-go reference.Parse fails ("invalid reference format")';

export const allowedErrors: readonly AllowedError[] = [
  // OpenShift 3 era manifests with capitalised ObjectReference keys.
  { file: 'abutcher__sti-grafana-graphite/imagestream.json', ruleId: 'tag-from-kind', path: 'spec.tags[*].from.kind', breaks: CASE_SENSITIVE },
  { file: 'abutcher__sti-grafana-graphite/imagestream.json', ruleId: 'tag-from-name', path: 'spec.tags[*].from.name', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-centos7.json', ruleId: 'tag-from-kind', path: 'items[*].spec.tags[*].from.kind', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-centos7.json', ruleId: 'tag-from-name', path: 'items[*].spec.tags[*].from.name', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-rhel7.json', ruleId: 'tag-from-kind', path: 'items[*].spec.tags[*].from.kind', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-rhel7.json', ruleId: 'tag-from-name', path: 'items[*].spec.tags[*].from.name', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__python27-image-stream-rhel7.json', ruleId: 'tag-from-kind', path: 'items[*].spec.tags[*].from.kind', breaks: CASE_SENSITIVE },
  { file: 'openshift-qe__v3-testfiles/image-streams__python27-image-stream-rhel7.json', ruleId: 'tag-from-name', path: 'items[*].spec.tags[*].from.name', breaks: CASE_SENSITIVE },

  // Unquoted `shared: true` labels in Templates (the processed object carries a JSON boolean).
  { file: 'bcgov__TransAction/openshift__api-deploy-config.yaml', ruleId: 'yaml-implicit-type', path: 'objects[*].metadata.labels.shared', breaks: LABEL_BOOLEAN },
  { file: 'bcgov__TransAction/openshift__client-deploy-config.yaml', ruleId: 'yaml-implicit-type', path: 'objects[*].metadata.labels.shared', breaks: LABEL_BOOLEAN },
  { file: 'bcgov__digital-gov/openshift__bc.yaml', ruleId: 'yaml-implicit-type', path: 'objects[*].metadata.labels.shared', breaks: LABEL_BOOLEAN },
  { file: 'bcgov__workbc-sam-snow/openshift__bc.yaml', ruleId: 'yaml-implicit-type', path: 'objects[*].metadata.labels.shared', breaks: LABEL_BOOLEAN },

  // Placeholders meant to be replaced before use (<CHANGE_ME>, $registry, Jinja {{ }}, [YOUR_…]).
  { file: 'aicoe-aiops__ocp-ci-analysis/manifests__imagestream.yaml', ruleId: 'imagestream-name', path: 'metadata.name', breaks: 'ImageStream name must match [a-z0-9]+(?:[._-][a-z0-9]+)* ("<CHANGE_ME>")' },
  { file: 'aicoe-aiops__ocp-ci-analysis/manifests__imagestream.yaml', ruleId: 'image-reference', path: 'spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'os-climate__itr-data-pipeline/manifests__imagestream.yaml', ruleId: 'imagestream-name', path: 'metadata.name', breaks: 'ImageStream name must match [a-z0-9]+(?:[._-][a-z0-9]+)* ("<CHANGE_ME>")' },
  { file: 'os-climate__itr-data-pipeline/manifests__imagestream.yaml', ruleId: 'image-reference', path: 'spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-streams-aep.json', ruleId: 'image-reference', path: 'items[*].spec.dockerImageRepository', breaks: PLACEHOLDER_REFERENCE },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-bxms-dm-foundations__templates__ng-dmf-template.yaml', ruleId: 'image-reference', path: 'objects[*].spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-bxms-dm__templates__rhdm72-image-streams.yaml', ruleId: 'image-reference', path: 'items[*].spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'scureq__openshift-artifacts/manifests__image-stream.yaml', ruleId: 'image-reference', path: 'spec.dockerImageRepository', breaks: PLACEHOLDER_REFERENCE },

  // Unit-test fixtures of client libraries and tools, never meant for a server.
  {
    file: 'fabric8io__kubernetes-client/kubernetes-model-generator__kubernetes-model-core__src__test__resources__valid-imagestreamimport.json',
    ruleId: 'image-reference',
    path: 'spec.images[*].from.name',
    breaks: 'spec.images[i].from.name must parse as a reference; "dockerImageName" has upper-case letters',
  },
  {
    file: 'fabric8io__kubernetes-client/kubernetes-model-generator__kubernetes-model-core__src__test__resources__valid-imagestreamimport.json',
    ruleId: 'repository-reference',
    path: 'spec.repository.from.name',
    breaks: 'spec.repository.from.name: "you must specify an image repository, not a tag or ID"',
  },
  {
    file: 'fabric8io__kubernetes-client/kubernetes-model-generator__kubernetes-model-core__src__test__resources__valid-ist.json',
    ruleId: 'imagestreamtag-annotations',
    path: 'tag.annotations',
    breaks: 'ImageStreamTag: "tag annotations must not be provided or must be equal to the object meta annotations"',
  },
  {
    file: 'fabric8io__kubernetes-client/kubernetes-model-generator__openshift-model__src__test__resources__valid-ist.json',
    ruleId: 'imagestreamtag-annotations',
    path: 'tag.annotations',
    breaks: 'ImageStreamTag: "tag annotations must not be provided or must be equal to the object meta annotations"',
  },
  {
    file: 'openshift__ci-tools/pkg__steps__testdata__isTags__pipeline_malformed_istag.yaml',
    ruleId: 'schema-type',
    path: 'image.dockerImageMetadata',
    breaks: 'dockerImageMetadata is a RawExtension converted to a DockerImage object; the string "malformed-json" fails conversion (a deliberate negative fixture)',
  },
  {
    file: 'openshift__oc/pkg__helpers__graph__genericgraph__test__bad_secret_refs.yaml',
    ruleId: 'repository-reference',
    path: 'items[*].spec.dockerImageRepository',
    breaks: 'spec.dockerImageRepository: "the repository name may not contain a tag"',
  },
  { file: 'openshift__oc/pkg__helpers__graph__genericgraph__test__prereq-image-present-with-sched.yaml', ruleId: 'tag-from-name', path: 'items[*].spec.tags[*].from.name', breaks: OWN_IMAGE_ON_CREATE },
  { file: 'Suryalolla__oseconfigs/imagestream.yaml', ruleId: 'tag-from-name', path: 'items[*].spec.tags[*].from.name', breaks: OWN_IMAGE_ON_CREATE },
  {
    file: 'openshift__oc/pkg__helpers__graph__genericgraph__test__prereq-image-present-with-sched.yaml',
    ruleId: 'tag-scheduled-import',
    path: 'items[*].spec.tags[*].importPolicy.scheduled',
    breaks: '"only tags pointing to Docker repositories may be scheduled for background import" (from.kind is ImageStreamImage)',
  },

  {
    file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-quarkus-workshop__files__openjdk-21-ubi8-imagestream.yaml',
    ruleId: 'imagestreamtag-annotations',
    path: 'tag.annotations',
    breaks: APPLY_ANNOTATION,
  },

  // Other genuine mistakes.
  { file: 'lourisvaljunior__ocp4/my-is.yaml', ruleId: 'schema-required', path: 'apiVersion', breaks: '`apiversion:` is not `apiVersion:` (case-sensitive); oc cannot map an object without apiVersion' },
  {
    file: 'openshift-qe__v3-testfiles/templates__tc484487__jboss-image-streams.json',
    ruleId: 'repository-reference',
    path: 'items[*].spec.dockerImageRepository',
    breaks: 'spec.dockerImageRepository: "the repository name may not contain a tag" (amq-openshift:6.2)',
  },
];

/** True when `path` matches the pattern, `[*]` standing for any index. */
export function pathMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\\[\\*\\]', '\\[\\d+\\]')}$`);
  return regex.test(path);
}
