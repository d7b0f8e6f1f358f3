// The contracts' version rule (ADR 0031): protos/VERSIONS lists one "<version> <fingerprint>" line per version of
// protos/, oldest first, and its last line must match the contracts as they are now.
//   node packages/contracts-version.mjs check VERSIONS_FILE < image.json   # exit 1 when the file and protos/ disagree
//   node packages/contracts-version.mjs fingerprint < image.json           # the current contracts' fingerprint
// image.json is `buf build protos --exclude-source-info --exclude-imports -o -#format=json` (scripts/pack-contracts.sh).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

// The descriptors, not the text: comments, formatting and file order do not change the fingerprint, every field,
// message, enum value, method, option and import does. buf's own per-file bookkeeping (bufExtension: module name,
// is-import flags) is not part of the contract. JSON.parse/stringify drops protojson's deliberately random spacing.
function fingerprint(imageJson) {
  const files = JSON.parse(imageJson).file.map((file) => {
    const { bufExtension: _ignored, ...descriptor } = file;
    return descriptor;
  });
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return "sha256:" + createHash("sha256").update(JSON.stringify(files)).digest("hex");
}

const versionLine = /^1\.(0|[1-9]\d*)\.(0|[1-9]\d*) (sha256:[0-9a-f]{64})$/;

// Each line after the first follows from the one before: new contracts bump the minor (patch back to 0), the same
// contracts with a packaging-only change bump the patch. The major stays 1: a breaking change is refused by
// `buf breaking` against protos/BASELINE and belongs in a new v2 proto package, not in a new major of these packages.
function readVersions(path) {
  const lines = readFileSync(path, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (lines.length === 0) throw new Error(`${path} lists no version`);
  const entries = lines.map((line) => {
    const m = versionLine.exec(line);
    if (!m) throw new Error(`${path}: "${line}" is not "1.<minor>.<patch> sha256:<64 hex digits>"`);
    return { version: `1.${m[1]}.${m[2]}`, minor: Number(m[1]), patch: Number(m[2]), hash: m[3] };
  });
  for (let i = 1; i < entries.length; i++) {
    const [prev, cur] = [entries[i - 1], entries[i]];
    const expected = cur.hash === prev.hash ? `1.${prev.minor}.${prev.patch + 1}` : `1.${prev.minor + 1}.0`;
    if (cur.version !== expected) {
      throw new Error(`${path}: ${cur.version} follows ${prev.version} but must be ${expected} ` +
        (cur.hash === prev.hash ? "(same contracts: a patch)" : "(new contracts: the next minor)"));
    }
  }
  return entries;
}

const [command, versionsPath] = process.argv.slice(2);
const current = fingerprint(readFileSync(0, "utf8"));
if (command === "fingerprint") {
  console.log(current);
} else if (command === "check" && versionsPath) {
  try {
    const entries = readVersions(versionsPath);
    const last = entries[entries.length - 1];
    if (last.hash !== current) {
      console.error(`the contracts changed since ${last.version}: append \`1.${last.minor + 1}.0 ${current}\` ` +
        `to ${versionsPath} (an additive change is the next minor; buf breaking refuses any other)`);
      process.exit(1);
    }
    console.log(last.version);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
} else {
  console.error("usage: contracts-version.mjs check VERSIONS_FILE | fingerprint  (buf image JSON on stdin)");
  process.exit(2);
}
