#!/usr/bin/env bash
# Builds FerretDB v1.24.0 from the Go module proxy and prints the binary's path.
#
# Why not a bare `go install …/cmd/ferretdb@v1.24.0`: the module archive lacks
# build/version/version.txt (FerretDB generates it with `git describe`), and a
# binary built without it panics at start ("Invalid build/version/version.txt").
# So: download the same module, write the version file, build the same package.
set -euo pipefail
version=v1.24.0
out="${FERRETDB_CACHE:-$HOME/.cache/newsroom-cms}/ferretdb-${version}"
if [ -x "$out" ] && "$out" --version >/dev/null 2>&1; then echo "$out"; exit 0; fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB" >&2; exit 1; }

build() {
  local moddir src
  moddir="$(go mod download -json "github.com/FerretDB/FerretDB@${version}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$moddir" ] || { echo "go mod download gave no directory" >&2; return 1; }
  src="$(mktemp -d)"
  cp -r "$moddir/." "$src/"
  chmod -R u+w "$src"
  echo "$version" >"$src/build/version/version.txt"
  mkdir -p "$(dirname "$out")"
  (cd "$src" && GOFLAGS=-buildvcs=false go build -o "$out" ./cmd/ferretdb) >&2
  rm -rf "$src"
}
# If this machine's Go cannot build it, the toolchain FerretDB was released with comes through the module proxy.
build || GOTOOLCHAIN=go1.22.6 build
echo "$out"
