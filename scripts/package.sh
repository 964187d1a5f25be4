#!/usr/bin/env bash
# Makes a release an operator can install on a machine without Rust or Node:
#   target/deskfront-<version>.tar.gz
#     bin/server            the server (SQLite and PostgreSQL built in, migrations included)
#     site/                 the browser code, styles and icons, precompressed
#     seed/                 the demo data (used only with DESKFRONT_DEMO=true)
#     deskfront.toml        the default configuration, commented
#     release.env           where the server finds the above (LEPTOS_*, the seed folder)
#     deskfront.service     a systemd unit
#     Containerfile         a container image around it
# Run after scripts/build-release.sh. `--check DIR` unpacks the archive into the empty folder
# DIR, starts it there in production mode on a fresh SQLite file and waits for /readyz.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION="$(awk -F'"' '/^version *=/ { print $2; exit }' Cargo.toml)"
NAME="deskfront-$VERSION"
ARCHIVE="$ROOT/target/$NAME.tar.gz"

[ -x target/release/server ] || { echo "package: build first (scripts/build-release.sh)" >&2; exit 1; }
[ -d target/site/pkg ] || { echo "package: target/site is missing (scripts/build-release.sh)" >&2; exit 1; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$NAME/bin"
cp target/release/server "$STAGE/$NAME/bin/"
cp -r target/site "$STAGE/$NAME/site"
cp -r server/seed "$STAGE/$NAME/seed"
cp packaging/deskfront.toml packaging/deskfront.service packaging/Containerfile "$STAGE/$NAME/"
cat >"$STAGE/$NAME/release.env" <<ENV
LEPTOS_OUTPUT_NAME=deskfront
LEPTOS_SITE_ROOT=/opt/deskfront/site
LEPTOS_SITE_PKG_DIR=pkg
LEPTOS_ENV=PROD
LEPTOS_SITE_ADDR=127.0.0.1:3000
DESKFRONT_SEED_DIR=/opt/deskfront/seed
ENV
tar -C "$STAGE" -czf "$ARCHIVE" "$NAME"
echo "$ARCHIVE"

if [ "${1:-}" = "--check" ]; then
  DIR="${2:?--check needs an empty folder}"
  mkdir -p "$DIR"
  [ -z "$(ls -A "$DIR")" ] || { echo "package: $DIR is not empty" >&2; exit 1; }
  tar -C "$DIR" -xzf "$ARCHIVE"
  HOME_DIR="$DIR/$NAME"
  PORT="${PACKAGE_CHECK_PORT:-3197}"
  # The release's own environment, pointed at where it was unpacked; run from an empty
  # folder without the repository, so nothing of the build is found by accident.
  mkdir -p "$DIR/data"
  (
    cd "$DIR/data"
    set -a
    # shellcheck disable=SC1091
    . "$HOME_DIR/release.env"
    set +a
    export LEPTOS_SITE_ROOT="$HOME_DIR/site" DESKFRONT_SEED_DIR="$HOME_DIR/seed"
    export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" DESKFRONT_CONFIG="$HOME_DIR/deskfront.toml"
    export DESKFRONT_DATABASE_URL="sqlite://$DIR/data/deskfront.db"
    export DESKFRONT_ATTACHMENTS_DIR="$DIR/data/attachments"
    exec env -u CARGO_MANIFEST_DIR PATH=/usr/bin:/bin "$HOME_DIR/bin/server"
  ) >"$DIR/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 60); do
    if curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null; then
      curl -fs "http://127.0.0.1:$PORT/login" | grep -q "Sign in to Deskfront" \
        || { echo "package: the sign-in page did not render" >&2; kill "$PID"; exit 1; }
      kill "$PID"; wait "$PID" 2>/dev/null || true
      echo "package: the unpacked release started and is ready"
      exit 0
    fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 1
  done
  echo "package: the unpacked release did not become ready; its log:" >&2
  cat "$DIR/server.log" >&2
  kill "$PID" 2>/dev/null || true
  exit 1
fi
