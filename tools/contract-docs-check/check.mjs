// Validates the generated API descriptions with validators that share no code with their generator
// (tools/Industry.ContractDocs): the OpenAPI document against the OpenAPI 3.1 schema and its $refs,
// the AsyncAPI document with the AsyncAPI parser's schema and rules. Exits 1 on any error.
//   node check.mjs <openapi.json> <asyncapi.json>
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Parser, DiagnosticSeverity } from "@asyncapi/parser";

const [openapiPath, asyncapiPath] = process.argv.slice(2);
if (!openapiPath || !asyncapiPath) {
  console.error("usage: node check.mjs <openapi.json> <asyncapi.json>");
  process.exit(2);
}

let failed = false;

try {
  const api = await SwaggerParser.validate(JSON.parse(await readFile(openapiPath, "utf8")));
  console.log(`${openapiPath}: valid OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths`);
} catch (error) {
  console.error(`${openapiPath}: ${error.message}`);
  failed = true;
}

const { document, diagnostics } = await new Parser().parse(await readFile(asyncapiPath, "utf8"));
for (const d of diagnostics) {
  const level = d.severity === DiagnosticSeverity.Error ? "error" : "warning";
  console.error(`${asyncapiPath}: ${level} ${d.code} at ${d.path.join("/")}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
if (!document || errors.length > 0) {
  failed = true;
} else {
  console.log(`${asyncapiPath}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels`);
}

process.exit(failed ? 1 : 0);
