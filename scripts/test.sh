#!/usr/bin/env bash
# THE test command: starts PostgreSQL 15 + pgvector and Redis on loopback and installs headless Chromium, Node.js
# and a Chinese font for the browser tests (installing what is missing, see scripts/services.sh --browser), exports
# the NECTAR_TEST_* variables that the integration tests read, checks that the benchmark (bench/) builds, then runs
# every test, unit (*Test) and integration (*IT), with Maven. Extra arguments go to Maven, e.g.
#   scripts/test.sh -Dtest=PolicyEngineTest -Dit.test=NoSuchIT -Dsurefire.failIfNoSpecifiedTests=false
# The exit code is Maven's.
#
# NECTAR_TEST_SERVICES=external skips scripts/services.sh and uses services you run yourself (for example
# `docker compose up -d --wait`); NECTAR_TEST_DB_URL, NECTAR_TEST_DB_USER, NECTAR_TEST_DB_PASSWORD and
# NECTAR_TEST_REDIS_URL then keep the values you set, or default to the ones docker-compose.yml serves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${NECTAR_TEST_SERVICES:-local}" == "external" ]]; then
  export NECTAR_TEST_DB_URL="${NECTAR_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:${NECTAR_TEST_PG_PORT:-5432}/nectar_it}"
  export NECTAR_TEST_DB_USER="${NECTAR_TEST_DB_USER:-nectar}"
  export NECTAR_TEST_DB_PASSWORD="${NECTAR_TEST_DB_PASSWORD:-nectar}"
  export NECTAR_TEST_REDIS_URL="${NECTAR_TEST_REDIS_URL:-redis://127.0.0.1:${NECTAR_TEST_REDIS_PORT:-6379}}"
else
  if ! service_env="$(bash scripts/services.sh --browser)"; then
    echo "test.sh: the test services could not be started (see above); no test ran" >&2
    exit 1
  fi
  eval "$service_env"
fi
echo "test.sh: PostgreSQL ${NECTAR_TEST_DB_URL}, Redis ${NECTAR_TEST_REDIS_URL}" >&2

# the benchmark (bench/, not part of the tests) must still build: the same command scripts/bench.sh runs
echo "test.sh: building the benchmark (bench/)" >&2
mvn -B --no-transfer-progress -q -f bench/pom.xml compile

exec mvn -B --no-transfer-progress verify -DskipITs=false "$@"
