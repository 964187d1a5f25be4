#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the release, and serves the
# portal on http://127.0.0.1:3000 with an SQLite file (data/deskfront.db) and the demo data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup-tools.sh"
# wasm-opt comes from npm's binaryen (Debian's is too old and breaks hydration).
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release
"$ROOT/scripts/precompress.sh"
echo "[start] serving on http://127.0.0.1:3000 (Ctrl-C stops); data in data/deskfront.db"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD
exec ./target/release/server
