#!/usr/bin/env bash
# Stops what scripts/services.sh started: the PostgreSQL 15 cluster "main" and the Redis servers it started
# (those with a pid file /run/redis/nectar-redis-PORT.pid). A Redis that services.sh found already running
# (started by someone else) is left alone. Nothing is uninstalled and no data is removed.
# Note: the services are shared by every worktree on this machine; other developers' tests lose them too.
set -euo pipefail

readonly PG_VERSION=15
readonly PG_CLUSTER=main
readonly REDIS_RUN_DIR=/run/redis

if [[ $EUID -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 && exec sudo bash "$0" "$@"
  echo "stop-services.sh: must run as root, and sudo is not available" >&2
  exit 1
fi
cd /

# Wait for a run of services.sh that is starting them, so it is not stopped half-way.
lock_dir=/run/lock; [[ -d "$lock_dir" && -w "$lock_dir" ]] || lock_dir=/tmp
exec 9>"$lock_dir/nectar-services.lock"
flock -w 120 9 || echo "stop-services.sh: warning: services.sh has held its lock for 2 minutes; stopping anyway" >&2

rc=0

if command -v pg_ctlcluster >/dev/null 2>&1 \
   && pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
  if pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop 9>&-; then
    echo "stop-services.sh: stopped PostgreSQL $PG_VERSION/$PG_CLUSTER"
  else
    echo "stop-services.sh: ERROR: could not stop PostgreSQL $PG_VERSION/$PG_CLUSTER" >&2
    rc=1
  fi
fi

shopt -s nullglob
for pidfile in "$REDIS_RUN_DIR"/nectar-redis-*.pid; do
  port="${pidfile##*/nectar-redis-}"; port="${port%.pid}"
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server* ]]; then
    redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop-services.sh: ERROR: Redis on port $port (pid $pid) did not stop" >&2
      rc=1
      continue
    fi
    echo "stop-services.sh: stopped Redis on 127.0.0.1:$port"
  fi
  rm -f "$pidfile"
done

exit $rc
