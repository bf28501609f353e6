#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the server tests and prints its URL:
#   export TEST_DATABASE_URL="$(bash scripts/throwaway-postgres.sh start)"
#   bash scripts/throwaway-postgres.sh stop
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, trusts local connections
# (it holds nothing but test data) and is removed by `stop`. Runs initdb as the `postgres` user
# when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
state="${TMPDIR:-/tmp}/atlas-throwaway-postgres"

bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin="$(bin_dir)"
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$state"
    [ "$(id -u)" -eq 0 ] && chown postgres "$state"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$state/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$state/server.log" >&2; exit 1; }
    echo "$port" >"$state/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$state/data" ] && as_owner "$(bin_dir)/pg_ctl" -D "$state/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
