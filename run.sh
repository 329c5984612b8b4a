#!/usr/bin/env bash
# Runs the single-machine thumbnail service (gateway + render worker in one JVM, local-directory
# store), building it first when the jar is missing or older than the sources.
# Arguments go to the service: ./run.sh --demo also starts the sample archive with the bundled frames.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "run.sh: needs a JDK 21 or newer; set JAVA_HOME" >&2
  exit 1
fi

jar=app/target/thumbs.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
# Label glyphs hinted as fits2image's Pillow hints them (the JDK pins an older FreeType interpreter otherwise).
export FREETYPE_PROPERTIES="${FREETYPE_PROPERTIES:-truetype:interpreter-version=40}"
# A heap sized from RENDER_CONCURRENCY (config/jvm-options.sh); JAVA_OPTS come after and win.
# shellcheck disable=SC2046,SC2086
options=$(config/jvm-options.sh)
# The JDK's ahead-of-time cache, recorded once per build (config/aot-cache.sh): fast from the first request.
# shellcheck disable=SC2086
aot=$(config/aot-cache.sh "$JAVA_HOME/bin/java" "$jar" $options)
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $options $aot ${JAVA_OPTS:-} -jar "$jar" "$@"
