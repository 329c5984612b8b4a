#!/bin/sh
# Prints the JVM options a render worker or the single-machine service starts with: run.sh, the
# app and render-worker containers and the benchmark all take them from here, so they agree.
#
# The heap is sized from the renders a node runs at once, not from the machine's memory (the JVM
# would take a quarter of it): 192 MiB for the service itself, the frame cache (a fifth of the
# heap: one IIIF colour composite of three 4k frames, 51 MiB, or three stretched 4k frames) and the
# file downloading ahead, plus 128 MiB per render (RENDER_CONCURRENCY, default one per two cores,
# as in RenderWorkerConfig; a cold 4160x4096 frame needs about 107 MiB while it renders, a colour
# one of three such frames 135 MiB, a full-resolution IIIF composite of them 178 MiB). On 2 cores
# that is a 320 MiB heap. In a container with a memory limit, the heap is at most 60 % of the limit.
#
# G1 starts a marking cycle at a fixed 75 % occupancy instead of adaptively: the float arrays a
# worker keeps for its next frames are large and long-lived, and with the adaptive threshold
# nearly every large allocation (a downloaded file, an 8-bit frame) started a cycle (measured:
# 380 remark pauses, 4.6 s, in 80 s of cold load; 3 with the fixed threshold).
# Options given afterwards on the command line (run.sh: JAVA_OPTS) override these.
set -eu
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
concurrency=${RENDER_CONCURRENCY:-$((cores / 2))}
case "$concurrency" in
  '' | *[!0-9]*) concurrency=$((cores / 2)) ;;
esac
if [ "$concurrency" -lt 1 ]; then
  concurrency=1
fi
heap=$((192 + 128 * concurrency))
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
echo "-Xmx${heap}m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=75 -XX:+ExitOnOutOfMemoryError"
