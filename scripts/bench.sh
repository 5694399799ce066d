#!/usr/bin/env bash
# THE benchmark command (not part of the tests): builds the server jar when it is older than the sources, builds the
# benchmark in bench/ (online, so a fresh clone with an empty local repository works; scripts/test.sh checks that it
# builds), starts PostgreSQL + pgvector through scripts/services.sh when it can (else the pgvector rows are skipped),
# then runs every part against servers it starts itself on ports 8190-8193 and prints the results table, also
# written to target/bench/results.md. About 30 minutes on 2 cores, 20 of them the soak row (-Dbench.soakMinutes=N).
#
# Options go to the benchmark JVM as system properties, e.g.
#   scripts/bench.sh -Dbench.parts=chat -Dbench.seconds=30     # chat only, 30 s per chat run
# bench.parts: chat,connections,knowledge,images,quality,soak (default all); bench.seconds: paced chat measurement (40);
# bench.soakMinutes: the soak row at 200 turns/s (20; about 21 minutes of the run);
# bench.rate: paced chat rate (300 turns/s); bench.buyers: chat buyers (480); bench.connections: idle connections (20000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jar=target/quarkus-app/quarkus-run.jar
if [[ ! -f "$jar" || -n "$(find pom.xml src/main -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "bench.sh: building the server (mvn -B -q package -DskipTests)" >&2
  mvn -B -q package -DskipTests
fi
echo "bench.sh: building the benchmark (bench/)" >&2
mvn -B -q -f bench/pom.xml compile   # also writes bench/target/classpath.txt

for port in 8190 8191 8192 8193; do
  if lsof -t -i:"$port" -sTCP:LISTEN >/dev/null 2>&1; then
    echo "bench.sh: port $port is in use; stop what listens there first" >&2
    exit 1
  fi
done

if [[ -z "${NECTAR_TEST_DB_URL:-}" ]]; then
  if service_env="$(bash scripts/services.sh 2>/dev/null)"; then
    eval "$service_env"
  else
    echo "bench.sh: PostgreSQL not available; the pgvector rows will be skipped" >&2
  fi
fi

# every idle connection is an open file in the server and in this client: take as many as the hard limit allows
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "bench.sh: open-file limit $(ulimit -n), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

exec java -Xmx2g "$@" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.nectar.bench.Bench
