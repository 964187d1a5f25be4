#!/usr/bin/env bash
# The README's second command, and what CI runs: formatting and lints, unit tests, integration
# tests of the server functions against a real SQLite database and a real PostgreSQL server,
# then the Playwright suite in Debian's Chromium against a release build: one instance on
# SQLite, and two instances on PostgreSQL behind nginx.
#
# Packages are built one at a time (never --workspace): unifying features would build `app`
# with ssr and hydrate at once.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup-tools.sh"
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Each step says when it started (bash's SECONDS: since this script did), so a slow run
# shows where its minutes went.
step() { printf '\n\033[1;32m==> [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "format"
cargo fmt -p app -p server --check
# The release build's wasm splitter is a crate of its own (its own workspace and lockfile).
cargo fmt --manifest-path scripts/wasm-split/Cargo.toml --check

# A throwaway PostgreSQL on loopback for the whole run (scripts/postgres.sh), and the log of
# the browser half of the release build.
WORK_DIR="$(mktemp -d)"
FRONT_BUILD=""
cleanup() {
  [ -z "$FRONT_BUILD" ] || kill -- "-$FRONT_BUILD" 2>/dev/null || true
  "$ROOT/scripts/postgres.sh" stop "$WORK_DIR/pg"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

# The browser half of the release build runs in the background from here: the lints and
# tests below leave a core idle much of the time (clippy checks one crate on one core; the
# integration tests wait on disks and sockets). It has a target folder of its own
# (target/front), so it takes no lock the tests need; its log is printed when it is awaited.
step "release build, browser half: started in the background"
set -m
scripts/build-release.sh --front >"$WORK_DIR/front-build.log" 2>&1 &
FRONT_BUILD=$!
set +m

step "lint (server side, browser side, server crate, wasm splitter)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
CARGO_TARGET_DIR="$ROOT/target/wasm-split" cargo clippy --manifest-path scripts/wasm-split/Cargo.toml \
  --all-targets --locked -- -D warnings

step "unit tests (shared rules, backend, layers that point down only: app/tests/layers.rs)"
cargo test -p app --features ssr
CARGO_TARGET_DIR="$ROOT/target/wasm-split" cargo test --manifest-path scripts/wasm-split/Cargo.toml --locked

step "server unit and integration tests (real HTTP, real SQLite)"
cargo test -p server

step "the same integration tests on PostgreSQL"
PG_SERVER="$("$ROOT/scripts/postgres.sh" start "$WORK_DIR/pg" --fast)"
DESKFRONT_TEST_POSTGRES="$PG_SERVER" cargo test -p server --tests

step "release build, server half (and the browser half's log)"
scripts/build-release.sh --server
if ! wait "$FRONT_BUILD"; then
  FRONT_BUILD=""
  cat "$WORK_DIR/front-build.log"
  echo "test: the browser half of the release build failed" >&2
  exit 1
fi
FRONT_BUILD=""
cat "$WORK_DIR/front-build.log"

step "release archive: unpacked into an empty folder, started, ready"
scripts/package.sh --check "$WORK_DIR/package"

step "end-to-end (Playwright, Chromium, phone viewport, JavaScript on and off)"
E2E_DATA_DIR="$WORK_DIR/e2e"
mkdir -p "$E2E_DATA_DIR"
export E2E_DATA_DIR
(cd end2end && npx playwright test)

step "end-to-end across two instances on PostgreSQL behind nginx"
psql -q "$PG_SERVER/postgres" -c "CREATE DATABASE deskfront_e2e"
E2E_DATABASE_URL="$PG_SERVER/deskfront_e2e" E2E_DATA_DIR="$WORK_DIR/e2e-two" \
  bash -c 'mkdir -p "$E2E_DATA_DIR" && cd end2end && npx playwright test --config playwright.two-instances.config.ts'

step "all checks passed"
