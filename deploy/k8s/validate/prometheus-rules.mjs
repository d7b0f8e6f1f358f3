#!/usr/bin/env node
// Writes the rule groups of every PrometheusRule in rendered manifests as a plain Prometheus rules file, which
// `promtool check rules` and `promtool test rules` read (scripts/validate-k8s.sh):
//   node deploy/k8s/validate/prometheus-rules.mjs rendered.yaml alerts.rules.yaml
// Exits 1 when the manifests hold no PrometheusRule, so a lost resource cannot pass as "no rules, no errors".
import { readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments, stringify } from "yaml";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: prometheus-rules.mjs RENDERED_YAML OUTPUT_RULES_YAML");
  process.exit(2);
}
const rules = parseAllDocuments(readFileSync(input, "utf8"))
  .map((d) => d.toJS())
  .filter((doc) => doc?.apiVersion === "monitoring.coreos.com/v1" && doc.kind === "PrometheusRule");
if (rules.length === 0) {
  console.error(`${input}: no PrometheusRule`);
  process.exit(1);
}
writeFileSync(output, stringify({ groups: rules.flatMap((r) => r.spec?.groups ?? []) }));
console.log(`${rules.length} PrometheusRule(s), ${rules.reduce((n, r) => n + (r.spec?.groups?.length ?? 0), 0)} group(s) -> ${output}`);
