#!/usr/bin/env bash
# Writes brotli (quality 11) and gzip copies of the built site's /pkg files. The server sends
# them to browsers that accept them: a phone on a shop floor downloads the smallest bytes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="$ROOT/target/site/pkg"
for f in "$PKG"/*.wasm "$PKG"/*.js "$PKG"/*.css; do
  [ -f "$f" ] || continue
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -9 -k "$f"
done
