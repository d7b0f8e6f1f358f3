#!/usr/bin/env node
// Validates rendered Kubernetes manifests (the output of `kubectl kustomize`), as scripts/validate-k8s.sh runs it:
//   kubectl kustomize deploy/k8s/overlays/prod | node deploy/k8s/validate/validate.mjs --profile prod \
//     --external-secret industry-pagination
// 1. schema: built-in kinds against the Kubernetes schemas of the npm package kubernetes-models (plus unknown
//    fields); the operators' custom resources against hand-written schemas of the fields used (lib/crds.mjs);
//    any other kind is an error, so nothing passes unchecked;
// 2. policy: docs/conventions.md §5 (lib/policy.mjs).
// Prints one line per finding, "[rule] Kind/name: message", and exits 1 when there is any.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { validateBuiltIn } from "./lib/schema.mjs";
import { validateCustomResource, customKinds } from "./lib/crds.mjs";
import { checkPolicy } from "./lib/policy.mjs";

const args = process.argv.slice(2);
let profile = "prod";
let input = "-";
const externalSecrets = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--profile") profile = args[++i];
  else if (args[i] === "--external-secret") externalSecrets.push(args[++i]);
  else input = args[i];
}
if (!["dev", "prod"].includes(profile)) {
  console.error(`unknown profile ${profile} (dev or prod)`);
  process.exit(2);
}

const text = readFileSync(input === "-" ? 0 : input, "utf8");
const parsed = parseAllDocuments(text);
const findings = [];
const docs = [];
for (const d of parsed) {
  if (d.errors.length) {
    findings.push({ rule: "yaml", object: "-", message: d.errors.map((e) => e.message).join("; ") });
    continue;
  }
  const doc = d.toJS();
  if (doc) docs.push(doc);
}
if (docs.length === 0) findings.push({ rule: "yaml", object: "-", message: "no objects in the input" });

for (const doc of docs) {
  const object = `${doc.kind}/${doc.metadata?.name ?? "?"}`;
  let result = await validateBuiltIn(normalise(doc));
  if (result === null) result = await validateCustomResource(doc);
  if (result === null) {
    findings.push({ rule: "schema", object, message: `${doc.apiVersion} ${doc.kind} has no schema here (built-in kinds and ${customKinds.join(", ")})` });
    continue;
  }
  for (const f of result) findings.push({ rule: "schema", object, message: `${f.path}: ${f.message}` });
}
findings.push(...checkPolicy(docs, { profile, externalSecrets }));

for (const f of findings) console.log(`[${f.rule}] ${f.object}: ${f.message}`);
const kinds = new Set(docs.map((d) => d.kind)).size;
console.log(`${docs.length} objects of ${kinds} kinds (${profile}): ${findings.length === 0 ? "valid" : `${findings.length} finding(s)`}`);
process.exit(findings.length === 0 ? 0 : 1);

/** kustomize wraps long base64 values over several lines; the API server ignores the line breaks, the schema does not. */
function normalise(doc) {
  if (doc.kind !== "Secret" || !doc.data) return doc;
  return { ...doc, data: Object.fromEntries(Object.entries(doc.data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/\s+/g, "") : v])) };
}
