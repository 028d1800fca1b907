# Sourced by build.sh: every test tier. Functions only; build.sh calls run_tests.

# need_pkgs installs Debian packages for missing commands or headers when we
# are root, or stops with the exact apt line to run.
need_pkgs() {
	local missing=()
	command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
	command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
	command -v xauth >/dev/null 2>&1 || missing+=(xauth)
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	[ -f /usr/include/X11/Xlib.h ] || missing+=(libx11-dev)
	[ -f /usr/include/X11/extensions/Xrandr.h ] || missing+=(libxrandr-dev)
	[ -f /usr/include/X11/Xcursor/Xcursor.h ] || missing+=(libxcursor-dev)
	[ -f /usr/include/X11/extensions/Xinerama.h ] || missing+=(libxinerama-dev)
	[ -f /usr/include/X11/extensions/XInput2.h ] || missing+=(libxi-dev)
	[ -f /usr/include/X11/extensions/xf86vmode.h ] || missing+=(libxxf86vm-dev)
	[ -f /usr/include/GL/gl.h ] || missing+=(libgl1-mesa-dev)
	command -v gcc >/dev/null 2>&1 || missing+=(gcc)
	/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		say "installing ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "gradlab's tests need: ${missing[*]}" >&2
		echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
}

# chromium_wrapper puts a 'chromium' first on PATH that adds the flags a
# root, network-less, GPU-less machine needs, for tools (wasmbrowsertest)
# that start Chromium themselves.
chromium_wrapper() {
	mkdir -p "$TOOLS/bin"
	cat >"$TOOLS/bin/chromium" <<'SH'
#!/bin/sh
exec /usr/bin/chromium --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync "$@"
SH
	chmod +x "$TOOLS/bin/chromium"
	[ -x "$TOOLS/bin/wasmbrowsertest" ] || GOBIN="$TOOLS/bin" go install github.com/agnivade/wasmbrowsertest@v0.11.0
}

run_tests() {
	need_pkgs
	chromium_wrapper
	export CGO_ENABLED=1
	say "gofmt and vet"
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.tools/*'))
	[ -z "$unformatted" ] || { echo "gofmt needed: $unformatted" >&2; exit 1; }
	go vet ./...
	GOOS=js GOARCH=wasm go vet . ./scenes/... ./widgets ./wasm/baseline
	if go list -deps ./sim/... ./surfaces/... | grep -qE 'ebiten|^image'; then
		echo "sim/ or surfaces/ imports ebiten or image" >&2
		exit 1
	fi

	say "tier 1: native unit tests (pure packages, then ebiten packages under Xvfb)"
	go test -count=1 ./sim/... ./surfaces/... ./wasm/site/...
	xvfb-run -a -s "-screen 0 1280x800x24" go test -count=1 . ./scenes/... ./widgets

	say "tier 2: sim and surfaces as WebAssembly under Node"
	GOOS=js GOARCH=wasm go test -count=1 -exec "$(goroot_file go_js_wasm_exec)" ./sim/... ./surfaces/...

	say "tier 3: ebiten packages in headless Chromium (wasmbrowsertest)"
	GOOS=js GOARCH=wasm go test -count=1 -exec wasmbrowsertest . ./scenes/... ./widgets

	say "tier 4: the page end to end in headless Chromium"
	build
	# The page tests decode the status with the scenes' own Go types; the
	# packages that hold them initialise Ebitengine, which wants a display.
	GRADLAB_DIST="$ROOT/dist" xvfb-run -a -s "-screen 0 1280x800x24" go test -count=1 -tags e2e -run 'Page' -v ./wasm/e2e 2>&1 | grep -v '^=== RUN' | tee "$TOOLS/e2e.log"
	[ "${PIPESTATUS[0]}" = 0 ] || exit 1

	say "tier 5: the desktop build under Xvfb"
	xvfb-run -a -s "-screen 0 1280x800x24" go test -count=1 -tags e2e -run 'Desktop' -v ./wasm/e2e 2>&1 | grep -v '^=== RUN'
	[ "${PIPESTATUS[0]}" = 0 ] || exit 1
}
