#!/usr/bin/env bash
# Atelier load benchmark launcher.
#
#   bench/run.sh one-session [--participants 2500] [--rounds 10]     (a) one poll session, N phones
#   bench/run.sh idle        [--idle 20000] [--hold 60]              (b) idle connections on one node
#   bench/run.sh two-nodes   [--participants 2500]                   (c) (a) over two nodes
#   bench/run.sh churn       [--duration 300] [--churn-rate 200]     (d) joins and leaves while a question is open
#   bench/run.sh kill        [--participants 2500] [--kill-after 0.5] (e) kill -9 of the session's owner mid-burst (two nodes)
#   bench/run.sh all         [--duration 60]                         a, c, d (60 s) and b
#
# Builds server/target/atelier.jar if it is missing or older than the benchmark's sources, then runs
# fr.atelier.server.bench.Bench with the load generator pinned to CPU 0 (taskset -c 0); the benchmark
# starts the server nodes itself pinned to CPU 1. Results: server/target/bench/<scenario>.json, one line
# per run appended to server/target/bench/summary.txt, console output in server/target/bench/<scenario>.out.
#
# Environment: BENCH_GENERATOR_CPUS (0), BENCH_SERVER_CPUS (1, or "none"), BENCH_JAVA_OPTS (generator JVM),
# BENCH_BUILD (auto | always | never). Redis and PostgreSQL must run on 127.0.0.1 (see --redis, --database).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
scenario=$1
shift

JAR=server/target/atelier.jar
build=${BENCH_BUILD:-auto}
needs_build() {
  [ "$build" = always ] && return 0
  [ "$build" = never ] && return 1
  [ -f "$JAR" ] || return 0
  unzip -l "$JAR" 'fr/atelier/server/bench/Bench.class' >/dev/null 2>&1 || return 0
  [ -n "$(find server/src/main/java/fr/atelier/server/bench -newer "$JAR" -name '*.java' -print -quit)" ] && return 0
  return 1
}
if needs_build; then
  echo "[run.sh] building $JAR (mvn -q -B -o install -Dmaven.test.skip=true)"
  mvn -q -B -o install -Dmaven.test.skip=true
fi

gen_cpus=${BENCH_GENERATOR_CPUS:-0}
server_cpus=${BENCH_SERVER_CPUS:-1}
# G1 for the generator too: pinned to one CPU the JVM picks the Serial collector, whose pauses would
# be counted as server latency by the clients.
java_opts=${BENCH_JAVA_OPTS:--Xms1g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=10}
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "$gen_cpus")
else
  echo "[run.sh] taskset not found: the generator is not pinned" >&2
  server_cpus=none
fi

out=server/target/bench
prev=
for a in "$@"; do
  [ "$prev" = "--out" ] && out=$a
  prev=$a
done
mkdir -p "$out"
# Run from a private copy: other builds in this tree may rewrite server/target/atelier.jar mid-run.
run_jar="$out/atelier-under-test.jar"
cp -p "$JAR" "$run_jar.tmp" && mv "$run_jar.tmp" "$run_jar"
set +e
# shellcheck disable=SC2086
"${pin[@]}" java $java_opts -Dbench.command="bench/run.sh $scenario $*" -cp "$run_jar" \
  fr.atelier.server.bench.Bench "$scenario" --server-cpus "$server_cpus" --jar "$run_jar" "$@" 2>&1 | tee "$out/$scenario.out"
status=${PIPESTATUS[0]}
echo
echo "[run.sh] results in $out/ (last lines of summary.txt):"
tail -n 4 "$out/summary.txt" 2>/dev/null | cut -c1-400 || true
exit "$status"
