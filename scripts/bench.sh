#!/usr/bin/env bash
# Benchmarks a release build of Deskfront: bundle sizes, first-visit transfer, knowledge base
# search latency over a generated corpus and the search snapshot's size, then page throughput
# and latency under wrk and concurrent request submissions in three deployments — one instance
# on SQLite, one on PostgreSQL, two on PostgreSQL behind nginx — in one run, and the manager's
# dashboard over a generated year of tickets; last, in Chromium, how long a 10-item offline outbox
# takes to flush and the size of the shell the service worker caches.
# Prints a summary table and saves it to bench/results/latest.txt.
#
# Usage: scripts/bench.sh [--no-build]
#   --no-build   use the existing target/release/server and target/site instead of building
#
# Tunables (environment): BENCH_PORT (3950; 3951-3955 are used too), BENCH_DURATION (10s),
# BENCH_SUBMISSIONS (2000), BENCH_CONCURRENCY (16), BENCH_SEARCH_ARTICLES (50000),
# BENCH_QUEUE_TICKETS (100000: generated incidents behind the agent-queue figures),
# BENCH_HISTORY_TICKETS (100000: a year of demo history behind the dashboard figures),
# BENCH_CATALOG_ITEMS (500) and BENCH_CATALOG_PEOPLE (10000: the large-catalog rows).
#
# Exit status: non-zero when the run itself breaks or a submission is lost, fails or is doubled.
# Budgets are reported in the table but do not fail the run: numbers vary between machines, and
# a noisy laptop should not look like a broken build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The server finds target/site relative to its working directory, and the build expects the
# workspace root, so everything runs from there.
cd "$ROOT"

PORT="${BENCH_PORT:-3950}"
DURATION="${BENCH_DURATION:-10s}"
SUBMISSIONS="${BENCH_SUBMISSIONS:-2000}"
CONCURRENCY="${BENCH_CONCURRENCY:-16}"
SEARCH_ARTICLES="${BENCH_SEARCH_ARTICLES:-50000}"
QUEUE_TICKETS="${BENCH_QUEUE_TICKETS:-100000}"
HISTORY_TICKETS="${BENCH_HISTORY_TICKETS:-100000}"
CATALOG_ITEMS="${BENCH_CATALOG_ITEMS:-500}"
CATALOG_PEOPLE="${BENCH_CATALOG_PEOPLE:-10000}"
MANAGER_EMAIL="mo.manager@deskfront.test"
# "Well under a second" for a year of tickets (issue 7), one page render at a time.
BUDGET_DASHBOARD_MS=500
AGENT_EMAIL="ahmed.agent@deskfront.test"
BASE="http://127.0.0.1:$PORT"
BUDGET_FIRST_VISIT_KB=250
BUDGET_P99_MS=10
BUDGET_SEARCH_P95_MS=20
BUDGET_BROWSER_SEARCH_MS=10
DEMO_EMAIL="rita.requester@deskfront.test"
DEMO_PASSWORD="bench-password"
SITE="target/site"
PKG="$SITE/pkg"
SERVER_BIN="target/release/server"
RESULTS_DIR="bench/results"

BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h | --help)
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument: $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

log() { printf '\033[1;34m[bench]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31m[bench]\033[0m %s\n' "$*" >&2
  exit 1
}
# Bytes as KB with one decimal; "ok" or "OVER" for a figure against its budget.
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { if (v == "?" || v == "-") print "?"; else print (v + 0 <= max + 0) ? "ok" : "OVER" }'; }

for tool in curl wrk gzip brotli python3 awk sqlite3; do
  command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup-tools.sh installs wrk and brotli)"
done

# --- Build -------------------------------------------------------------------------------------

if [ "$BUILD" = 1 ]; then
  # wasm-opt comes from the end2end npm install rather than a system package; cargo-leptos looks
  # for it on PATH. ~/.cargo/bin is added for shells that did not source cargo's env.
  export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  command -v cargo-leptos >/dev/null || die "cargo-leptos is missing: run scripts/setup-tools.sh"
  log "building release (scripts/build-release.sh)"
  "$ROOT/scripts/build-release.sh"
fi

for f in "$SERVER_BIN" "$PKG/deskfront.wasm" "$PKG/deskfront.js" "$PKG/deskfront.css"; do
  [ -f "$f" ] || die "$f is missing: build first, or drop --no-build"
done
# The server serves these precompressed copies; measure what a browser really downloads.
"$ROOT/scripts/precompress.sh"

# --- Servers -----------------------------------------------------------------------------------

TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  "$ROOT/scripts/postgres.sh" stop "$TMP/pg"
  rm -rf "$TMP"
}
trap cleanup EXIT
# Turn Ctrl-C into a normal exit so the EXIT trap stops the servers.
trap 'exit 130' INT TERM

# Starts a release instance on PORT with DATABASE and waits for its health check.
start_instance() {
  local port="$1" database="$2" name="$3" base="http://127.0.0.1:$1"
  # If something already answers on the port, the benchmark would measure that instead.
  if curl -fs -o /dev/null --max-time 2 "$base/healthz"; then
    die "something is already listening on port $port; stop it or set BENCH_PORT"
  fi
  # An empty config file stops a developer's deskfront.toml from leaking into the run (every
  # field has a default); DATABASE_URL is unset because it wins over DESKFRONT_DATABASE_URL.
  : >"$TMP/bench.toml"
  mkdir -p "$TMP/att"
  env -u DATABASE_URL \
    DESKFRONT_CONFIG="$TMP/bench.toml" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" \
    LEPTOS_SITE_ROOT="$SITE" \
    LEPTOS_ENV=PROD \
    DESKFRONT_DATABASE_URL="$database" \
    DESKFRONT_DATABASE_MAX_CONNECTIONS=16 \
    DESKFRONT_ATTACHMENTS_DIR="$TMP/att" \
    DESKFRONT_DEMO_PASSWORD="$DEMO_PASSWORD" \
    DESKFRONT_DEMO=true \
    DESKFRONT_INSTANCE_NAME="$name" \
    RUST_LOG=warn \
    "./$SERVER_BIN" >"$TMP/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  # Loading the demo data (and hashing its passwords) takes a moment on first start.
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$TMP/$name.log" >&2; die "$name exited during start-up"; }
    [ "$(curl -s --max-time 2 "$base/healthz" || true)" = "ok" ] && return 0
    sleep 0.5
  done
  tail -n 30 "$TMP/$name.log" >&2
  die "$name did not become healthy within 60 s"
}

stop_instances() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

# Signs a demo account (the requester unless EMAIL is given) in at BASE and sets COOKIE.
sign_in() {
  local base="$1" email="${2:-$DEMO_EMAIL}" status session
  # A post must name the portal as its origin, as the sign-in page's form does.
  status="$(curl -s -o /dev/null -w '%{http_code}' -c "$TMP/cookies.txt" -H "Origin: $base" \
    --data-urlencode "email=$email" \
    --data-urlencode "password=$DEMO_PASSWORD" \
    --data-urlencode "next=/" \
    "$base/api/login")"
  # The cookie jar marks HttpOnly cookies with a "#HttpOnly_" domain prefix; the name and value
  # columns (6 and 7) are the same either way.
  session="$(awk -F'\t' '$6 == "deskfront_session" { v = $7 } END { print v }' "$TMP/cookies.txt")"
  [ -n "$session" ] || die "sign-in at $base failed (HTTP $status): no deskfront_session cookie"
  COOKIE="deskfront_session=$session"
  # wrk counts a 303 to /login as success, so make sure the cookie really opens the pages first.
  local path code
  for path in / /catalog/laptop; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$base$path")"
    [ "$code" = 200 ] || die "GET $base$path answered HTTP $code with the session cookie (expected 200)"
  done
}

# --- Search ------------------------------------------------------------------------------------

# Before any server starts, so nothing else competes for the cores. `server search-bench` times
# the engine itself over a knowledge base generated from the demo articles (the queries are
# server/seed/kb-queries.toml) and writes the index snapshots the browser would keep.
log "search: generating $SEARCH_ARTICLES articles and timing the query set (about half a minute)"
: >"$TMP/bench.toml"
env -u DATABASE_URL \
  DESKFRONT_CONFIG="$TMP/bench.toml" \
  DESKFRONT_SEED_DIR="$ROOT/server/seed" \
  RUST_LOG=warn \
  "./$SERVER_BIN" search-bench --articles "$SEARCH_ARTICLES" --snapshot-dir "$TMP/search" \
  >"$TMP/search.txt" || {
  cat "$TMP/search.txt" >&2
  die "server search-bench failed"
}
# Prints the value of KEY=value on the first line of the output that starts with the given words.
search_value() { awk -v line="$1" -v key="$2" 'index($0, line " ") == 1 { for (i = 1; i <= NF; i++) if (index($i, key "=") == 1) { print substr($i, length(key) + 2); exit } }' "$TMP/search.txt"; }
SEARCH_TERMS="$(search_value corpus terms)"
SEARCH_BUILD_MS="$(search_value corpus build_ms)"
SEARCH_ROUNDS="$(search_value "latency mode=search" rounds)"
SEARCH_ROWS=""
for mode in search typing; do
  p50="$(search_value "latency mode=$mode" p50_ms)"
  p95="$(search_value "latency mode=$mode" p95_ms)"
  max="$(search_value "latency mode=$mode" max_ms)"
  [ -n "$p95" ] || { cat "$TMP/search.txt" >&2; die "could not read search-bench's output"; }
  case "$mode" in
    search) label="finished query" ;;
    typing) label="while typing (prefix)" ;;
  esac
  log "search, $label: p50 $p50 ms, p95 $p95 ms, max $max ms"
  SEARCH_ROWS+="$(printf '%-28s %9s %9s %9s %9s %8s' "$label" "$p50" "$p95" "$max" "<= $BUDGET_SEARCH_P95_MS" "$(verdict "$p95" "$BUDGET_SEARCH_P95_MS")")"$'\n'
done
SNAPSHOT_ROWS=""
SNAPSHOT_FILES=()
while read -r name docs file; do
  SNAPSHOT_FILES+=("$file")
  raw="$(wc -c <"$file")"
  gz="$(gzip -9 -c "$file" | wc -c)"
  br="$(brotli -c -q 11 "$file" | wc -c)"
  log "search snapshot $name: $docs docs, raw $raw B, gzip -9 $gz B, brotli -q 11 $br B"
  SNAPSHOT_ROWS+="$(printf '%-28s %9s %10s %10s %10s' "$name" "$docs" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")")"$'\n'
done < <(awk '$1 == "snapshot" { n = d = f = ""; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "name") n = kv[2]; if (kv[1] == "docs") d = kv[2]; if (kv[1] == "file") f = kv[2] } print n, d, f }' "$TMP/search.txt")

log "starting one instance on SQLite (fresh database in a temporary directory)"
start_instance "$PORT" "sqlite://$TMP/bench.db" sqlite
sign_in "$BASE"

# The same engine in the browser: the release wasm in Chromium, over the same snapshots.
log "search in the browser: the query set over each snapshot, in Chromium"
BROWSER_SEARCH_ROWS=""
(cd end2end && node bench/browser-search.mjs "$BASE" "$DEMO_EMAIL" "$DEMO_PASSWORD" \
  "$ROOT/server/seed/kb-queries.toml" "${SNAPSHOT_FILES[@]}") >"$TMP/browser-search.txt" || {
  cat "$TMP/browser-search.txt" >&2
  die "the browser search benchmark failed"
}
while read -r _ name _ p50 p95 max; do
  name="${name#name=}" p50="${p50#p50_ms=}" p95="${p95#p95_ms=}" max="${max#max_ms=}"
  log "browser search over $name: p50 $p50 ms, p95 $p95 ms, max $max ms"
  BROWSER_SEARCH_ROWS+="$(printf '%-28s %9s %9s %9s %9s %8s' "browser, $name" "$p50" "$p95" "$max" "<= $BUDGET_BROWSER_SEARCH_MS" "$(verdict "$p95" "$BUDGET_BROWSER_SEARCH_MS")")"$'\n'
done <"$TMP/browser-search.txt"

# --- Bundle sizes ------------------------------------------------------------------------------

declare -A RAW GZ BR
# The main module first, then every split module (one per page, and the code pages share).
BUNDLE_FILES=(deskfront.wasm deskfront.js deskfront.css)
while read -r f; do BUNDLE_FILES+=("$f"); done < <(
  cd "$PKG" && ls -1 -- *.wasm *.js 2>/dev/null | grep -vxE 'deskfront\.(wasm|js)' | sort)
for f in "${BUNDLE_FILES[@]}"; do
  RAW[$f]="$(wc -c <"$PKG/$f")"
  GZ[$f]="$(gzip -9 -c "$PKG/$f" | wc -c)"
  # Brotli at its maximum is what a precompressed deployment would serve; the live server
  # compresses on the fly at a faster level, which the first-visit figure below shows.
  BR[$f]="$(brotli -c -q 11 "$PKG/$f" | wc -c)"
  log "$f: raw ${RAW[$f]} B, gzip -9 ${GZ[$f]} B, brotli -q 11 ${BR[$f]} B"
done

# --- First visit -------------------------------------------------------------------------------

# What a phone downloads to show the catalog with an empty cache: the HTML, then what its head
# links (the stylesheet, the JS glue, the main wasm and any split module the page preloads) and
# the loader of split modules, which the glue imports. --compressed is deliberately not used, so
# size_download is the compressed bytes on the wire, as the server chose to encode them. (The
# service worker then stores the other pages' modules in the background; the bundle table
# below lists every module.)
FIRST_VISIT_BYTES=0
FIRST_VISIT_DETAIL=""
curl -s -H "Cookie: $COOKIE" "$BASE/" >"$TMP/catalog.html"
RELEASE_ID="$(grep -oE '<meta name="deskfront-release" content="[0-9a-f]+"' "$TMP/catalog.html" | cut -d'"' -f4)"
[ -n "$RELEASE_ID" ] || die "first visit: the catalog page names no release"
FIRST_VISIT_PATHS=(/)
while read -r href; do FIRST_VISIT_PATHS+=("$href"); done < <(
  grep -oE '<link [^>]*>' "$TMP/catalog.html" | grep -E 'rel="(stylesheet|modulepreload|preload)"' |
    grep -oE 'href="/pkg/[^"]+"' | cut -d'"' -f2)
SPLIT_LOADER="__wasm_split.______________________.js"
[ -f "$PKG/$SPLIT_LOADER" ] && FIRST_VISIT_PATHS+=("/pkg/r/$RELEASE_ID/$SPLIT_LOADER")
for path in "${FIRST_VISIT_PATHS[@]}"; do
  read -r code bytes < <(curl -s -o /dev/null -D "$TMP/headers" \
    -w '%{http_code} %{size_download}\n' \
    -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' "$BASE$path")
  [ "$code" = 200 ] || die "first visit: GET $path answered HTTP $code"
  encoding="$(awk -F': *' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print $2 }' "$TMP/headers")"
  encoding="${encoding:-identity}"
  log "first visit: $path $bytes B ($encoding)"
  FIRST_VISIT_BYTES=$((FIRST_VISIT_BYTES + bytes))
  FIRST_VISIT_DETAIL+="$(printf '  %-24s %9s KB  %s' "${path##*/}" "$(kb "$bytes")" "$encoding")"$'\n'
done
FIRST_VISIT_KB="$(kb "$FIRST_VISIT_BYTES")"

# --- Page load ---------------------------------------------------------------------------------

# wrk prints latencies with their own unit (us, ms, s, m); the table uses milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v; unit = v
    sub(/[a-z]+$/, "", n); sub(/^[0-9.]+/, "", unit)
    f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : (unit == "h") ? 3600000 : -1
    if (f < 0 || n == "") { print "?"; exit }
    printf "%.2f", n * f
  }'
}

# Sets WRK_RPS, WRK_P50, WRK_P99 and WRK_ERRORS for one URL, with CONNECTIONS (16) open.
run_wrk() {
  local url="$1" out="$TMP/wrk.txt" connections="${2:-16}"
  local threads=$((connections < 2 ? connections : 2))
  # A short unrecorded run first, so connection set-up and cold caches do not colour the numbers.
  wrk -t"$threads" -c"$connections" -d2s -H "Cookie: $COOKIE" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$url" >"$out"
  WRK_RPS="$(awk '$1 == "Requests/sec:" { printf "%.1f", $2 }' "$out")"
  WRK_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  WRK_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  # Both lines are only printed when something went wrong; 4xx/5xx would make req/s meaningless.
  WRK_ERRORS="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$out")"
  [ -n "$WRK_RPS" ] || {
    cat "$out" >&2
    die "could not read wrk's output for $url"
  }
}

# Submits SUBMISSIONS requests at BASE; sets SUB_RPS SUB_P50 SUB_P99 SUB_FAIL SUB_OK.
run_submissions() {
  local base="$1" rc=0
  python3 "$ROOT/scripts/bench_submit.py" "$base" "$COOKIE" \
    --count "$SUBMISSIONS" --concurrency "$CONCURRENCY" --json "$TMP/submit.json" >&2 || rc=$?
  if [ -s "$TMP/submit.json" ]; then
    read -r SUB_RPS SUB_P50 SUB_P99 SUB_FAIL SUB_OK < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
fmt = lambda v: "?" if v is None else "%.2f" % v
print("%.1f" % r["per_second"], fmt(r["p50_ms"]), fmt(r["p99_ms"]), r["failures"],
      "ok" if r["numbers_ok"] else "DUPLICATES")
' "$TMP/submit.json")
  else
    # The probe submission failed, so there are no figures; the table says so instead.
    SUB_RPS="-" SUB_P50="-" SUB_P99="-" SUB_FAIL="all" SUB_OK="FAILED"
  fi
  rm -f "$TMP/submit.json"
  [ "$rc" = 0 ] || SUBMIT_RC=$rc
}

SUBMIT_RC=0
LOAD_ROWS=""
# Measures one deployment at BASE and appends its rows to the table. The catalog and item pages
# run first; submissions last, because they write thousands of tickets.
measure_deployment() {
  local label="$1" base="$2"
  log "$label: wrk on / for $DURATION"
  run_wrk "$base/"
  LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "$label: catalog /" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "$(verdict "$WRK_P99" "$BUDGET_P99_MS")")"$'\n'
  log "$label: wrk on /catalog/laptop for $DURATION"
  run_wrk "$base/catalog/laptop"
  LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "$label: item page" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "-")"$'\n'
  log "$label: submitting $SUBMISSIONS requests at concurrency $CONCURRENCY"
  run_submissions "$base"
  LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "$label: submissions" "$SUB_RPS" "$SUB_P50" "$SUB_P99" "$SUB_FAIL" "$SUB_OK")"$'\n'
}

measure_deployment "SQLite, 1 instance" "$BASE"

# The agent queue over a large ticket table: generated incidents straight into the database, then
# the agent's queue page (every group of theirs, breaching first) and a filtered view under wrk.
log "queue: generating $QUEUE_TICKETS incidents in the SQLite database"
sed "s/:count/$QUEUE_TICKETS/" "$ROOT/scripts/bench_queue.sql" | sqlite3 "$TMP/bench.db"
# What the server's refresh-statistics job does every few hours; without statistics SQLite's
# planner sorts every open ticket instead of walking the due-time index.
sqlite3 "$TMP/bench.db" "ANALYZE"
QUEUE_COUNT="$(sqlite3 "$TMP/bench.db" "SELECT COUNT(*) FROM tickets")"
sign_in "$BASE" "$AGENT_EMAIL"
for path in "/desk" "/desk?priority=P1&store=S012"; do
  log "queue: wrk on $path for $DURATION ($QUEUE_COUNT tickets in the database)"
  run_wrk "$BASE$path"
  LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "SQLite: queue $path" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "$(verdict "$WRK_P99" "$BUDGET_P99_MS")")"$'\n'
done

# The catalog of a 500-store retailer: 500 items in 40 generated categories (nested) besides the
# demo's, and 10,000 people, then the catalog and a generated item's page under wrk (issue 16).
log "catalog: generating $CATALOG_ITEMS items in 40 nested categories and $CATALOG_PEOPLE people"
sed -e "s/:items/$CATALOG_ITEMS/" -e "s/:people/$CATALOG_PEOPLE/" "$ROOT/scripts/bench_catalog.sql" | sqlite3 "$TMP/bench.db"
sqlite3 "$TMP/bench.db" "ANALYZE"
sign_in "$BASE"
log "catalog: wrk on / and /catalog/bench-item-250 for $DURATION"
run_wrk "$BASE/"
LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "SQLite: catalog /, large" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "$(verdict "$WRK_P99" "$BUDGET_P99_MS")")"$'\n'
run_wrk "$BASE/catalog/bench-item-250"
LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "SQLite: item page, large catalog" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "-")"$'\n'
stop_instances

# The manager's dashboard over a year of history from the demo generator (the same one the
# first start runs, only bigger): the whole year, then one store's year, one request at a time
# (how long one manager waits for the page).
log "dashboard: generating $HISTORY_TICKETS tickets over 12 months"
HISTORY_DB="sqlite://$TMP/history.db"
HISTORY_START="$(date +%s.%N)"
env -u DATABASE_URL DESKFRONT_CONFIG="$TMP/bench.toml" DESKFRONT_DATABASE_URL="$HISTORY_DB" \
  DESKFRONT_DEMO=true DESKFRONT_DEMO_PASSWORD="$DEMO_PASSWORD" DESKFRONT_ATTACHMENTS_DIR="$TMP/att" RUST_LOG=warn \
  "./$SERVER_BIN" demo-history --months 12 --tickets "$HISTORY_TICKETS" >&2
HISTORY_SECONDS="$(awk -v a="$HISTORY_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')"
start_instance "$PORT" "$HISTORY_DB" history
sign_in "$BASE" "$MANAGER_EMAIL"
YEAR_FROM="$(date -u -d '364 days ago' +%F)"
TODAY="$(date -u +%F)"
for path in "/dashboard?from=$YEAR_FROM&to=$TODAY" "/dashboard?from=$YEAR_FROM&to=$TODAY&store=S012"; do
  log "dashboard: wrk on $path for $DURATION"
  run_wrk "$BASE$path" 1
  LOAD_ROWS+="$(printf '%-36s %9s %9s %9s %9s %8s' "SQLite: dashboard, year${path##*"$TODAY"}" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" "$(verdict "$WRK_P99" "$BUDGET_DASHBOARD_MS")")"$'\n'
done
stop_instances

log "starting PostgreSQL (durable defaults) and one instance on it"
PG_SERVER="$("$ROOT/scripts/postgres.sh" start "$TMP/pg")"
psql -q "$PG_SERVER/postgres" -c "CREATE DATABASE bench_one" -c "CREATE DATABASE bench_two"
start_instance "$PORT" "$PG_SERVER/bench_one" pg-one
sign_in "$BASE"
measure_deployment "PostgreSQL, 1 instance" "$BASE"
stop_instances

log "starting two instances on PostgreSQL behind nginx"
start_instance "$((PORT + 2))" "$PG_SERVER/bench_two" pg-a
start_instance "$((PORT + 3))" "$PG_SERVER/bench_two" pg-b
mkdir -p "$TMP/nginx"
sed -e "s/127.0.0.1:3111/127.0.0.1:$((PORT + 2))/" -e "s/127.0.0.1:3112/127.0.0.1:$((PORT + 3))/" \
  -e "s/listen 127.0.0.1:3110/listen 127.0.0.1:$((PORT + 1))/" \
  "$ROOT/end2end/nginx/two-instances.conf" >"$TMP/nginx/nginx.conf"
/usr/sbin/nginx -p "$TMP/nginx/" -c "$TMP/nginx/nginx.conf" -e stderr -g "daemon off;" &
PIDS+=("$!")
LB="http://127.0.0.1:$((PORT + 1))"
for _ in $(seq 1 40); do
  [ "$(curl -s --max-time 2 "$LB/healthz" || true)" = "ok" ] && break
  sleep 0.25
done
sign_in "$LB"
measure_deployment "PostgreSQL, 2 instances+nginx" "$LB"

# --- Offline outbox ----------------------------------------------------------------------------

# The browser side of issue 5, against an instance of its own on SQLite with a proxy standing in
# for the network (end2end/bench/outbox-flush.spec.ts): ten submissions queued offline, then the
# time from the network's return until all ten show as sent, and the bytes in Cache Storage.
stop_instances
log "offline: flushing a 10-item outbox and measuring the cached shell, in Chromium"
(cd end2end && E2E_BENCH_PORT="$((PORT + 4))" E2E_BENCH_OUT="$TMP/outbox.txt" \
  E2E_SERVER_BIN="$ROOT/$SERVER_BIN" E2E_SITE_ROOT="$ROOT/$SITE" \
  npx playwright test --config playwright.bench.config.ts) >"$TMP/outbox-run.txt" 2>&1 || {
  cat "$TMP/outbox-run.txt" >&2
  die "the outbox benchmark failed"
}
OUTBOX_FLUSH="$(awk -F': ' '$1 == "outbox flush, 10 items" { print $2 }' "$TMP/outbox.txt")"
CACHED_SHELL="$(awk -F': ' '$1 == "cached shell" { print $2 }' "$TMP/outbox.txt")"
log "outbox flush, 10 items: $OUTBOX_FLUSH; cached shell: $CACHED_SHELL"

# --- Summary -----------------------------------------------------------------------------------

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD 2>/dev/null; then commit="$commit (uncommitted changes)"; fi

SUMMARY="$(
  printf 'Deskfront benchmark  %s  commit %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
  printf 'wrk -t2 -c16 -d%s; %s submissions at concurrency %s; KB = 1024 bytes\n\n' \
    "$DURATION" "$SUBMISSIONS" "$CONCURRENCY"

  printf '%-40s %10s %10s %10s\n' "Bundle (KB)" "raw" "gzip -9" "brotli 11"
  total_raw=0 total_br=0
  for f in "${BUNDLE_FILES[@]}"; do
    printf '%-40s %10s %10s %10s\n' "$f" "$(kb "${RAW[$f]}")" "$(kb "${GZ[$f]}")" "$(kb "${BR[$f]}")"
    total_raw=$((total_raw + RAW[$f])) total_br=$((total_br + BR[$f]))
  done
  printf '%-40s %10s %10s %10s\n' "all modules (what the worker stores)" "$(kb "$total_raw")" "" "$(kb "$total_br")"
  echo

  printf 'Search: %s generated articles, %s terms, index built in %s ms; %s rounds of the query set\n' \
    "$SEARCH_ARTICLES" "$SEARCH_TERMS" "$SEARCH_BUILD_MS" "$SEARCH_ROUNDS"
  printf '%-28s %9s %9s %9s %9s %8s\n' "Search latency" "p50 ms" "p95 ms" "max ms" "budget" "status"
  printf '%s' "$SEARCH_ROWS"
  printf '%s' "$BROWSER_SEARCH_ROWS"
  printf '%-28s %9s %10s %10s %10s\n' "Search snapshot (KB)" "docs" "raw" "gzip -9" "brotli 11"
  printf '%s' "$SNAPSHOT_ROWS"
  echo

  printf '%-22s %10s %10s %10s\n' "First visit (catalog)" "KB" "budget" "status"
  printf '%-22s %10s %10s %10s\n' "transferred" "$FIRST_VISIT_KB" "<= $BUDGET_FIRST_VISIT_KB" \
    "$(verdict "$FIRST_VISIT_KB" "$BUDGET_FIRST_VISIT_KB")"
  printf '%s' "$FIRST_VISIT_DETAIL"
  echo

  printf '%-22s %12s\n' "Offline (Chromium)" ""
  printf '%-22s %12s\n' "outbox flush, 10 items" "$OUTBOX_FLUSH"
  printf '%-22s %12s\n' "cached shell" "$CACHED_SHELL"
  echo

  printf '%-36s %9s %9s %9s %9s %8s\n' "Load" "req/s" "p50 ms" "p99 ms" "failures" "status"
  printf '%s' "$LOAD_ROWS"
  printf '\nBudgets: first visit <= %s KB; catalog p99 <= %s ms; search p95 <= %s ms on the server,\n' \
    "$BUDGET_FIRST_VISIT_KB" "$BUDGET_P99_MS" "$BUDGET_SEARCH_P95_MS"
  printf '<= %s ms in the browser (typing, per query). The queue rows ran with %s tickets in the\n' "$BUDGET_BROWSER_SEARCH_MS" "${QUEUE_COUNT:-?}"
  printf 'database, signed in as an agent of the groups they serve. The large-catalog rows ran with\n'
  printf '%s generated items in 40 nested categories besides the demo'"'"'s, and %s generated\n' "$CATALOG_ITEMS" "$CATALOG_PEOPLE"
  printf 'people. The dashboard rows ran over\n'
  printf '%s generated tickets (a year; generated in %s s), signed in as the manager, one request\n' "$HISTORY_TICKETS" "${HISTORY_SECONDS:-?}"
  printf 'at a time; their budget is %s ms ("well under a second"). Submission\n' "$BUDGET_DASHBOARD_MS"
  printf 'status checks that every success got its own ticket number (none lost, none duplicated).\n'
  printf 'Everything (servers, PostgreSQL, nginx, wrk, the submitting client) shares this machine'"'"'s\n'
  printf '%s cores.\n' "$(nproc)"
)"

mkdir -p "$RESULTS_DIR"
printf '%s\n' "$SUMMARY" | tee "$RESULTS_DIR/latest.txt"
log "saved to $RESULTS_DIR/latest.txt"

[ "$SUBMIT_RC" = 0 ] || die "submissions failed or ticket numbers did not add up (see above)"
