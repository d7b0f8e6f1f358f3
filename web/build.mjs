// Bundles src/main.ts with esbuild into dist/ (minified ES modules, content-hashed names, the OIDC library split off
// so that only a page configured for OIDC loads it) and writes dist/index.html naming the hashed files.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";

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
console.log(`web/dist: ${outputs.map(([p, o]) => `${basename(p)} ${o.bytes} B`).join(", ")}`);
