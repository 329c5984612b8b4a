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
exec java -jar "$jar" "$@"
