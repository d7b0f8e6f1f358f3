#!/usr/bin/env bash
# Generates the Python messages and gRPC stubs of the suite's contracts into examples/python/gen/:
#   bash examples/python/generate.sh --tarball [FILE]      # from the proto tarball (docs/packages.md); by default
#                                                          # .build/packages/industry-protos-<version>.tar.gz
#   bash examples/python/generate.sh                       # from this repository's protos/ (+ .build/proto-deps/)
#   bash examples/python/generate.sh DIR...                # from other include roots
# Each DIR is an include root holding `industry/...` or `google/...` (a buf module layout). With no DIR it uses
# protos/ and .build/proto-deps/, restoring the latter with scripts/buf.sh when missing.
# Needs Debian's protobuf-compiler and protobuf-compiler-grpc: their protoc (3.21) matches python3-protobuf (4.21),
# and grpc_python_plugin stands in for grpcio-tools, which Debian ships too old.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/gen"

command -v protoc >/dev/null 2>&1 || { echo "generate.sh: protoc not found (apt-get install protobuf-compiler)" >&2; exit 1; }
plugin=/usr/bin/grpc_python_plugin
[ -x "$plugin" ] || { echo "generate.sh: $plugin not found (apt-get install protobuf-compiler-grpc)" >&2; exit 1; }

roots=("$@")
if [ "${1:-}" = "--tarball" ]; then
  version=$(grep -v '^#' "$root/protos/VERSIONS" | grep . | tail -n 1 | cut -d' ' -f1)
  tarball=${2:-$root/.build/packages/industry-protos-$version.tar.gz}
  [ -f "$tarball" ] || { echo "generate.sh: no $tarball (bash scripts/pack-contracts.sh builds it)" >&2; exit 1; }
  unpacked=$(mktemp -d)
  trap 'rm -rf "$unpacked"' EXIT
  tar -xzf "$tarball" -C "$unpacked"
  # The tarball holds one folder, industry-protos-<version>/, the module's root.
  roots=("$unpacked"/*/)
fi
if [ "${#roots[@]}" -eq 0 ]; then
  [ -d "$root/.build/proto-deps/google" ] || bash "$root/scripts/buf.sh" deps >/dev/null
  roots=("$root/protos" "$root/.build/proto-deps")
fi

includes=()
files=()
for dir in "${roots[@]}"; do
  [ -d "$dir" ] || { echo "generate.sh: $dir is not a directory" >&2; exit 1; }
  includes+=(-I "$dir")
  # google/protobuf comes with the protobuf runtime; everything else is generated.
  while IFS= read -r file; do files+=("$file"); done < <(cd "$dir" && find . -name '*.proto' -not -path './google/protobuf/*' | sed 's|^\./||' | sort)
done
[ "${#files[@]}" -gt 0 ] || { echo "generate.sh: no .proto files under ${roots[*]}" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
protoc "${includes[@]}" --python_out="$out" --grpc_out="$out" --plugin=protoc-gen-grpc="$plugin" "${files[@]}"
echo "generated ${#files[@]} protos into $out"
