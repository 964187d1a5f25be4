#!/usr/bin/env bash
# Builds the release: the server, and the browser code split into a main module and a module
# per page (see app/src/lazy_pages.rs), then brotli and gzip copies of /pkg. The site folder
# starts empty so that no module of an earlier build is served or cached as part of this release.
#
# It makes the same target/site as `cargo leptos build --release --split` with the settings of
# [[workspace.metadata.leptos]] in Cargo.toml, without cargo-leptos: building that tool took
# longer than building the portal, and it compiles the server only after the browser code. Here
# both cargo builds run at once, each in its own target folder (so neither waits for the other's
# lock, and `app` is never built with ssr and hydrate together); the browser half then goes
# through the project's splitter (scripts/wasm-split), wasm-bindgen, wasm-opt on every module
# in parallel, terser and lightningcss. scripts/setup-tools.sh installs each of them.
#
# Keep the settings below in step with that table: the server reads it at run time too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt, terser and lightningcss come from npm (Debian's wasm-opt is too old and breaks
# hydration); the splitter and wasm-bindgen from scripts/setup-tools.sh.
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

OUTPUT_NAME=deskfront
SITE_ROOT=target/site
PKG_DIR=pkg
STYLE_FILE=style/main.css
ASSETS_DIR=public
BROWSER_QUERY=defaults
LIB_PACKAGE=app
LIB_PROFILE=wasm-release
FRONT_TARGET_DIR=target/front
BIN_PACKAGE=server

PKG="$SITE_ROOT/$PKG_DIR"
FRONT_OUT="$FRONT_TARGET_DIR/wasm32-unknown-unknown/$LIB_PROFILE"
# The splitter's loader keeps cargo-leptos's name (the underscores stand for a hash it does not
# add here): the server and the service worker know the modules by these names.
SPLIT_LOADER="./__wasm_split.______________________.js"

# DESKFRONT_BUILD_TIMINGS=1 writes cargo's --timings reports (target/cargo-timings,
# target/front/cargo-timings): where the build's minutes go.
TIMINGS=()
[ "${DESKFRONT_BUILD_TIMINGS:-}" = 1 ] && TIMINGS=(--timings)

# Runs a command, printing what it said only if it failed: wasm-opt warns about every module's
# name section (a thousand lines per build) without anything being wrong.
quiet() {
  local out
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "build-release: $1 failed" >&2
    return 1
  fi
}
# xargs runs wasm-opt through this script: `build-release.sh --quiet COMMAND...`.
if [ "${1:-}" = "--quiet" ]; then
  shift
  quiet "$@"
  exit
fi

# `--front` builds only the site (style, assets, browser code), `--server` only the server:
# scripts/test.sh builds the browser half while the tests run (it has a target folder of its
# own, so no cargo lock is shared), and the server half after them.
PARTS="front server"
case "${1:-}" in
  --front) PARTS="front" ;;
  --server) PARTS="server" ;;
  "") ;;
  *) echo "usage: build-release.sh [--front | --server]" >&2; exit 2 ;;
esac
wants() { [[ " $PARTS " == *" $1 "* ]]; }

START=$(date +%s)
log() { printf '\033[1;34m[build %4ds]\033[0m %s\n' "$(($(date +%s) - START))" "$*"; }
# Both cargo builds print at once: each line says whose it is.
label() { sed -u "s/^/[$1] /"; }

for tool in deskfront-wasm-split wasm-bindgen wasm-opt terser lightningcss; do
  command -v "$tool" >/dev/null || { echo "build-release: $tool is missing: run scripts/setup-tools.sh" >&2; exit 1; }
done
if [ -e "$ASSETS_DIR/index.html" ] || [ -e "$ASSETS_DIR/$PKG_DIR" ]; then
  echo "build-release: $ASSETS_DIR/index.html and $ASSETS_DIR/$PKG_DIR are reserved for the build's own files" >&2
  exit 1
fi

# What cargo-leptos sets for both builds. Leptos reads LEPTOS_OUTPUT_NAME when it is compiled
# (the names of the files the hydration script loads); the rest are the defaults the server
# starts with.
export LEPTOS_OUTPUT_NAME="$OUTPUT_NAME" LEPTOS_SITE_ROOT="$SITE_ROOT" LEPTOS_SITE_PKG_DIR="$PKG_DIR" \
  LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=server \
  LEPTOS_JS_MINIFY=true LEPTOS_HASH_FILES=false

if wants front; then
  rm -rf "$SITE_ROOT"
  mkdir -p "$PKG"
fi

front() {
  log "front: cargo build -p $LIB_PACKAGE (wasm32, $LIB_PROFILE, hydrate)"
  # The splitter needs the linker's relocations to move functions between modules.
  RUSTFLAGS="-Clink-args=--emit-relocs" cargo build -p "$LIB_PACKAGE" --lib \
    --target wasm32-unknown-unknown --profile "$LIB_PROFILE" --no-default-features --features hydrate \
    --target-dir "$FRONT_TARGET_DIR" "${TIMINGS[@]}" 2>&1 | label front
  log "front: compiled; splitting"
  local modules
  modules="$(mktemp)"
  deskfront-wasm-split "$FRONT_OUT/$LIB_PACKAGE.wasm" --out-dir "$PKG" --main-out "$FRONT_OUT/${LIB_PACKAGE}_split.wasm" \
    --main-module "./$OUTPUT_NAME.js" --link-name "$SPLIT_LOADER" >"$modules"
  log "front: $(wc -l <"$modules") split modules; wasm-bindgen"
  # Its one warning (no target_features section, since the profile strips it) is expected:
  # wasm-opt is told the features below. Like cargo-leptos, show its output only on failure.
  quiet wasm-bindgen --target=web --keep-lld-exports --no-demangle --out-name="$OUTPUT_NAME" --out-dir="$PKG" \
    "$FRONT_OUT/${LIB_PACKAGE}_split.wasm"
  # The name leptos's hydration script asks for.
  mv "$PKG/${OUTPUT_NAME}_bg.wasm" "$PKG/$OUTPUT_NAME.wasm"
  log "front: wasm-opt on every module, $(nproc) at a time"
  # Largest first, so the main module does not start last and leave a core idle.
  { echo "$PKG/$OUTPUT_NAME.wasm"; cat "$modules"; } | xargs ls -S \
    | xargs -P "$(nproc)" -I{} "$ROOT/scripts/build-release.sh" --quiet wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int {} -o {}
  rm -f "$modules"
  log "front: minifying the js"
  terser "$PKG/$OUTPUT_NAME.js" --module --compress --mangle --output "$PKG/$OUTPUT_NAME.min.js"
  mv "$PKG/$OUTPUT_NAME.min.js" "$PKG/$OUTPUT_NAME.js"
  # Only /pkg is compressed, so this need not wait for the server.
  log "front: brotli and gzip copies"
  "$ROOT/scripts/precompress.sh"
  log "front: done"
}

server() {
  log "server: cargo build -p $BIN_PACKAGE --release"
  cargo build -p "$BIN_PACKAGE" --bin "$BIN_PACKAGE" --release --no-default-features "${TIMINGS[@]}" 2>&1 | label server
  log "server: done"
}

if wants front; then
  log "style and assets"
  lightningcss --minify --targets "$BROWSER_QUERY" "$STYLE_FILE" -o "$PKG/$OUTPUT_NAME.css"
  cp -r "$ASSETS_DIR"/. "$SITE_ROOT"/
fi

# Each half in its own process group, so that when one fails (or on Ctrl-C) the other is stopped
# with everything it started instead of building on in the background.
declare -A HALF=()
set -m
if wants front; then
  front &
  HALF[$!]=browser
fi
if wants server; then
  server &
  HALF[$!]=server
fi
set +m
stop() { for pid in "${!HALF[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; }
trap stop EXIT
trap 'exit 130' INT TERM
pending=("${!HALF[@]}")
while [ "${#pending[@]}" -gt 0 ]; do
  finished=""
  if ! wait -n -p finished "${pending[@]}"; then
    echo "build-release: the ${HALF[$finished]} build failed" >&2
    exit 1
  fi
  rest=()
  for pid in "${pending[@]}"; do [ "$pid" = "$finished" ] || rest+=("$pid"); done
  pending=("${rest[@]}")
done
trap - EXIT INT TERM
log "release ready ($PARTS): target/release/$BIN_PACKAGE and $SITE_ROOT"
