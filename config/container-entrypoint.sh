#!/bin/sh
# Starts one of the service's jars in a container. Hazelcast binds to one IPv4 address
# (CLUSTER_HOST); in a container that is the address the container network gave it, known only
# at start, so it is filled in here unless set explicitly.
set -eu
jar="$1"
shift
if [ -z "${CLUSTER_HOST:-}" ]; then
  CLUSTER_HOST="$(hostname -i | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | head -n 1)"
  export CLUSTER_HOST
fi
# Label glyphs hinted as the reference renderer (fits2image's Pillow) hints them; the JDK pins
# FreeType's older TrueType interpreter unless told otherwise before it starts.
FREETYPE_PROPERTIES="${FREETYPE_PROPERTIES:-truetype:interpreter-version=40}"
export FREETYPE_PROPERTIES
# Render workers and the single-machine image size their heap from RENDER_CONCURRENCY (and the
# container's memory limit) with jvm-options.sh; images without it keep JAVA_TOOL_OPTIONS alone.
options=""
if [ -x /app/jvm-options.sh ]; then
  options="$(/app/jvm-options.sh)"
fi
# shellcheck disable=SC2086
exec java $options -jar "$jar" "$@"
