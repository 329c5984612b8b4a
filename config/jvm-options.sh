#!/bin/sh
# Prints the JVM options a render worker or the single-machine service starts with: run.sh, the
# app and render-worker containers and the benchmark all take them from here, so they agree.
#
# The heap is sized from the renders a node runs at once, not from the machine's memory (the JVM
# would take a quarter of it): 64 MiB for the service itself plus 128 MiB per render
# (RENDER_CONCURRENCY, default the number of cores; a cold 4160x4096 frame needs about 107 MiB
# while it renders, the rest of the share covers the file downloading ahead and the frame cache).
# On 2 cores that is a 320 MiB heap, about 480 MiB resident at the peak of a cold load.
# In a container with a memory limit, the heap is at most 60 % of the limit.
# Options given afterwards on the command line (run.sh: JAVA_OPTS) override these.
set -eu
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
concurrency=${RENDER_CONCURRENCY:-$cores}
case "$concurrency" in
  '' | *[!0-9]*) concurrency=$cores ;;
esac
heap=$((64 + 128 * concurrency))
limit=""
if [ -r /sys/fs/cgroup/memory.max ]; then
  limit=$(cat /sys/fs/cgroup/memory.max)
elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
  limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
fi
case "$limit" in
  '' | max | *[!0-9]*) ;;
  *)
    cap=$((limit / 1048576 * 60 / 100))
    if [ "$cap" -gt 0 ] && [ "$cap" -lt "$heap" ]; then
      heap=$cap
    fi
    ;;
esac
echo "-Xmx${heap}m -XX:+ExitOnOutOfMemoryError"
