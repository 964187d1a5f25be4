#!/usr/bin/env bash
# The README's second command, and what CI runs: formatting and lints, unit tests, integration
# tests of the server functions against a real SQLite database, then the Playwright suite in
# Debian's Chromium against a release build.
#
# Packages are built one at a time (never --workspace): unifying features would build `app`
# with ssr and hydrate at once.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup-tools.sh"
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

step "format"
cargo fmt -p app -p server --check

step "lint (server side, browser side, server crate)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p server --all-targets -- -D warnings

step "unit tests (shared rules, backend)"
cargo test -p app --features ssr

step "server unit and integration tests (real HTTP, real SQLite)"
cargo test -p server

step "release build"
cargo leptos build --release
scripts/precompress.sh

step "end-to-end (Playwright, Chromium, phone viewport, JavaScript on and off)"
E2E_DATA_DIR="$(mktemp -d)"
export E2E_DATA_DIR
trap 'rm -rf "$E2E_DATA_DIR"' EXIT
(cd end2end && npx playwright test)

step "all checks passed"
