#!/bin/sh
# Prints the JVM option that starts the single-machine service from the JDK's ahead-of-time cache
# (JDK 25: JEP 483, 514, 515), recording the cache first when it is missing or older than the jar.
# The recording is a training run (`java OPTIONS -XX:AOTCacheOutput=… -jar thumbs.jar --aot-training`,
# about 10 s, once per build): the service on free ports asks itself for mono, median and colour
# thumbnails, IIIF tiles and errors, so the classes they load and the methods they run come ready
# from the cache at the next start, and a fresh process renders its first 4k frame in ~0.2 s
# instead of ~0.5 s (docs/performance.md). run.sh and the benchmark use it. It prints nothing, and
# the service starts without the cache, where the JDK has none (JDK 21, as in the container
# images) or the training fails. A cache recorded with other JVM options is ignored by the JVM.
#
# Usage: config/aot-cache.sh JAVA JAR [JVM OPTIONS...]   (the options the service will start with)
set -eu
java=$1
jar=$2
shift 2
cache="${jar%.jar}.aot"
if ! "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  exit 0
fi
if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
  echo "recording the JVM's ahead-of-time cache $cache (once per build, about 10 s) ..." >&2
  rm -f "$cache"
  if ! "$java" "$@" -XX:AOTCacheOutput="$cache" -jar "$jar" --aot-training >"$cache.log" 2>&1 || [ ! -f "$cache" ]; then
    echo "the AOT training failed (see $cache.log): starting without the cache" >&2
    rm -f "$cache"
    exit 0
  fi
fi
echo "-XX:AOTCache=$cache"
