#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Safe to run again: a second run takes seconds.
#
# The release build (scripts/build-release.sh) needs no cargo-leptos: building it took about 11
# minutes, longer than the portal itself. Its one piece the build cannot get elsewhere, the wasm
# splitter, is the project's small crate scripts/wasm-split, built here in about a minute.
# wasm-bindgen-cli's lockfile pins a crate version the registry no longer serves, so it is
# installed from its unpacked source with that dependency moved by `--precise`. wasm-opt,
# terser and lightningcss come from npm (end2end/package.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# The splitter and wasm-bindgen-cli are build tools, not shipped code: building them without LTO
# and with many codegen units cuts their install time by more than half.
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_OPT_LEVEL=1

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Unpacks a crate's published source by letting a locked install fail after the download.
crate_source() {
  local name="$1" version="$2"
  local src
  src="$(ls -d "$HOME"/.cargo/registry/src/*/"$name-$version" 2>/dev/null | head -n1 || true)"
  if [ -z "$src" ]; then
    cargo install "$name@$version" --locked --no-track --root "$(mktemp -d)" >/dev/null 2>&1 || true
    src="$(ls -d "$HOME"/.cargo/registry/src/*/"$name-$version" 2>/dev/null | head -n1 || true)"
  fi
  [ -n "$src" ] || { echo "could not fetch the source of $name $version" >&2; exit 1; }
  local work
  work="$(mktemp -d)/$name"
  cp -r "$src" "$work"
  echo "$work"
}

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
  rustup component add clippy rustfmt
fi

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_debs+=(chromium-driver)
command -v wrk >/dev/null || missing_debs+=(wrk)
command -v brotli >/dev/null || missing_debs+=(brotli)
command -v sqlite3 >/dev/null || missing_debs+=(sqlite3)
# PostgreSQL and nginx run only inside the tests and the benchmark (scripts/postgres.sh, the
# end2end two-instance run, and nginx as the benchmark's static-file reference).
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing_debs+=(postgresql)
command -v psql >/dev/null || missing_debs+=(postgresql-client)
[ -x /usr/sbin/nginx ] || missing_debs+=(nginx)
if [ "${#missing_debs[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing_debs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_debs[@]}"
fi

# The installed splitter carries a digest of the sources it was built from (its --version):
# built again only when scripts/wasm-split changed. Its own target folder keeps a rebuild
# incremental.
SPLITTER_DIR="$ROOT/scripts/wasm-split"
SPLITTER_STAMP="$(cat "$SPLITTER_DIR/Cargo.toml" "$SPLITTER_DIR/Cargo.lock" "$SPLITTER_DIR"/src/*.rs | sha256sum | cut -c1-16)"
if ! deskfront-wasm-split --version 2>/dev/null | grep -q "stamp $SPLITTER_STAMP)"; then
  log "building the wasm splitter (scripts/wasm-split), about a minute"
  DESKFRONT_WASM_SPLIT_STAMP="$SPLITTER_STAMP" cargo install --path "$SPLITTER_DIR" --locked --force \
    --target-dir "$ROOT/target/wasm-split"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  src="$(crate_source wasm-bindgen-cli "$WASM_BINDGEN_VERSION")"
  (cd "$src" && { cargo update -q -p webpki-roots --precise 1.0.10 2>/dev/null || true; } \
    && cargo install --path . --locked --force)
fi

if [ ! -x "$ROOT/end2end/node_modules/.bin/playwright" ] || [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] \
  || [ ! -x "$ROOT/end2end/node_modules/.bin/lighthouse" ] || [ ! -x "$ROOT/end2end/node_modules/.bin/terser" ] \
  || [ ! -x "$ROOT/end2end/node_modules/.bin/lightningcss" ] \
  || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
  log "installing npm packages (Playwright without its browser; binaryen, terser and lightningcss for the release build; Lighthouse for the benchmark)"
  (cd "$ROOT/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

log "tools ready"
