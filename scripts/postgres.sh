#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and the benchmark: Debian's package, its own data
# directory, loopback only, a random password. PostgreSQL refuses to run as root, so under root
# it runs as the `postgres` system user the package creates.
#
#   scripts/postgres.sh start DIR [--fast]   prints the server URL, postgres://deskfront:…@127.0.0.1:PORT
#   scripts/postgres.sh stop DIR
#   scripts/postgres.sh halt DIR / resume DIR   stop it keeping its data, start it again on the
#                                               same port (the tests of an outage)
#
# --fast turns fsync off: for tests, where the cluster is deleted afterwards anyway. The
# benchmark runs with PostgreSQL's durable defaults.
set -euo pipefail

cmd="${1:?start or stop}"
dir="${2:?a directory for the cluster}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL server binaries not found; run scripts/setup-tools.sh" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    fsync=on
    [ "${3:-}" = "--fast" ] && fsync=off
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then
      chown postgres "$dir"
      # The postgres user must be able to reach DIR (a mktemp folder is private to root);
      # traverse only, nothing is listed or readable.
      chmod o+x "$(dirname "$dir")"
    fi
    password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    # A free port below the kernel's ephemeral range: `halt` then `resume` must find it free
    # again, and a port the kernel hands out (to another test's server or to any outgoing
    # connection) can be taken in between.
    port="$(python3 - <<'PY'
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(200):
    port = random.randrange(10000, min(low, 30000))
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    raise SystemExit("no free port below the ephemeral range")
PY
)"
    as_owner sh -c "umask 077; printf '%s' '$password' > '$dir/pwfile'"
    as_owner "$bin/initdb" -D "$dir/data" -U deskfront --pwfile="$dir/pwfile" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner rm -f "$dir/pwfile"
    options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=$fsync \
       -c max_connections=300 -c shared_buffers=256MB"
    as_owner sh -c "printf '%s' \"\$1\" > '$dir/options'" sh "$options"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://deskfront:$password@127.0.0.1:$port"
    ;;
  stop | halt)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  resume)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(cat "$dir/options")" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  *)
    echo "usage: $0 start|stop|halt|resume DIR [--fast]" >&2
    exit 2
    ;;
esac
