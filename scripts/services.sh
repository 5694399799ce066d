#!/usr/bin/env bash
# Installs (when missing) and starts the services that Nectar's integration tests use, on loopback only:
#   - PostgreSQL 15 (Debian's postgresql-15) with pgvector, role/password nectar/nectar,
#     databases nectar and nectar_it (owner nectar), extension vector in both;
#   - Redis (Debian's redis-server), no persistence.
# Idempotent: a second run installs nothing, changes nothing and takes a second or two.
# Works with or without systemd (daemons are started directly when it is not running).
#
# On success it prints only the variables the tests read, as `export` lines on stdout, so
#   eval "$(scripts/services.sh)"
# sets them in the calling shell. Progress (only when something is done) and errors go to stderr.
#
# Usage: scripts/services.sh [--browser]
#   --browser   also install Debian's chromium and chromium-driver (and nodejs if missing), and a Chinese font
#               when the machine has none, for the browser tests of the pages (WebPagesIT)
# Environment:
#   NECTAR_TEST_PG_PORT      PostgreSQL port (default 5432)
#   NECTAR_TEST_REDIS_PORT   Redis port (default 6379)
#   NECTAR_PGVECTOR_SUITE    Debian suite whose pgvector source package is built (default trixie)
#
# Debian 12 has no pgvector package, so it is built from Debian's pgvector source package of a newer suite:
# a deb-src entry is added for the duration of the build only, then removed again.
# scripts/stop-services.sh stops what this script started.
set -euo pipefail

readonly PG_VERSION=15
readonly PG_CLUSTER=main
readonly PG_PORT="${NECTAR_TEST_PG_PORT:-5432}"
readonly REDIS_PORT="${NECTAR_TEST_REDIS_PORT:-6379}"
readonly PGVECTOR_SUITE="${NECTAR_PGVECTOR_SUITE:-trixie}"
readonly PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
readonly PG_CONF_DIR="/etc/postgresql/$PG_VERSION/$PG_CLUSTER"
readonly PG_SOCKET_DIR=/var/run/postgresql
readonly PG_NECTAR_CONF="$PG_CONF_DIR/conf.d/nectar.conf"
readonly VECTOR_CONTROL="/usr/share/postgresql/$PG_VERSION/extension/vector.control"
readonly VECTOR_LIB="/usr/lib/postgresql/$PG_VERSION/lib/vector.so"
readonly SRC_LIST=/etc/apt/sources.list.d/nectar-pgvector-src.sources
readonly REDIS_RUN_DIR=/run/redis
readonly DB_USER=nectar DB_PASSWORD=nectar

BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "services.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

for port in "$PG_PORT" "$REDIS_PORT"; do
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "services.sh: not a port number: $port" >&2; exit 2; }
done

if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=NECTAR_TEST_PG_PORT,NECTAR_TEST_REDIS_PORT,NECTAR_PGVECTOR_SUITE bash "$0" "$@"
  fi
  echo "services.sh: must run as root (installs packages and starts system daemons), and sudo is not available" >&2
  exit 1
fi

cd /   # nothing below uses relative paths; and postgres/redis can read the working directory
say() { echo "services.sh: $*" >&2; }

LOG="$(mktemp /tmp/nectar-services.XXXXXX.log)"
SRC_LIST_ADDED=0
BUILD_DIR=""
cleanup() {
  local rc=$?
  [[ $SRC_LIST_ADDED -eq 1 ]] && rm -f "$SRC_LIST"
  [[ -n "$BUILD_DIR" ]] && rm -rf "$BUILD_DIR"
  if [[ $rc -eq 0 ]]; then
    rm -f "$LOG"
  else
    echo "services.sh: FAILED (exit $rc); full log: $LOG" >&2
  fi
}
trap cleanup EXIT

die() { echo "services.sh: ERROR: $*" >&2; exit 1; }

# run DESCRIPTION CMD...: runs CMD with its output in the log; on failure shows the log's tail and stops.
run() {
  local desc="$1"; shift
  echo "+ $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1 9>&-; then   # 9>&-: daemons must not inherit (and hold) the lock
    echo "services.sh: ERROR: $desc failed; last lines of its output:" >&2
    tail -n 30 "$LOG" | sed 's/^/    /' >&2
    exit 1
  fi
}

# One run of the whole script at a time (several worktrees share these services).
lock_dir=/run/lock; [[ -d "$lock_dir" && -w "$lock_dir" ]] || lock_dir=/tmp
exec 9>"$lock_dir/nectar-services.lock"
flock -w 900 9 || die "another services.sh run holds the lock for more than 15 minutes"
rm -f "$SRC_LIST"   # left behind only by a run that was killed

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

APT_UPDATED=0
apt_update_once() {
  [[ $APT_UPDATED -eq 1 ]] && return 0
  say "apt-get update"
  run "apt-get update" apt-get -q -o DPkg::Lock::Timeout=600 update
  APT_UPDATED=1
}
apt_install() {
  apt_update_once
  say "installing $*"
  run "apt-get install $*" env DEBIAN_FRONTEND=noninteractive \
    apt-get -q -y -o DPkg::Lock::Timeout=600 install --no-install-recommends "$@"
}

# The Debian mirror (and its keyring) that the machine's own sources use for the main archive.
debian_mirror() {
  local files=() f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" && "$f" != "$SRC_LIST" ]] && files+=("$f")
  done
  [[ ${#files[@]} -gt 0 ]] || return 0
  awk '
    function flush() {
      if (types ~ /(^| )deb( |$)/ && uris != "" && uris !~ /security/ && suites ~ /(^| )(bookworm|trixie|stable|testing|sid)( |$)/ && !found) {
        split(uris, u, " "); print u[1] " " (signed == "" ? "-" : signed); found = 1
      }
      types = uris = suites = signed = ""
    }
    FNR == 1 { flush() }
    /^[[:space:]]*$/ { flush(); next }
    /^Types:/     { sub(/^Types:[[:space:]]*/, "");     types = $0;  next }
    /^URIs:/      { sub(/^URIs:[[:space:]]*/, "");      uris = $0;   next }
    /^Suites:/    { sub(/^Suites:[[:space:]]*/, "");    suites = $0; next }
    /^Signed-By:/ { sub(/^Signed-By:[[:space:]]*/, ""); signed = $0; next }
    /^deb[[:space:]]/ && !found {
      line = $0; sub(/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?/, "", line); split(line, w, /[[:space:]]+/)
      if (w[1] !~ /security/ && w[2] ~ /^(bookworm|trixie|stable|testing|sid)$/) { print w[1] " -"; found = 1 }
    }
    END { flush() }
  ' "${files[@]}"
}

add_pgvector_source() {
  local mirror keyring
  read -r mirror keyring < <(debian_mirror) || true
  mirror="${mirror:-http://deb.debian.org/debian}"
  [[ -z "${keyring:-}" || "$keyring" == "-" ]] && keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  SRC_LIST_ADDED=1
  cat >"$SRC_LIST" <<EOF
# Temporary, written by Nectar's scripts/services.sh to build pgvector; removed when it ends.
Types: deb-src
URIs: $mirror
Suites: $PGVECTOR_SUITE
Components: main
Signed-By: $keyring
EOF
  echo "deb-src entry: $mirror $PGVECTOR_SUITE main (keyring $keyring)" >>"$LOG"
}

build_pgvector() {
  [[ -x "$PG_BIN/pg_config" ]] || die "$PG_BIN/pg_config is missing (package postgresql-client-$PG_VERSION)"
  say "building pgvector from Debian's $PGVECTOR_SUITE source package"
  BUILD_DIR="$(mktemp -d /tmp/nectar-pgvector.XXXXXX)"
  chmod 755 "$BUILD_DIR"   # apt downloads as user _apt
  cd "$BUILD_DIR"
  run "apt-get source pgvector/$PGVECTOR_SUITE" apt-get -q source "pgvector/$PGVECTOR_SUITE"
  cd /
  rm -f "$SRC_LIST"; SRC_LIST_ADDED=0
  local src
  src="$(find "$BUILD_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  [[ -n "$src" ]] || die "apt-get source pgvector did not unpack a pgvector-* directory in $BUILD_DIR"
  # OPTFLAGS="" as Debian's own build does: no -march=native, so the library runs on any x86-64 host.
  run "building pgvector" make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS=""
  run "installing pgvector" make -C "$src" install PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS=""
  [[ -f "$VECTOR_CONTROL" && -f "$VECTOR_LIB" ]] || die "pgvector built but $VECTOR_CONTROL or $VECTOR_LIB is missing"
  rm -rf "$BUILD_DIR"; BUILD_DIR=""
}

# ---------------------------------------------------------------- what is missing, installed with one update
packages=()
[[ -x "$PG_BIN/postgres" ]] || packages+=("postgresql-$PG_VERSION")
[[ -x "$PG_BIN/psql" && -x "$PG_BIN/pg_isready" ]] || packages+=("postgresql-client-$PG_VERSION")
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || packages+=(redis-tools)
need_vector=0
if [[ ! -f "$VECTOR_CONTROL" || ! -f "$VECTOR_LIB" ]]; then
  need_vector=1
  for p in "postgresql-server-dev-$PG_VERSION" build-essential dpkg-dev; do
    pkg_installed "$p" || packages+=("$p")
  done
fi
if [[ $BROWSER -eq 1 ]]; then
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  # without a CJK font the pages' Chinese renders as boxes in screenshots
  [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]] || packages+=(fonts-wqy-microhei)
fi

if [[ $need_vector -eq 1 ]]; then
  add_pgvector_source          # before the one apt-get update, which then also fetches its Sources index
  apt_update_once
fi
[[ ${#packages[@]} -eq 0 ]] || apt_install "${packages[@]}"
[[ $need_vector -eq 0 ]] || build_pgvector

# ---------------------------------------------------------------- PostgreSQL
command -v pg_ctlcluster >/dev/null 2>&1 || die "pg_ctlcluster is missing (package postgresql-common)"

if [[ ! -f "$PG_CONF_DIR/postgresql.conf" ]]; then
  say "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
  run "pg_createcluster" pg_createcluster "$PG_VERSION" "$PG_CLUSTER"
fi

install -d -o postgres -g postgres -m 2775 "$PG_SOCKET_DIR"
install -d -o root -g postgres -m 1775 /var/log/postgresql
install -d -o postgres -g postgres -m 755 "$PG_CONF_DIR/conf.d"
grep -Eq "^[[:space:]]*include_dir[[:space:]]*=[[:space:]]*'conf\.d'" "$PG_CONF_DIR/postgresql.conf" \
  || die "$PG_CONF_DIR/postgresql.conf does not include conf.d; cannot apply $PG_NECTAR_CONF"

pg_conf_wanted="# Written by Nectar's scripts/services.sh (rewritten on each run): loopback only, test settings.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
synchronous_commit = off"
pg_conf_changed=0
if [[ "$(cat "$PG_NECTAR_CONF" 2>/dev/null)" != "$pg_conf_wanted" ]]; then
  printf '%s\n' "$pg_conf_wanted" >"$PG_NECTAR_CONF"
  chown postgres:postgres "$PG_NECTAR_CONF"
  pg_conf_changed=1
fi

pg_up() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }
if [[ $pg_conf_changed -eq 0 ]] && pg_up; then
  :   # running, with these settings
elif pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
  if [[ $pg_conf_changed -eq 1 ]]; then
    say "restarting PostgreSQL $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT (settings changed)"
    run "restarting PostgreSQL" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
  fi
else
  say "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
  pg_log="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
  if [[ ! -e "$pg_log" ]]; then install -o postgres -g adm -m 640 /dev/null "$pg_log" 2>/dev/null \
    || install -o postgres -g postgres -m 640 /dev/null "$pg_log"; fi
  chown postgres "$pg_log"
  if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >>"$LOG" 2>&1 9>&-; then
    echo "services.sh: ERROR: PostgreSQL did not start; last lines of $pg_log:" >&2
    tail -n 20 "$pg_log" | sed 's/^/    /' >&2
    exit 1
  fi
fi

pg_ready=0
for _ in $(seq 1 120); do
  if pg_up; then pg_ready=1; break; fi
  sleep 0.5
done
[[ $pg_ready -eq 1 ]] \
  || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT after 60 s (see /var/log/postgresql/)"

psql_su() {  # as the superuser postgres, over the Unix socket
  runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" "$@"
}
# Role, databases and extension, each created only when absent, in one psql run (a connection costs ~0.3 s here).
# psql runs each statement on its own (no transaction block), as CREATE DATABASE requires.
db_setup_sql() {
  cat <<SQL
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') AS present \gset
\if :present
\else
  \warn 'services.sh: creating PostgreSQL role $DB_USER'
  CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
\endif
SQL
  # nectar_it is kept between runs: every integration test empties a schema of its own before it starts, so a run
  # never sees an earlier one's tables, and running this script never cuts off tests that are using the database
  local db
  for db in nectar nectar_it; do
    cat <<SQL
\c postgres postgres
SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') AS present \gset
\if :present
\else
  \warn 'services.sh: creating database $db'
  CREATE DATABASE $db OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0;
\endif
\c $db postgres
SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS present \gset
\if :present
\else
  \warn 'services.sh: creating extension vector in $db'
  CREATE EXTENSION IF NOT EXISTS vector;
\endif
SQL
  done
}
db_err="$(mktemp /tmp/nectar-services.XXXXXX.err)"
if ! db_setup_sql | psql_su -d postgres -f - >>"$LOG" 2>"$db_err"; then
  cat "$db_err" >>"$LOG"; rm -f "$db_err"
  echo "services.sh: ERROR: creating the role, databases or extension failed:" >&2
  tail -n 10 "$LOG" | sed 's/^/    /' >&2
  exit 1
fi
grep '^services.sh: ' "$db_err" >&2 || true         # what was created
grep -v '^services.sh: ' "$db_err" >>"$LOG" || true  # anything else psql said
rm -f "$db_err"

# What the tests do: log in with the password over TCP and use a vector.
pg_check() {
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d nectar_it -c "SELECT '[1,2,3]'::vector" 2>>"$LOG"
}
if [[ "$(pg_check)" != "[1,2,3]" ]]; then
  say "resetting the password and login of role $DB_USER"
  run "resetting role $DB_USER" psql_su -d postgres -c "ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
  [[ "$(pg_check)" == "[1,2,3]" ]] \
    || die "cannot log in as $DB_USER to nectar_it on 127.0.0.1:$PG_PORT and read a vector (check $PG_CONF_DIR/pg_hba.conf)"
fi

# ---------------------------------------------------------------- Redis
redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; }
if ! redis_ping; then
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis_user=root
  id redis >/dev/null 2>&1 && redis_user=redis
  install -d -o "$redis_user" -m 755 "$REDIS_RUN_DIR" /var/log/redis
  install -d -o "$redis_user" -m 750 /var/lib/redis
  run "starting Redis" runuser -u "$redis_user" -- redis-server \
    --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes --daemonize yes \
    --save '' --appendonly no --dir /var/lib/redis \
    --pidfile "$REDIS_RUN_DIR/nectar-redis-$REDIS_PORT.pid" \
    --logfile "/var/log/redis/nectar-redis-$REDIS_PORT.log"
  for _ in $(seq 1 60); do redis_ping && break; sleep 0.25; done
  if ! redis_ping; then
    echo "services.sh: ERROR: Redis does not answer on 127.0.0.1:$REDIS_PORT; last lines of its log:" >&2
    tail -n 20 "/var/log/redis/nectar-redis-$REDIS_PORT.log" 2>/dev/null | sed 's/^/    /' >&2
    exit 1
  fi
fi

cat <<EOF
export NECTAR_TEST_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/nectar_it
export NECTAR_TEST_DB_USER=$DB_USER
export NECTAR_TEST_DB_PASSWORD=$DB_PASSWORD
export NECTAR_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
EOF
