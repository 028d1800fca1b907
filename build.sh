#!/usr/bin/env bash
# gradlab's one entry point:
#   ./build.sh [build]          write dist/ (index.html, wasm_exec.js, gradlab.wasm, gradlab.wasm.gz)
#   ./build.sh serve [host:port] build, then serve dist/ (default 127.0.0.1:8080)
#   ./build.sh test             every test tier; installs what it needs when run as root
#   ./build.sh bench            the benchmark table (sizes, first frame, fps, frame times, contours)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
TOOLS=$ROOT/.tools
export PATH="$TOOLS/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

goroot_file() { # wasm support files moved from misc/wasm to lib/wasm in Go 1.24
	local f
	for f in "$(go env GOROOT)/lib/wasm/$1" "$(go env GOROOT)/misc/wasm/$1"; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	echo "cannot find $1 in $(go env GOROOT)" >&2
	exit 1
}

# build_page OUT PKG: one static page for the Go package PKG.
build_page() {
	local out=$1 pkg=$2
	mkdir -p "$out"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out/gradlab.wasm" "$pkg"
	cp "$(goroot_file wasm_exec.js)" "$out/wasm_exec.js"
	sed "s/__WASM_SIZE__/$(stat -c %s "$out/gradlab.wasm")/" wasm/index.html >"$out/index.html"
	gzip -9 -k -f "$out/gradlab.wasm"
}

build() {
	rm -rf dist
	build_page dist .
	echo "built dist/: $(du -h dist/gradlab.wasm | cut -f1) wasm, $(du -h dist/gradlab.wasm.gz | cut -f1) gzipped"
}

serve() {
	build
	local addr=${1:-127.0.0.1:8080}
	echo "open http://$addr/"
	exec go run ./wasm/serve -dir dist -addr "$addr"
}

case ${1:-build} in
build) build ;;
serve) shift; serve "$@" ;;
test) shift; source wasm/test.sh; run_tests "$@" ;;
bench) shift; source wasm/test.sh; source wasm/bench.sh; run_bench "$@" ;;
*)
	echo "usage: ./build.sh [build | serve [host:port] | test | bench]" >&2
	exit 2
	;;
esac
