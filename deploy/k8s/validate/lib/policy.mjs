// The deployment policy of docs/conventions.md §5, checked on a rendered overlay. Each finding names its rule, so
// that a reviewer can look the rule up and the broken-fixture test can tell which rules fired.
//
// Terms: a "workload" is a Deployment, StatefulSet or Job; the suite's own processes are the Deployments (every
// Deployment of this repository is one of the four processes; the dev database and broker are StatefulSets).

const LABEL_KEYS = ["name", "instance", "version", "component", "part-of", "managed-by"].map((k) => `app.kubernetes.io/${k}`);
const SELECTOR_KEYS = new Set(["app.kubernetes.io/name", "app.kubernetes.io/instance"]);
const NAMESPACED_EXEMPT = new Set(["Namespace"]);
/** Env names that hold credentials: they must come from a Secret, never a literal or a ConfigMap. */
const SECRET_NAME = /(password|passwd|secret|token|apikey|api_key|tokenkey|privatekey|credential)/i;
const DEFAULT_SHUTDOWN_TIMEOUT = 25;
const GENERATED_NAME = /-[a-z0-9]{10}$/;

/**
 * @param docs rendered objects
 * @param options.profile "dev" or "prod"
 * @param options.externalSecrets names of Secrets created outside the manifests (prod), besides the operators' own
 */
export function checkPolicy(docs, { profile, externalSecrets = [] }) {
  const findings = [];
  const report = (rule, doc, message) =>
    findings.push({ rule, object: doc ? `${doc.kind}/${doc.metadata?.name ?? "?"}` : "-", message });
  const ctx = new Context(docs);

  checkLabels(ctx, report);
  checkSelectors(ctx, report);
  checkNamespace(ctx, report);
  checkProbes(ctx, report);
  checkResources(ctx, report);
  checkScaling(ctx, report, profile);
  checkSecurity(ctx, report);
  checkNetwork(ctx, report);
  checkConfiguration(ctx, report, profile, externalSecrets);
  checkShutdown(ctx, report);
  checkMigrations(ctx, report);
  checkTopology(ctx, report);
  checkImages(ctx, report, profile);
  checkBackingServices(ctx, report, profile);
  checkExposure(ctx, report, profile);
  return findings;
}

class Context {
  constructor(docs) {
    this.docs = docs;
    // A CronJob's pods are those of its job template (the operator's commands are suspended CronJobs).
    const template = (d) => (d.kind === "CronJob" ? d.spec?.jobTemplate?.spec?.template : d.spec?.template);
    this.workloads = docs
      .filter((d) => ["Deployment", "StatefulSet", "Job", "CronJob"].includes(d.kind))
      .map((d) => ({ doc: d, pod: template(d)?.spec ?? {}, labels: template(d)?.metadata?.labels ?? {} }));
    this.deployments = this.workloads.filter((w) => w.doc.kind === "Deployment");
  }

  of(kind) {
    return this.docs.filter((d) => d.kind === kind);
  }

  find(kind, name) {
    return this.docs.find((d) => d.kind === kind && d.metadata?.name === name);
  }

  /** A container's environment as the kubelet builds it: envFrom ConfigMaps first, then env literals. */
  env(container) {
    const env = new Map();
    for (const from of container.envFrom ?? []) {
      const cm = from.configMapRef && this.find("ConfigMap", from.configMapRef.name);
      for (const [k, v] of Object.entries(cm?.data ?? {})) env.set((from.prefix ?? "") + k, v);
    }
    for (const e of container.env ?? []) {
      env.set(e.name, e.value !== undefined ? expand(e.value, env) : e.valueFrom ? { from: e.valueFrom } : "");
    }
    return env;
  }
}

function expand(value, env) {
  return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name) => (typeof env.get(name) === "string" ? env.get(name) : m));
}

function containers(pod) {
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
}

/** Does a label selector (matchLabels/matchExpressions, or a plain map) select these labels? */
function selects(selector, labels) {
  if (!selector) return false;
  const matchLabels = selector.matchLabels ?? (selector.matchExpressions ? {} : selector);
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function checkLabels(ctx, report) {
  for (const doc of ctx.docs) {
    const missing = LABEL_KEYS.filter((k) => !doc.metadata?.labels?.[k]);
    if (missing.length) report("labels", doc, `metadata.labels lacks ${missing.join(", ")}`);
  }
  for (const { doc, labels } of ctx.workloads) {
    const missing = LABEL_KEYS.filter((k) => !labels[k]);
    if (missing.length) report("labels", doc, `pod template labels lack ${missing.join(", ")}`);
  }
}

function checkSelectors(ctx, report) {
  const onlyNameInstance = (doc, where, labels) => {
    const keys = Object.keys(labels ?? {});
    if (!keys.includes("app.kubernetes.io/name")) report("selectors", doc, `${where} does not select on app.kubernetes.io/name`);
    const other = keys.filter((k) => !SELECTOR_KEYS.has(k));
    if (other.length) report("selectors", doc, `${where} uses ${other.join(", ")}: selectors use only name (+instance)`);
  };
  const runsToCompletion = (w) => ["Job", "CronJob"].includes(w.doc.kind);
  for (const { doc, labels } of ctx.workloads.filter((w) => !runsToCompletion(w))) {
    const selector = doc.spec?.selector ?? {};
    if (selector.matchExpressions?.length) report("selectors", doc, "spec.selector uses matchExpressions");
    onlyNameInstance(doc, "spec.selector", selector.matchLabels);
    if (!selects(selector, labels)) report("selectors", doc, "spec.selector does not match the pod template's labels");
  }
  const podLabels = ctx.workloads.map((w) => w.labels);
  for (const doc of ctx.of("Service")) {
    if (!doc.spec?.selector) continue;
    onlyNameInstance(doc, "spec.selector", doc.spec.selector);
    if (!podLabels.some((l) => selects(doc.spec.selector, l))) report("selectors", doc, "spec.selector matches no pod template");
  }
  for (const doc of ctx.of("PodDisruptionBudget")) {
    onlyNameInstance(doc, "spec.selector", doc.spec?.selector?.matchLabels);
    if (!podLabels.some((l) => selects(doc.spec?.selector, l))) report("selectors", doc, "spec.selector matches no pod template");
  }
  // A Job's pods must not be caught by a Deployment's selector (its Service would route calls to a migration).
  for (const job of ctx.workloads.filter(runsToCompletion)) {
    for (const d of ctx.deployments) {
      if (selects(d.doc.spec?.selector, job.labels)) report("selectors", job.doc, `its pods match the selector of Deployment/${d.doc.metadata.name}`);
    }
  }
}

function checkNamespace(ctx, report) {
  const namespaces = ctx.of("Namespace");
  if (namespaces.length !== 1) {
    report("namespace", null, `expected one Namespace, found ${namespaces.length}`);
    return;
  }
  const ns = namespaces[0];
  if (ns.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") {
    report("namespace", ns, 'lacks the label pod-security.kubernetes.io/enforce: "restricted"');
  }
  for (const doc of ctx.docs) {
    if (!NAMESPACED_EXEMPT.has(doc.kind) && doc.metadata?.namespace !== ns.metadata.name) {
      report("namespace", doc, `is not in namespace ${ns.metadata.name}`);
    }
  }
}

function grpcPort(container) {
  return container.ports?.find((p) => p.name === "grpc")?.containerPort;
}

function checkProbes(ctx, report) {
  for (const { doc, pod } of ctx.deployments) {
    for (const c of pod.containers ?? []) {
      const port = grpcPort(c);
      if (port === undefined) report("probes", doc, `container ${c.name} declares no port named grpc`);
      for (const [probe, service] of [["startupProbe", "liveness"], ["livenessProbe", "liveness"], ["readinessProbe", "readiness"]]) {
        const grpc = c[probe]?.grpc;
        if (!grpc) report("probes", doc, `container ${c.name}: ${probe} must be a grpc probe`);
        else {
          if (!Number.isInteger(grpc.port) || grpc.port !== port) report("probes", doc, `container ${c.name}: ${probe}.grpc.port must be the grpc port number (${port})`);
          if (grpc.service !== service) report("probes", doc, `container ${c.name}: ${probe}.grpc.service must be "${service}", not "${grpc.service}"`);
        }
      }
    }
  }
  for (const { doc, pod } of ctx.workloads.filter((w) => w.doc.kind === "StatefulSet")) {
    for (const c of pod.containers ?? []) {
      if (!c.readinessProbe || !c.livenessProbe) report("probes", doc, `container ${c.name} needs a readiness and a liveness probe`);
    }
  }
}

function checkResources(ctx, report) {
  for (const { doc, pod } of ctx.workloads) {
    for (const c of containers(pod)) {
      const r = c.resources ?? {};
      const missing = [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]].filter(([a, b]) => r[a]?.[b] === undefined);
      if (missing.length) report("resources", doc, `container ${c.name} lacks ${missing.map((m) => m.join(".")).join(", ")}`);
    }
  }
}

function checkScaling(ctx, report, profile) {
  const minimum = profile === "prod" ? 2 : 1;
  const hpas = ctx.of("HorizontalPodAutoscaler");
  for (const { doc, labels } of ctx.deployments) {
    const name = doc.metadata.name;
    const mine = hpas.filter((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === name);
    if (mine.length !== 1) report("replicas-hpa", doc, `needs exactly one HorizontalPodAutoscaler, has ${mine.length}`);
    if (doc.spec?.replicas !== undefined) report("replicas-hpa", doc, "sets spec.replicas although an HPA owns the replica count");
    const hpa = mine[0];
    if (hpa) {
      if (hpa.apiVersion !== "autoscaling/v2") report("replicas-hpa", hpa, "must be autoscaling/v2");
      const min = hpa.spec.minReplicas ?? 1;
      if (min < minimum) report("replicas-hpa", hpa, `minReplicas ${min} < ${minimum} (${profile})`);
    }
    const pdbs = ctx.of("PodDisruptionBudget").filter((p) => selects(p.spec?.selector, labels));
    if (pdbs.length !== 1) report("pdb", doc, `needs exactly one PodDisruptionBudget, has ${pdbs.length}`);
    for (const pdb of pdbs) {
      if (pdb.apiVersion !== "policy/v1") report("pdb", pdb, "must be policy/v1");
      const min = hpa?.spec?.minReplicas ?? 1;
      const { minAvailable, maxUnavailable } = pdb.spec;
      if (Number.isInteger(minAvailable) && minAvailable >= min) report("pdb", pdb, `minAvailable ${minAvailable} blocks every eviction with ${min} replica(s)`);
      if (maxUnavailable === 0 || maxUnavailable === "0%") report("pdb", pdb, "maxUnavailable 0 blocks every eviction");
      if (profile === "prod" && Number.isInteger(maxUnavailable) && maxUnavailable >= min) report("pdb", pdb, `maxUnavailable ${maxUnavailable} lets every replica go at once`);
    }
  }
  for (const hpa of ctx.of("HorizontalPodAutoscaler")) {
    const target = hpa.spec?.scaleTargetRef;
    if (!ctx.find(target?.kind, target?.name)) report("replicas-hpa", hpa, `scales ${target?.kind}/${target?.name}, which is not in the manifests`);
    if ((hpa.spec?.maxReplicas ?? 0) < (hpa.spec?.minReplicas ?? 1)) report("replicas-hpa", hpa, "maxReplicas < minReplicas");
  }
}

function checkSecurity(ctx, report) {
  for (const { doc, pod } of ctx.workloads) {
    const podSc = pod.securityContext ?? {};
    if (pod.automountServiceAccountToken !== false) report("security", doc, "automountServiceAccountToken must be false");
    for (const host of ["hostNetwork", "hostPID", "hostIPC"]) if (pod[host]) report("security", doc, `${host} is not allowed`);
    for (const v of pod.volumes ?? []) if (v.hostPath) report("security", doc, `volume ${v.name} is a hostPath`);
    const sa = pod.serviceAccountName && ctx.find("ServiceAccount", pod.serviceAccountName);
    if (!pod.serviceAccountName) report("security", doc, "uses the namespace's default ServiceAccount");
    else if (sa && sa.automountServiceAccountToken !== false) report("security", sa, "automountServiceAccountToken must be false");
    for (const c of containers(pod)) {
      const sc = c.securityContext ?? {};
      const where = `container ${c.name}`;
      const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? podSc.runAsUser;
      const seccomp = (sc.seccompProfile ?? podSc.seccompProfile)?.type;
      if (runAsNonRoot !== true) report("security", doc, `${where}: runAsNonRoot must be true`);
      if (!Number.isInteger(runAsUser) || runAsUser <= 0) report("security", doc, `${where}: runAsUser must be a numeric non-root UID, is ${runAsUser}`);
      if (!["RuntimeDefault", "Localhost"].includes(seccomp)) report("security", doc, `${where}: seccompProfile must be RuntimeDefault`);
      if (sc.allowPrivilegeEscalation !== false) report("security", doc, `${where}: allowPrivilegeEscalation must be false`);
      if (sc.privileged) report("security", doc, `${where}: privileged is not allowed`);
      if (!sc.capabilities?.drop?.includes("ALL")) report("security", doc, `${where}: capabilities must drop ALL`);
      if (sc.capabilities?.add?.length) report("security", doc, `${where}: adds capabilities ${sc.capabilities.add.join(", ")}`);
      if (sc.readOnlyRootFilesystem !== true) report("security", doc, `${where}: readOnlyRootFilesystem must be true`);
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      const volume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
      if (!volume?.emptyDir) report("security", doc, `${where}: /tmp must be an emptyDir volume (the root filesystem is read-only)`);
    }
  }
}

/** NetworkPolicies of a type that apply to pods with these labels. */
function policiesFor(ctx, labels, type) {
  return ctx.of("NetworkPolicy").filter((p) => selects(p.spec?.podSelector ?? {}, labels) && (p.spec?.policyTypes ?? ["Ingress"]).includes(type));
}

function allowsPort(rule, port, protocol = "TCP") {
  if (!rule.ports) return true;
  return rule.ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || p.port === port || (p.endPort && port >= p.port && port <= p.endPort)));
}

/** Does a peer list (from/to) include pods of this namespace with these labels? */
function peersInclude(peers, labels) {
  if (!peers) return true;
  return peers.some((peer) => peer.podSelector && !peer.namespaceSelector && !peer.ipBlock && selects(peer.podSelector, labels));
}

/** May pods labelled `from` open a TCP connection to `port` of pods labelled `to`, both in the namespace? */
function canReach(ctx, from, to, port) {
  const egress = policiesFor(ctx, from, "Egress");
  const ingress = policiesFor(ctx, to, "Ingress");
  const out = egress.length === 0 || egress.some((p) => (p.spec.egress ?? []).some((r) => allowsPort(r, port) && peersInclude(r.to, to)));
  const into = ingress.length === 0 || ingress.some((p) => (p.spec.ingress ?? []).some((r) => allowsPort(r, port) && peersInclude(r.from, from)));
  return out && into;
}

/** The TCP port of an OIDC authority URL (https 443, http 80 unless it names one), undefined when it is no such URL. */
function authorityPort(authority) {
  try {
    const url = new URL(authority);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    return Number(url.port || (url.protocol === "https:" ? 443 : 80));
  } catch {
    return undefined;
  }
}

/**
 * May pods with these labels open connections to `port` of something outside the namespace (an address outside the
 * cluster, or another namespace)? Peers that only select pods of this namespace do not count.
 */
function canLeaveNamespace(ctx, labels, port, protocol = "TCP") {
  const egress = policiesFor(ctx, labels, "Egress");
  return egress.length === 0 || egress.some((p) => (p.spec.egress ?? []).some((r) =>
    allowsPort(r, port, protocol) && (!r.to?.length || r.to.some((peer) => peer.ipBlock || peer.namespaceSelector))));
}

/** The host of a gRPC client address: `dns:///host:port`, `http://host:port`. */
function clientHost(address) {
  const dns = /^dns:\/\/[^/]*\/([^:/]+)/.exec(address);
  if (dns) return dns[1];
  try {
    return new URL(address).hostname;
  } catch {
    return undefined;
  }
}

/** For each service Deployment, the Deployments whose configuration names it in a Services__<name>__Address. */
function serviceCallers(ctx) {
  const callers = new Map();
  for (const caller of ctx.deployments) {
    for (const [k, v] of ctx.env(caller.pod.containers?.[0] ?? {})) {
      if (typeof v !== "string" || !/^Services__.+__Address$/.test(k)) continue;
      const host = clientHost(v);
      const service = host && ctx.find("Service", host);
      if (!service?.spec?.selector) continue;
      for (const callee of ctx.deployments.filter((d) => d !== caller && selects(service.spec.selector, d.labels))) {
        callers.set(callee.doc, [...(callers.get(callee.doc) ?? []), caller]);
      }
    }
  }
  return callers;
}

/**
 * The labels of the pods behind a host name: a Service's pods (from the workloads it selects), or the pods an
 * operator creates for a CloudNativePG cluster (<name>-rw/-ro/-r) or a RabbitmqCluster (<name>).
 */
function podsBehind(ctx, host) {
  const service = ctx.find("Service", host);
  if (service?.spec?.selector) return ctx.workloads.map((w) => w.labels).filter((l) => selects(service.spec.selector, l));
  const cnpg = ctx.of("Cluster").find((c) => c.apiVersion?.startsWith("postgresql.cnpg.io/") && [`${c.metadata.name}-rw`, `${c.metadata.name}-ro`, `${c.metadata.name}-r`].includes(host));
  if (cnpg) return [{ "cnpg.io/cluster": cnpg.metadata.name, "cnpg.io/podRole": "instance" }];
  const rabbit = ctx.find("RabbitmqCluster", host);
  if (rabbit) return [{ "app.kubernetes.io/name": host, "app.kubernetes.io/component": "rabbitmq", "app.kubernetes.io/part-of": "rabbitmq" }];
  return [];
}

/**
 * Ingress for Prometheus: from other namespaces only (no address ranges, no pods of this one) and to the container's
 * "metrics" port only, which serves nothing but GET /metrics.
 */
function isScrapeRule(rule, container) {
  const metrics = container.ports?.find((p) => p.name === "metrics")?.containerPort;
  return metrics !== undefined &&
    (rule.ports ?? []).length > 0 && rule.ports.every((p) => p.port === metrics || p.port === "metrics") &&
    (rule.from ?? []).length > 0 && rule.from.every((f) => f.namespaceSelector && !f.podSelector && !f.ipBlock);
}

function checkNetwork(ctx, report) {
  const policies = ctx.of("NetworkPolicy");
  const denyAll = policies.find((p) =>
    Object.keys(p.spec?.podSelector ?? { x: 1 }).length === 0 &&
    ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t)) &&
    !p.spec.ingress?.length && !p.spec.egress?.length);
  if (!denyAll) report("network", null, "no default-deny NetworkPolicy (empty podSelector, both policy types, no rules)");
  const dns = policies.find((p) => Object.keys(p.spec?.podSelector ?? { x: 1 }).length === 0 && (p.spec.egress ?? []).some((r) => allowsPort(r, 53, "UDP")));
  if (!dns) report("network", null, "no NetworkPolicy lets every pod resolve names (egress to port 53/UDP)");

  const gateway = ctx.deployments.find((d) => d.labels["app.kubernetes.io/component"] === "gateway");
  if (!gateway) {
    report("network", null, "no gateway Deployment (component gateway)");
    return;
  }
  const gatewayPort = grpcPort(gateway.pod.containers?.[0] ?? {});
  if (!policiesFor(ctx, gateway.labels, "Ingress").some((p) => (p.spec.ingress ?? []).some((r) => allowsPort(r, gatewayPort)))) {
    report("network", gateway.doc, `nothing may reach the gateway's gRPC port ${gatewayPort}`);
  }
  // Calls between services are declared, not implied: a process that configures a client of another service
  // (Services__<name>__Address) may call that service's gRPC port, and no other process may.
  const callers = serviceCallers(ctx);
  for (const { doc, pod, labels } of ctx.deployments.filter((d) => d !== gateway)) {
    const port = grpcPort(pod.containers?.[0] ?? {});
    if (!canReach(ctx, gateway.labels, labels, port)) report("network", doc, `the gateway may not reach its gRPC port ${port}`);
    const allowed = [gateway, ...(callers.get(doc) ?? [])];
    for (const caller of callers.get(doc) ?? []) {
      if (!canReach(ctx, caller.labels, labels, port)) report("network", caller.doc, `is configured to call ${doc.metadata.name} but may not reach its gRPC port ${port}`);
    }
    for (const rule of policiesFor(ctx, labels, "Ingress").flatMap((p) => p.spec.ingress ?? [])) {
      if (isScrapeRule(rule, pod.containers?.[0] ?? {})) continue;
      const fromAllowedOnly = (rule.from ?? []).length > 0 && rule.from.every((f) => f.podSelector && !f.namespaceSelector && !f.ipBlock &&
        allowed.some((a) => selects(f.podSelector, a.labels)) && !ctx.deployments.some((d) => !allowed.includes(d) && selects(f.podSelector, d.labels)));
      if (!fromAllowedOnly) report("network", doc, "admits ingress from other sources than the gateway (and the services configured to call it)");
      else if ((rule.ports ?? []).length === 0 || !rule.ports.every((p) => p.port === port)) report("network", doc, `admits the gateway on other ports than gRPC ${port}`);
    }
  }
  // Every process, migration Job and operator's command reaches the database and broker its configuration names, and
  // every topology Job the broker; nothing blocks them on either side.
  for (const { doc, pod, labels } of ctx.workloads.filter((w) => w.doc.kind !== "StatefulSet")) {
    const env = ctx.env(pod.containers?.[0] ?? {});
    const targets = [];
    for (const [k, v] of env) {
      if (typeof v !== "string") continue;
      if (k.startsWith("ConnectionStrings__")) targets.push([/Host=([^;]+)/i.exec(v)?.[1], Number(/Port=(\d+)/i.exec(v)?.[1] ?? 5432)]);
      if (k === "RabbitMq__Host" && (onBroker(doc, env) || (doc.kind === "CronJob" && [...env.keys()].some((e) => e.startsWith("ConnectionStrings__"))) || deploysTopology(pod.containers?.[0] ?? {}))) {
        targets.push([v, Number(env.get("RabbitMq__Port") ?? 5672)]);
      }
    }
    for (const [host, port] of targets) {
      const pods = podsBehind(ctx, host);
      if (pods.length && !pods.every((to) => canReach(ctx, labels, to, port))) report("network", doc, `may not reach ${host}:${port}`);
    }
  }
}

function checkConfiguration(ctx, report, profile, externalSecrets) {
  const operatorSecrets = new Set([
    ...ctx.of("Cluster").filter((c) => c.apiVersion?.startsWith("postgresql.cnpg.io/")).map((c) => `${c.metadata.name}-app`),
    ...ctx.of("RabbitmqCluster").map((c) => `${c.metadata.name}-default-user`),
  ]);
  for (const secret of ctx.of("Secret")) {
    if (profile === "prod") report("secrets", secret, "prod manifests hold no Secret: credentials come from the operators or are created out of band");
    else if (!secret.metadata.annotations?.["industry.anhui.gov.cn/placeholder"]) report("secrets", secret, "a committed Secret must be marked as a placeholder (annotation industry.anhui.gov.cn/placeholder)");
  }
  for (const cm of ctx.of("ConfigMap")) {
    // A Grafana dashboard is read by Grafana's sidecar, never by a pod: a hashed name would only leave every old
    // version loaded beside the new one, under the same dashboard uid.
    const dashboard = cm.metadata.labels?.grafana_dashboard !== undefined;
    if (!dashboard && !GENERATED_NAME.test(cm.metadata.name)) report("config", cm, "ConfigMaps come from configMapGenerator (content hash in the name, so changes roll the pods)");
    for (const [k, v] of Object.entries(cm.data ?? {})) {
      if (SECRET_NAME.test(k) && v) report("secrets", cm, `key ${k} looks like a credential: use a Secret and secretKeyRef`);
    }
  }
  for (const { doc, pod } of ctx.workloads) {
    for (const c of containers(pod)) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !ctx.find("ConfigMap", from.configMapRef.name)) report("config", doc, `envFrom ConfigMap ${from.configMapRef.name} is not in the manifests`);
        if (from.secretRef) report("secrets", doc, `envFrom secretRef ${from.secretRef.name}: reference each secret value with secretKeyRef`);
      }
      for (const e of c.env ?? []) {
        if (e.value !== undefined && SECRET_NAME.test(e.name)) report("secrets", doc, `env ${e.name} is a literal: credentials come from secretKeyRef`);
        if (e.value !== undefined && /password\s*=\s*(?!\$\()/i.test(e.value)) report("secrets", doc, `env ${e.name} holds a literal password`);
        const ref = e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const secret = ctx.find("Secret", ref.name);
        if (secret) {
          if (!(ref.key in (secret.data ?? {})) && !(ref.key in (secret.stringData ?? {}))) report("secrets", doc, `Secret ${ref.name} has no key ${ref.key}`);
        } else if (profile !== "prod") {
          report("secrets", doc, `Secret ${ref.name} is not in the manifests`);
        } else if (!operatorSecrets.has(ref.name) && !externalSecrets.includes(ref.name)) {
          report("secrets", doc, `Secret ${ref.name} is neither created by an operator here nor a documented external Secret`);
        }
      }
    }
  }
}

function checkShutdown(ctx, report) {
  for (const { doc, pod } of ctx.deployments) {
    for (const c of pod.containers ?? []) {
      const sleep = c.lifecycle?.preStop?.sleep?.seconds;
      if (!Number.isInteger(sleep) || sleep <= 0) {
        report("shutdown", doc, `container ${c.name}: lifecycle.preStop.sleep.seconds must be set`);
        continue;
      }
      const env = ctx.env(c);
      const timeout = Number(env.get("Hosting__ShutdownTimeoutSeconds") ?? DEFAULT_SHUTDOWN_TIMEOUT);
      const drain = Number(env.get("Hosting__DrainDelaySeconds") ?? 5);
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      if (!(grace > sleep + timeout)) report("shutdown", doc, `terminationGracePeriodSeconds ${grace} must exceed preStop sleep ${sleep} + shutdown timeout ${timeout}`);
      if (drain >= timeout) report("shutdown", doc, `Hosting__DrainDelaySeconds ${drain} leaves no time of the ${timeout} s shutdown timeout to drain calls`);
    }
  }
}

function checkMigrations(ctx, report) {
  const jobs = ctx.workloads.filter((w) => w.doc.kind === "Job");
  for (const { doc, pod } of ctx.deployments) {
    for (const c of pod.containers ?? []) {
      const env = ctx.env(c);
      const connections = [...env.keys()].filter((k) => k.startsWith("ConnectionStrings__"));
      if (connections.length === 0) continue;
      if (String(env.get("Database__MigrateOnStartup")).toLowerCase() !== "false") report("migrations", doc, "Database__MigrateOnStartup must be false: migrations run in a Job, not in every replica");
      const job = jobs.find((j) => (j.pod.containers ?? []).some((jc) => jc.image === c.image && (jc.args ?? []).includes("--migrate") && connections.every((k) => ctx.env(jc).has(k))));
      if (!job) report("migrations", doc, `no Job runs "${c.image} --migrate" with ${connections.join(", ")}`);
    }
  }
}

/** The processes on the broker: the Deployments with a database (the gateway's configuration names the broker too, unused). */
function onBroker(doc, env) {
  return doc.kind === "Deployment" && [...env.keys()].some((e) => e.startsWith("ConnectionStrings__"));
}

function deploysTopology(container) {
  return (container.args ?? []).includes("--deploy-topology");
}

// Every process on the broker has a Job that deploys its topology (docs/deploy.md, "Broker topology") with its image
// and exactly its RabbitMq__* settings: another virtual host would leave the real one bare, and other queue settings
// (quorum or not) would create queues the process then fails to declare.
function checkTopology(ctx, report) {
  const jobs = ctx.workloads.filter((w) => w.doc.kind === "Job");
  for (const { doc, pod } of ctx.deployments) {
    for (const c of pod.containers ?? []) {
      const env = ctx.env(c);
      if (!onBroker(doc, env)) continue;
      const job = jobs.find((j) => (j.pod.containers ?? []).some((jc) => jc.image === c.image && deploysTopology(jc)));
      if (!job) {
        report("topology", doc, `no Job runs "${c.image} --deploy-topology"`);
        continue;
      }
      const jobEnv = ctx.env(job.pod.containers.find((jc) => jc.image === c.image && deploysTopology(jc)));
      const keys = new Set([...env.keys(), ...jobEnv.keys()].filter((k) => k.startsWith("RabbitMq__")));
      const differ = [...keys].filter((k) => JSON.stringify(env.get(k)) !== JSON.stringify(jobEnv.get(k)));
      if (differ.length) report("topology", job.doc, `deploys the topology of ${doc.metadata.name} with other broker settings than its Deployment: ${differ.join(", ")}`);
    }
  }
}

function checkImages(ctx, report, profile) {
  for (const { doc, pod } of ctx.workloads) {
    for (const c of containers(pod)) {
      const image = c.image ?? "";
      const tag = image.includes("@") ? "digest" : (image.split("/").pop().split(":")[1] ?? "");
      if (!tag || tag === "latest") report("images", doc, `container ${c.name}: image ${image} needs a pinned tag or digest`);
      if (profile === "prod" && /^industry\//.test(image)) report("images", doc, `container ${c.name}: ${image} is not a registry image`);
    }
  }
}

function checkBackingServices(ctx, report, profile) {
  const services = new Set(ctx.of("Service").map((s) => s.metadata.name));
  const cnpg = new Set(ctx.of("Cluster").filter((c) => c.apiVersion?.startsWith("postgresql.cnpg.io/")).map((c) => c.metadata.name));
  const rabbit = new Set(ctx.of("RabbitmqCluster").map((c) => c.metadata.name));
  const resolves = (host) => services.has(host) || rabbit.has(host) || [...cnpg].some((c) => [`${c}-rw`, `${c}-ro`, `${c}-r`].includes(host));
  for (const { doc, pod } of ctx.deployments) {
    for (const c of pod.containers ?? []) {
      const env = ctx.env(c);
      for (const [k, v] of env) {
        if (typeof v !== "string") continue;
        const host = k.startsWith("ConnectionStrings__") ? /Host=([^;]+)/i.exec(v)?.[1]
          : k === "RabbitMq__Host" ? v
          : /^ReverseProxy__Clusters__.*__Address$/.test(k) ? new URL(v).hostname
          : /^Services__.+__Address$/.test(k) ? clientHost(v) : undefined;
        if (host && !resolves(host)) report("backing-services", doc, `${k} points at ${host}, which nothing in the manifests provides`);
      }
    }
  }
  if (profile === "prod") {
    if (ctx.of("StatefulSet").length) report("backing-services", null, "prod runs its database and broker through the operators, not StatefulSets");
    if (rabbit.size === 0) report("backing-services", null, "prod needs a RabbitmqCluster");
    for (const r of ctx.of("RabbitmqCluster")) if ((r.spec?.replicas ?? 1) < 3) report("backing-services", r, "a production RabbitmqCluster has at least 3 nodes");
    if (cnpg.size === 0) report("backing-services", null, "prod needs CloudNativePG Clusters");
    for (const c of ctx.of("Cluster")) if ((c.spec?.instances ?? 1) < 2) report("backing-services", c, "a production database has at least 2 instances");
    // On a classic queue, or without a limit, a message that kills its consumer is redelivered for ever.
    for (const { doc, pod } of ctx.deployments) {
      const env = ctx.env(pod.containers?.[0] ?? {});
      if (!env.has("RabbitMq__Host") || ![...env.keys()].some((k) => k.startsWith("ConnectionStrings__"))) continue;
      const limit = Number(env.get("RabbitMq__DeliveryLimit"));
      if (env.get("RabbitMq__QuorumQueues") !== "true" || !(Number.isInteger(limit) && limit >= 1)) {
        report("backing-services", doc, "a production consumer declares quorum queues with a delivery limit (RabbitMq__QuorumQueues=true, RabbitMq__DeliveryLimit >= 1)");
      }
    }
    // Asynchronous standbys can lose the last commits in a fail-over, and the suite's event versions with them.
    for (const c of ctx.of("Cluster").filter((d) => cnpg.has(d.metadata.name))) {
      const sync = c.spec?.postgresql?.synchronous;
      if (!(sync?.number >= 1 && sync?.dataDurability !== "preferred")) {
        report("backing-services", c, "a production database keeps at least one synchronous standby (spec.postgresql.synchronous, number >= 1, dataDurability required)");
      }
    }
  }
}

function checkExposure(ctx, report, profile) {
  for (const ing of ctx.of("Ingress")) {
    if (!ing.spec?.tls?.length) report("exposure", ing, "serves without TLS");
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const svc = ctx.find("Service", p.backend?.service?.name);
        const port = p.backend?.service?.port;
        if (!svc || !(svc.spec.ports ?? []).some((sp) => sp.name === port?.name || sp.port === port?.number)) {
          report("exposure", ing, `backend ${p.backend?.service?.name}:${port?.name ?? port?.number} is not a Service port in the manifests`);
        }
      }
    }
  }
  if (profile === "prod") {
    const toGateway = ctx.of("Ingress").some((i) => (i.spec?.tls?.length ?? 0) > 0 && (i.spec.rules ?? []).some((r) => (r.http?.paths ?? []).some((p) => p.backend?.service?.name === "gateway")));
    if (!toGateway) report("exposure", null, "prod exposes the gateway through an Ingress with TLS");
    for (const { doc, pod, labels } of ctx.deployments) {
      const env = ctx.env(pod.containers?.[0] ?? {});
      if (!env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) report("observability", doc, "OTEL_EXPORTER_OTLP_ENDPOINT is not set");
      // Every process validates tokens itself (a service reached directly is no weaker than through the gateway).
      if (!env.get("Authentication__Authority") || !env.get("Authentication__Audience")) {
        report("identity", doc, "lacks Authentication__Authority / Authentication__Audience");
      }
      if (env.get("Authentication__DevelopmentSigningKey") || env.get("ASPNETCORE_ENVIRONMENT") !== "Production") {
        report("identity", doc, "prod runs in the Production environment without a development signing key");
      }
      // A process that validates tokens fetches the authority's metadata and keys itself: without egress to it (and
      // DNS to find it), every process would refuse every valid token.
      const authority = env.get("Authentication__Authority");
      if (typeof authority === "string" && authority) {
        const port = authorityPort(authority);
        if (port === undefined) report("identity", doc, `Authentication__Authority ${authority} is not an http(s) URL`);
        else if (!canLeaveNamespace(ctx, labels, port)) report("identity", doc, `validates tokens but may not reach the OIDC authority ${authority} (egress TCP ${port} outside the namespace)`);
        if (!canLeaveNamespace(ctx, labels, 53, "UDP")) report("identity", doc, "validates tokens but may not resolve the OIDC authority's name (egress UDP 53)");
      }
    }
  }
}
