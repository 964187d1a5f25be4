#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the release, and serves the
# portal on http://127.0.0.1:3000 in DEMO MODE: an SQLite file (data/deskfront.db), the demo
# data, demo accounts with the published demo password, and a demo ticket history. A company
# starting Deskfront for real runs the server without DESKFRONT_DEMO (README, "Starting for real").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup-tools.sh"
"$ROOT/scripts/build-release.sh"
export DESKFRONT_DEMO=true
echo "[start] DEMO MODE: demo data and demo accounts whose password the README publishes; not for production"
# Months of demo tickets so the manager's dashboard has figures on the first run; --if-empty
# makes this a no-op once the database has any ticket (a second start, or a portal in use).
# The portal is worth serving without them, so a failure here only warns.
if ! ./target/release/server demo-history --months 6 --tickets 6000 --if-empty; then
  echo "[start] no demo history was written (see above); serving anyway" >&2
fi
echo "[start] serving on http://127.0.0.1:3000 (Ctrl-C stops); data in data/deskfront.db"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD
exec ./target/release/server
