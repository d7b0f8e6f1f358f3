// The custom resources of the prod overlay are not in kubernetes-models, and their CRDs (the operators' own schemas)
// cannot be fetched here. Instead, a hand-written schema of the fields this repository uses: their types, the
// required ones, allowed values, and no field outside the list (a typo in an operator's spec is otherwise ignored
// by the API server and silently changes nothing). Fields of Kubernetes types inside them (resources, the pod spec
// override) are checked against the Kubernetes schemas. Extend a schema here when a manifest starts using a new field,
// checking the operator's API reference.
import { validateBuiltIn, unknownFieldsOf } from "./schema.mjs";

const str = { t: "string" };
const int = { t: "integer" };
const bool = { t: "boolean" };
const quantity = { t: "quantity" };
const obj = (props, required = []) => ({ t: "object", props, required });
const arr = (of) => ({ t: "array", of });
const map = (of) => ({ t: "map", of });
const oneOf = (...values) => ({ t: "enum", values });
/** A value of a Kubernetes API type, checked in full (types, required fields, unknown fields). */
const core = (type) => ({ t: "core", type });
/** A partial value of a Kubernetes API type (a strategic-merge patch): only unknown fields are checked. */
const partial = (type) => ({ t: "partial", type });

const objectMeta = core("ObjectMeta");
const localObjectReference = obj({ name: str }, ["name"]);

/** rabbitmq.com/v1beta1 RabbitmqCluster (RabbitMQ Cluster Operator 2.x), the fields used or likely to be. */
const rabbitmqCluster = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: obj({
      replicas: int,
      image: str,
      imagePullSecrets: arr(localObjectReference),
      terminationGracePeriodSeconds: int,
      delayStartSeconds: int,
      skipPostDeploySteps: bool,
      persistence: obj({ storageClassName: str, storage: quantity }),
      resources: core("ResourceRequirements"),
      affinity: core("Affinity"),
      tolerations: arr(core("Toleration")),
      service: obj({ type: oneOf("ClusterIP", "LoadBalancer", "NodePort"), annotations: map(str) }),
      tls: obj({ secretName: str, caSecretName: str, disableNonTLSListeners: bool }),
      rabbitmq: obj({ additionalConfig: str, additionalPlugins: arr(str), advancedConfig: str, envConfig: str }),
      override: obj({
        statefulSet: obj({
          metadata: obj({ labels: map(str), annotations: map(str) }),
          spec: obj({ template: obj({ metadata: obj({ labels: map(str), annotations: map(str) }), spec: partial("PodSpec") }) }),
        }),
        service: obj({ metadata: obj({ labels: map(str), annotations: map(str) }), spec: partial("ServiceSpec") }),
      }),
    }),
  },
  ["metadata"],
);

/** postgresql.cnpg.io/v1 Cluster (CloudNativePG 1.2x), the fields used or likely to be. */
const storage = obj({ size: quantity, storageClass: str, resizeInUseVolumes: bool }, ["size"]);
const cnpgCluster = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: obj(
      {
        description: str,
        instances: int,
        imageName: str,
        imagePullPolicy: oneOf("Always", "IfNotPresent", "Never"),
        startDelay: int,
        stopDelay: int,
        primaryUpdateStrategy: oneOf("unsupervised", "supervised"),
        primaryUpdateMethod: oneOf("switchover", "restart"),
        enablePDB: bool,
        enableSuperuserAccess: bool,
        superuserSecret: localObjectReference,
        bootstrap: obj({
          initdb: obj({
            database: str,
            owner: str,
            secret: localObjectReference,
            encoding: str,
            localeCollate: str,
            localeCType: str,
            dataChecksums: bool,
            postInitApplicationSQL: arr(str),
          }),
        }),
        postgresql: obj({
          parameters: map(str),
          pg_hba: arr(str),
          shared_preload_libraries: arr(str),
          synchronous: obj(
            { method: oneOf("any", "first"), number: int, maxStandbyNamesFromCluster: int, standbyNamesPre: arr(str), standbyNamesPost: arr(str), dataDurability: oneOf("required", "preferred") },
            ["method", "number"],
          ),
        }),
        storage,
        walStorage: storage,
        resources: core("ResourceRequirements"),
        affinity: obj({
          enablePodAntiAffinity: bool,
          topologyKey: str,
          podAntiAffinityType: oneOf("preferred", "required"),
          nodeSelector: map(str),
          tolerations: arr(core("Toleration")),
        }),
        monitoring: obj({ enablePodMonitor: bool }),
        inheritedMetadata: obj({ labels: map(str), annotations: map(str) }),
      },
      ["instances", "storage"],
    ),
  },
  ["metadata", "spec"],
);

/** monitoring.coreos.com/v1 PodMonitor (Prometheus Operator 0.7x), the fields used or likely to be. */
const relabeling = obj({
  sourceLabels: arr(str),
  separator: str,
  targetLabel: str,
  regex: str,
  replacement: str,
  modulus: int,
  action: oneOf("replace", "keep", "drop", "hashmod", "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase", "keepequal", "dropequal"),
});
const labelSelector = obj({
  matchLabels: map(str),
  matchExpressions: arr(obj({ key: str, operator: oneOf("In", "NotIn", "Exists", "DoesNotExist"), values: arr(str) }, ["key", "operator"])),
});
const podMonitor = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: obj(
      {
        selector: labelSelector,
        namespaceSelector: obj({ any: bool, matchNames: arr(str) }),
        podTargetLabels: arr(str),
        jobLabel: str,
        podMetricsEndpoints: arr(obj({
          port: str,
          path: str,
          scheme: oneOf("http", "https"),
          interval: str,
          scrapeTimeout: str,
          honorLabels: bool,
          relabelings: arr(relabeling),
          metricRelabelings: arr(relabeling),
        }, ["port"])),
      },
      ["selector", "podMetricsEndpoints"],
    ),
  },
  ["metadata", "spec"],
);

/** monitoring.coreos.com/v1 PrometheusRule; the expressions themselves are checked by promtool (scripts/validate-k8s.sh). */
const prometheusRule = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: obj(
      {
        groups: arr(obj({
          name: str,
          interval: str,
          rules: arr(obj({ alert: str, record: str, expr: str, for: str, keep_firing_for: str, labels: map(str), annotations: map(str) }, ["expr"])),
        }, ["name", "rules"])),
      },
      ["groups"],
    ),
  },
  ["metadata", "spec"],
);

const schemas = new Map([
  ["rabbitmq.com/v1beta1/RabbitmqCluster", rabbitmqCluster],
  ["postgresql.cnpg.io/v1/Cluster", cnpgCluster],
  ["monitoring.coreos.com/v1/PodMonitor", podMonitor],
  ["monitoring.coreos.com/v1/PrometheusRule", prometheusRule],
]);

/** Validates a custom resource; null when its kind has no schema here (the caller reports it). */
export async function validateCustomResource(doc) {
  const schema = schemas.get(`${doc.apiVersion}/${doc.kind}`);
  if (!schema) {
    return null;
  }
  const findings = [];
  await check(doc, schema, "", findings);
  return findings;
}

export const customKinds = [...schemas.keys()];

const quantityPattern = /^[+-]?(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+)?$/;

async function check(value, schema, at, findings) {
  const fail = (message) => findings.push({ path: at || "/", message });
  switch (schema.t) {
    case "string":
      if (typeof value !== "string") fail("must be a string");
      return;
    case "integer":
      if (!Number.isInteger(value)) fail("must be an integer");
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("must be a boolean");
      return;
    case "quantity":
      if (!(typeof value === "number" || (typeof value === "string" && quantityPattern.test(value)))) fail("must be a quantity");
      return;
    case "enum":
      if (!schema.values.includes(value)) fail(`must be one of ${schema.values.join(", ")}`);
      return;
    case "array":
      if (!Array.isArray(value)) return fail("must be an array");
      for (let i = 0; i < value.length; i++) await check(value[i], schema.of, `${at}/${i}`, findings);
      return;
    case "map":
      if (!isObject(value)) return fail("must be an object");
      for (const [k, v] of Object.entries(value)) await check(v, schema.of, `${at}/${k}`, findings);
      return;
    case "object":
      if (!isObject(value)) return fail("must be an object");
      for (const name of schema.required) {
        if (value[name] === undefined) fail(`must have required property ${name}`);
      }
      for (const [k, v] of Object.entries(value)) {
        if (!(k in schema.props)) findings.push({ path: `${at}/${k}`, message: `unknown field "${k}" (not in the hand-written schema)` });
        else await check(v, schema.props[k], `${at}/${k}`, findings);
      }
      return;
    case "core": {
      const result = await validateType(schema.type, value);
      findings.push(...result.map((f) => ({ path: `${at}${f.path === "/" ? "" : f.path}`, message: f.message })));
      return;
    }
    case "partial":
      findings.push(...unknownFieldsOf(value, "v1", schema.type, at));
      return;
    default:
      throw new Error(`unknown schema type ${schema.t}`);
  }
}

async function validateType(type, value) {
  if (type === "ObjectMeta") {
    // ObjectMeta lives in apimachinery; validate it as the metadata of a minimal built-in object.
    const findings = await validateBuiltIn({ apiVersion: "v1", kind: "ConfigMap", metadata: value });
    return findings.map((f) => ({ ...f, path: f.path.replace(/^\/metadata/, "") || "/" }));
  }
  const { [type]: Model } = await import(`kubernetes-models/v1/${type}`);
  const findings = [];
  try {
    new Model(value).validate();
  } catch (error) {
    for (const e of error.errors ?? [{ instancePath: "", message: error.message }]) {
      findings.push({ path: e.instancePath || "/", message: e.message });
    }
  }
  findings.push(...unknownFieldsOf(value, "v1", type, ""));
  return findings;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
