#!/usr/bin/env bash
# Builds the benchmark jar and runs it: ./bench.sh <inproc|http|memory|all> [--cases N] [--rounds N] ...
# Benchmarks are run by hand, never as tests. Figures and how to read them: docs/benchmarks.md.
#   BENCH_HEAP=512m        the -Xmx (the memory benchmark's goal is stated for 512m)
#   BENCH_JAVA_OPTS="..."  extra JVM flags, e.g. -XX:StartFlightRecording=filename=bench.jfr
#   BENCH_SKIP_BUILD=1     run the jar already built
set -euo pipefail

# The real path of this script, so a symlink to it (e.g. in ~/.local/bin) still finds the project.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$root/evalgate-bench/target/evalgate-bench.jar"

. "$root/scripts/find-java.sh"

java_bin="$(find_java)" || {
  echo "bench: needs Java 21 or newer, and none was found in JAVA_HOME, PATH or /usr/lib/jvm." >&2
  echo "Install a JDK 21+ (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to one." >&2
  exit 2
}

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  command -v mvn >/dev/null 2>&1 || { echo "bench: building needs Maven (mvn) on PATH." >&2; exit 2; }
  log="${TMPDIR:-/tmp}/evalgate-bench-build.log"
  echo "bench: building evalgate-bench..." >&2
  if ! (cd "$root" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")" \
        mvn -q -B -DskipTests -pl evalgate-bench -am install >"$log" 2>&1); then
    echo "bench: the build failed; the log is in $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
exec "$java_bin" -Xmx"${BENCH_HEAP:-512m}" ${BENCH_JAVA_OPTS:-} -jar "$jar" "$@"
