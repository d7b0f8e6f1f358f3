// Schema validation of rendered objects against the Kubernetes API, from the npm package kubernetes-models:
//  1. its generated validators (types, required fields, enums, formats);
//  2. unknown fields, which those validators let through (the OpenAPI schemas do not forbid extra properties, and
//     the API server only warns about them): a misspelt field such as "readinesProbe" would otherwise pass silently.
//     The field lists come from the package's TypeScript declarations (one interface per API type).
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
const nodeModules = path.dirname(modelsRoot);

/** Validates one object of a built-in kind. Returns findings, or null when the kind is not a built-in one. */
export async function validateBuiltIn(doc) {
  const groupVersion = doc.apiVersion;
  const kind = doc.kind;
  if (typeof groupVersion !== "string" || typeof kind !== "string") {
    return [{ path: "", message: "apiVersion and kind are required" }];
  }

  let Model;
  try {
    Model = (await import(`kubernetes-models/${groupVersion}/${kind}`))[kind];
  } catch {
    return null;
  }
  if (typeof Model !== "function") {
    return null;
  }

  const findings = [];
  try {
    new Model(doc).validate();
  } catch (error) {
    for (const e of error.errors ?? [{ instancePath: "", message: error.message }]) {
      findings.push({ path: e.instancePath || "/", message: `${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}` });
    }
  }

  const declaration = path.join(modelsRoot, groupVersion, `${kind}.d.ts`);
  findings.push(...unknownFields(doc, { file: declaration, name: `I${kind}` }, ""));
  return findings;
}

/**
 * Unknown fields of a value that should be of the API type {file, name} (an interface of the package's declarations),
 * e.g. a partial pod spec inside a custom resource. Only field names are checked, not types or required fields.
 */
export function unknownFieldsOf(value, groupVersion, typeName, at) {
  return unknownFields(value, { file: path.join(modelsRoot, groupVersion, `${typeName}.d.ts`), name: `I${typeName}` }, at);
}

function unknownFields(value, type, at) {
  const findings = [];
  walk(value, { kind: "object", ...type }, at, findings);
  return findings;
}

function walk(value, type, at, findings) {
  if (value === null || value === undefined || type.kind === "leaf") {
    return;
  }
  if (type.kind === "array") {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, type.of, `${at}/${i}`, findings));
    }
    return;
  }
  if (type.kind === "map") {
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) {
        walk(v, type.of, `${at}/${k}`, findings);
      }
    }
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    return; // a type error, which the generated validator reports
  }
  const fields = interfaceFields(type.file, type.name);
  if (!fields) {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const fieldType = fields.get(key);
    if (!fieldType) {
      findings.push({ path: `${at}/${key}`, message: `unknown field "${key}"` });
      continue;
    }
    walk(child, resolveType(fieldType, type.file), `${at}/${key}`, findings);
  }
}

const parsedFiles = new Map();

/** The fields of interface `name` in a declaration file: Map(field name → type text). */
function interfaceFields(file, name) {
  const parsed = parseDeclarations(file);
  if (!parsed) {
    return null;
  }
  const target = parsed.interfaces.has(name) ? name : parsed.aliases.get(name);
  return target ? parsed.interfaces.get(target) ?? null : null;
}

function parseDeclarations(file) {
  if (parsedFiles.has(file)) {
    return parsedFiles.get(file);
  }
  if (!existsSync(file)) {
    parsedFiles.set(file, null);
    return null;
  }
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const imports = new Map();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const name of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
      imports.set(name, m[2]);
    }
  }
  const aliases = new Map();
  for (const m of text.matchAll(/export type \{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const [, local, exported] = part.trim().match(/^(\w+)\s+as\s+(\w+)$/) ?? [];
      if (local) {
        aliases.set(exported, local);
      }
    }
  }
  const interfaces = new Map();
  for (const m of text.matchAll(/export interface (\w+)[^{]*\{/g)) {
    interfaces.set(m[1], parseFields(text, m.index + m[0].length));
  }
  const parsed = { imports, aliases, interfaces };
  parsedFiles.set(file, parsed);
  return parsed;
}

/** Fields of an interface body starting at `start` (just after its opening brace). */
function parseFields(text, start) {
  const fields = new Map();
  let i = start;
  while (i < text.length) {
    while (/\s/.test(text[i])) i++;
    if (text[i] === "}") break;
    const m = /^"([^"]+)"\??:\s*/.exec(text.slice(i, i + 200));
    if (!m) {
      // Not a quoted field (e.g. an index signature): skip to the end of the member.
      i = endOfMember(text, i) + 1;
      continue;
    }
    const typeStart = i + m[0].length;
    const end = endOfMember(text, typeStart);
    fields.set(m[1], text.slice(typeStart, end).trim());
    i = end + 1;
  }
  return fields;
}

function endOfMember(text, i) {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "<" || c === "(") depth++;
    else if (c === "}" || c === ">" || c === ")") depth--;
    else if (c === ";" && depth === 0) return i;
  }
  return i;
}

/** A type's shape: object (an interface), array, map, or leaf (primitives, literals, unions, aliases). */
function resolveType(typeText, file) {
  const t = typeText.trim();
  const array = /^Array<([\s\S]*)>$/.exec(t);
  if (array) {
    return { kind: "array", of: resolveType(array[1], file) };
  }
  const map = /^\{\s*\[key: string\]:\s*([\s\S]*?);?\s*\}$/.exec(t);
  if (map) {
    return { kind: "map", of: resolveType(map[1], file) };
  }
  if (!/^\w+$/.test(t)) {
    return { kind: "leaf" };
  }
  const parsed = parseDeclarations(file);
  if (parsed?.interfaces.has(t)) {
    return { kind: "object", file, name: t };
  }
  const from = parsed?.imports.get(t);
  if (!from || from.startsWith("@kubernetes-models/base")) {
    return { kind: "leaf" };
  }
  const target = from.startsWith(".")
    ? path.resolve(path.dirname(file), from.replace(/\.js$/, ".d.ts"))
    : path.join(nodeModules, from.replace(/\.js$/, "") + ".d.ts");
  return interfaceFields(target, t) ? { kind: "object", file: target, name: t } : { kind: "leaf" };
}
