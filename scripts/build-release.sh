#!/usr/bin/env bash
# Builds the release: the server, and the browser code split into a main module and a module
# per page (`--split`, see app/src/lazy_pages.rs), then brotli and gzip copies of /pkg. The pkg
# folder starts empty so that no module of an earlier build is served or cached as part of
# this release.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt comes from npm's binaryen (Debian's is too old and breaks hydration).
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
rm -rf target/site/pkg
cargo leptos build --release --split
"$ROOT/scripts/precompress.sh"
