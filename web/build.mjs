// Bundles src/main.ts with esbuild into dist/ (minified ES modules, content-hashed names, the OIDC library split off
// so that only a page configured for OIDC loads it) and writes dist/index.html naming the hashed files.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = new URL("./dist/", import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await build({
  entryPoints: { app: "src/main.ts" },
  bundle: true,
  minify: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  outdir: `${dist}assets`,
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});

const outputs = Object.entries(result.metafile.outputs);
const js = outputs.find(([path, o]) => path.endsWith(".js") && o.entryPoint === "src/main.ts")?.[0];
const css = outputs.find(([path]) => path.endsWith(".css"))?.[0];
if (!js || !css) {
  throw new Error("esbuild wrote no app script or style sheet");
}

const template = await readFile("index.html", "utf8");
const html = template
  .replace("<!--style-->", `<link rel="stylesheet" href="/assets/${basename(css)}">`)
  .replace("<!--script-->", `<script type="module" src="/assets/${basename(js)}"></script>`);
await writeFile(`${dist}index.html`, html);
// Compressed once here, served by the gateway as they are (Accept-Encoding): the size the reader downloads.
const sizes = [];
for (const path of [...outputs.map(([p]) => p), `${dist}index.html`]) {
  const full = path.startsWith("/") ? path : new URL(`./${path}`, import.meta.url).pathname;
  const content = await readFile(full);
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  await writeFile(`${full}.br`, br);
  await writeFile(`${full}.gz`, gzipSync(content, { level: 9 }));
  sizes.push(`${basename(full)} ${content.length} B (br ${br.length} B)`);
}
console.log(`web/dist: ${sizes.join(", ")}`);
