#!/usr/bin/env bash
# The README's run command: builds the server when needed, then runs it in the foreground.
# Builds (`mvn -B -q package -DskipTests`) unless target/quarkus-app/quarkus-run.jar is newer than pom.xml and
# everything under src/. The environment passes through (NECTAR_*, QUARKUS_HTTP_PORT, ...; see CONTRACT.md),
# JAVA_OPTS goes to the JVM and arguments to the server, e.g.
#   NECTAR_ADMIN_TOKEN=secret QUARKUS_HTTP_PORT=8080 scripts/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jar=target/quarkus-app/quarkus-run.jar
if [[ ! -f "$jar" || -n "$(find pom.xml src -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "run.sh: building (mvn -B -q package -DskipTests)" >&2
  mvn -B -q package -DskipTests
fi
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
