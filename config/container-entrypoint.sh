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
exec java -jar "$jar" "$@"
