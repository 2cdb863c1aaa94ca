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
const LEGACY_OAPI = 'oc cannot map apiVersion v1 for an image kind on OpenShift 4: "no matches for kind … in version "v1"" (cli-runtime mapper.go infoForData; only Template processing rewrites v1)';
const TEMPLATE_NAME = 'ValidateTemplate (openshift-apiserver template validation.go): metadata.name is required and must be a DNS-1123 subdomain when oc apply creates the Template';
const STRICT_FIELD_VALIDATION =
  'unknown field: `oc apply` validates with --validate=strict by default (Kubernetes 1.27+), which sends fieldValidation=Strict, and the API server answers `strict decoding error: unknown field "…"`';
const PLACEHOLDER_REFERENCE = 'placeholder left in an image reference: library-go reference.Parse fails ("invalid reference format")';
const PLACEHOLDER_NAME = 'placeholder as the ImageStream name: it must match [a-z0-9]+(?:[._-][a-z0-9]+)* ("<CHANGE_ME>")';

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

  // Misplaced or unknown fields, which `oc apply` (strict field validation, its default) rejects.
  { file: 'bcgov__jag-csbnextcloud/docker-image.yaml', ruleId: 'unknown-field', path: 'objects[*].spec.tags[*].from.imagePullSecret', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/amq__amq62-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/amq__amq63-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/datagrid__datagrid71-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/eap__eap64-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/eap__eap70-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/eap__eap71-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/webserver__jws30-tomcat7-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/webserver__jws30-tomcat8-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/webserver__jws31-tomcat7-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'jboss-openshift__application-templates/webserver__jws31-tomcat8-image-stream.json', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-cuttingedge__files__eap74-openjdk11-image-stream.yaml', ruleId: 'unknown-field', path: 'items[*].labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-cuttingedge__files__sso-image-stream.yaml', ruleId: 'unknown-field', path: 'labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-stable__files__sso-image-stream.yaml', ruleId: 'unknown-field', path: 'labels', breaks: STRICT_FIELD_VALIDATION },
  { file: 'openshift-qe__v3-testfiles/templates__tc484487__jboss-image-streams.json', ruleId: 'unknown-field', path: 'items[*].spec.tags[*].dockerImageReference', breaks: STRICT_FIELD_VALIDATION },
  { file: 'phracek__memcached-service-catalog/openshift-template.yaml', ruleId: 'unknown-field', path: 'objects[*].tags', breaks: STRICT_FIELD_VALIDATION },

  // Placeholders meant to be replaced before use (<CHANGE_ME>, $registry, Jinja {{ }}, [YOUR_…]): reported by
  // unrendered-placeholder alone, which keeps image-reference and imagestream-name from reporting the same value.
  { file: 'aicoe-aiops__ocp-ci-analysis/manifests__imagestream.yaml', ruleId: 'unrendered-placeholder', path: 'metadata.name', breaks: PLACEHOLDER_NAME },
  { file: 'aicoe-aiops__ocp-ci-analysis/manifests__imagestream.yaml', ruleId: 'unrendered-placeholder', path: 'spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'os-climate__itr-data-pipeline/manifests__imagestream.yaml', ruleId: 'unrendered-placeholder', path: 'metadata.name', breaks: PLACEHOLDER_NAME },
  { file: 'os-climate__itr-data-pipeline/manifests__imagestream.yaml', ruleId: 'unrendered-placeholder', path: 'spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-streams-aep.json', ruleId: 'unrendered-placeholder', path: 'items[*].spec.dockerImageRepository', breaks: PLACEHOLDER_REFERENCE },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-bxms-dm-foundations__templates__ng-dmf-template.yaml', ruleId: 'unrendered-placeholder', path: 'objects[*].spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-bxms-dm__templates__rhdm72-image-streams.yaml', ruleId: 'unrendered-placeholder', path: 'items[*].spec.tags[*].from.name', breaks: PLACEHOLDER_REFERENCE },
  { file: 'scureq__openshift-artifacts/manifests__image-stream.yaml', ruleId: 'unrendered-placeholder', path: 'spec.dockerImageRepository', breaks: PLACEHOLDER_REFERENCE },
  {
    file: 'openshift-qe__v3-testfiles/image__imagesignature.yaml',
    ruleId: 'unrendered-placeholder',
    path: 'metadata.name',
    breaks:
      'placeholder "<imagename>@<imagesignaturename>": the name passes its format check, but creating the signature looks up the image "<imagename>", which does not exist (openshift-apiserver pkg/image/apiserver/registry/imagesignature/rest.go:79, Create: NotFound)',
  },

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

  // OpenShift 3 manifests with `apiVersion: v1` outside a Template (documents and List items):
  // OpenShift 4 serves no /oapi, so oc's REST mapping fails before any request.
  { file: 'MichaelFitzurka__site-workshops-fiercesw-network/openshift__imagestream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'abutcher__sti-grafana-graphite/imagestream.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'benemon__openjdk-gradle-s2i/openshift__is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'digitalnerd__jmeter-jenkins-openshift/image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'eleanordare__cucumber-openshift-jenkins/image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'fabric8io__kubernetes-client/kubernetes-examples__src__main__resources__test-list.yml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'fabric8io__kubernetes-client/kubernetes-itests__src__test__resources__test-imagestream.yml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'fabric8io__kubernetes-client/kubernetes-model-generator__kubernetes-model-core__src__test__resources__valid-ist.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'fabric8io__kubernetes-client/kubernetes-model-generator__openshift-model__src__test__resources__valid-ist.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'icetoothcold__python-flask-sti-v3.0.0/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-container-images__jboss-amq-7-broker-openshift-image/amq-7-image-streams.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/amq__amq62-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/amq__amq63-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/datagrid__datagrid71-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/eap__eap64-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/eap__eap70-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/eap__eap71-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/webserver__jws30-tomcat7-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/webserver__jws30-tomcat8-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/webserver__jws31-tomcat7-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jboss-openshift__application-templates/webserver__jws31-tomcat8-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'jc1518__OpenShift-CICD/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'jw3__sbt-s2i/sbt.yml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'lourisvaljunior__ocp4/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'lulf__openshift-demo/imagestream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'mwasserschaff__openshift-qpid/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'oondeo__php/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__sourcebuildconfig.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc-OCP-17489__bc_webhook_triggers.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc512096__test-build-cancle.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc525736__nosrc-setup.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc528951__bc_configchange.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc528954__bc_imagechange.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/build__tc528955__bc_no_trigger.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/cli__tc519471__image-stream-tag-update.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/cli__tc519471__image-stream-tag.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/deployment__deployment-with-service.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__annotations.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__busybox.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__external.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__external.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__external_busybox.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__external_busybox.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-centos7.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-centos7.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-rhel7.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__extra-image-streams-rhel7.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-source-with-fake-api-group.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-source.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-streams-aep.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__image-streams-aep.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__is_without_tags.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__is_without_tags.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__jboss-upgrade-image-stream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__python27-image-stream-rhel7.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__python27-image-stream-rhel7.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__simple-is.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510523.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510524.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510525.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510526.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510527.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510528.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc510529.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__tc516702.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image-streams__ui-netcore-is.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image__image-stream-mariadb-rhel7.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/image__imagesignature.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/templates__OCP-11025__test-build.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-qe__v3-testfiles/templates__tc484487__jboss-image-streams.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-s2i__s2i-phoenix/imagestream.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift-s2i__s2i-phoenix/imagestream.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift__library/official__3scale__imagestreams__apicast-gateway.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift__library/official__amq__imagestreams__jboss-amq-63-rhel7.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift__openshift-restclient-java/src__test__resources__samples__openshift3__v1_image_stream.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'openshift__openshift-restclient-java/src__test__resources__samples__openshift3__v1_image_stream_import.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'radanalyticsio__tensorflow-serving-s2i/imagestream.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-bxms-dm__templates__rhdm72-image-streams.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-parksmap-demo__files__workshop-mlbparks.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-parksmap-demo__files__workshop-nationalparks.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp-workload-parksmap-demo__files__workshop-parksmap.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-camelk-crw__files__fuse__fis-image-streams-2.1.fuse-750056-redhat-00006.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-cuttingedge__files__sso-image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-stable__files__jenkins-agent-maven.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles__ocp4-workload-ccnrd-stable__files__sso-image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'redhat-cop__agnosticd/ansible__roles_ocp_workloads__ocp4_workload_lpe_fuse__files__fuse-image-streams.yml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'ricardozanini__custom-java-s2i/imagestream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'ricardozanini__custom-java-s2i/imagestream.yaml', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'scureq__openshift-artifacts/manifests__image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/centos7-nodejs-onbuild.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/centos7-nodejs-onbuild.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/centos7-s2i-nodejs.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/centos7-s2i-nodejs.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/image-stream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/image-streams-candidate.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/image-streams-candidate.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/image-streams.json', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'thedigitalgarage__s2i-meteorjs/image-streams.json', ruleId: 'api-version-mapping', path: 'items[*].apiVersion', breaks: LEGACY_OAPI },
  { file: 'tnozicka__znc-image/deploy__imagestream.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },
  { file: 'yepengxj__cassandra-openshift-orchestration/is.yaml', ruleId: 'api-version-mapping', path: 'apiVersion', breaks: LEGACY_OAPI },

  // Templates applied as objects (`oc apply -f template.yaml` creates the Template): the server's ValidateTemplate
  // needs a DNS-1123 subdomain name; a `${PARAM}` in the Template's own name is never substituted.
  { file: 'OutThereLabs__jaeger-collector-proxy/openshift-template.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__SDPR_Case_Management_SuiteCRM/openshift__local-build-config-template.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__TransAction/openshift__api-build-config.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__TransAction/openshift__client-build-config.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__TransAction/openshift__client-deploy-config.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__devhub-app-web/openshift__templates__api__bc.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__devhub-app-web/openshift__templates__api__dc.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__hcap/openshift__patroni.bc.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__hcap/openshift__server.bc.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__hcap/openshift__universal.bc.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__namex/e2e__build.json', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__namex/services__auto-analyze__k8s__templates__bc.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__namex/solr__openshift__templates__solr-build.json', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__tbtb-ici/openshift__backup-build.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__tbtb-ici/openshift__bc.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'bcgov__tbtb-ici/openshift__patroni-build.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy-backporter.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy-prpqr-ui.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy-repo-init-api.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy-repo-init-ui.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy-vault-secret-manager.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'openshift__ci-tools/hack__pr-deploy.yaml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'redhat-cop__openshift-templates/app-build__app-binary-build.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'redhat-cop__openshift-templates/app-deploy__js-app-deploy-with-configmap-with-image-pull-secret.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'redhat-cop__openshift-templates/app-deploy__js-app-deploy-with-configmap.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },
  { file: 'redhat-cop__openshift-templates/app-deploy__js-app-deploy.yml', ruleId: 'template-name', path: 'metadata.name', breaks: TEMPLATE_NAME },

  { file: 'noelchiocchetti__DO288-templates/is-clean.yaml', ruleId: 'document-not-object', path: '', breaks: 'a top-level YAML sequence: oc cannot decode it into an object ("json: cannot unmarshal array into Go value")' },
];

/** True when `path` matches the pattern, `[*]` standing for any index. */
export function pathMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\\[\\*\\]', '\\[\\d+\\]')}$`);
  return regex.test(path);
}
