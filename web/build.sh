#!/usr/bin/env bash
# Builds the page into web/dist/ (docs/web.md): installs the locked dependencies when missing, generates the
# client from protos/ (web/buf.gen.yaml, protoc-gen-es as for @industry/contracts), type-checks, and bundles with
# esbuild (web/build.mjs). Run by scripts/run.sh, scripts/test.sh and the gateway's image build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$here"
if [[ ! -x node_modules/.bin/esbuild || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
rm -rf src/gen
(cd "$root" && bash scripts/buf.sh generate protos --template web/buf.gen.yaml --include-imports)
node_modules/.bin/tsc -p tsconfig.json
node build.mjs
