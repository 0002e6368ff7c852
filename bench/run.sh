#!/usr/bin/env bash
# Atelier load benchmark launcher.
#
#   bench/run.sh one-session [--participants 2500] [--rounds 10] [--pairs 2]
#                                                                    (a) one poll session, N phones, product and
#                                                                        bare Vert.x room alternately, ratios
#   bench/run.sh smoke                                               CI: (a) with 500 phones, 3 rounds, 1 pair
#   bench/run.sh idle        [--idle 20000] [--hold 60]              (b) idle connections on one node
#   bench/run.sh two-nodes   [--participants 2500]                   (c) (a) over two nodes
#   bench/run.sh churn       [--duration 300] [--churn-rate 200]     (d) joins and leaves while a question is open
#   bench/run.sh kill        [--participants 2500] [--kill-after 0.5] (e) kill -9 of the session's owner mid-burst (two nodes)
#   bench/run.sh all         [--duration 60]                         a, c, d (60 s) and b
#   bench/run.sh words-burst [--participants 2500]                   every phone sends a word to a word cloud in 1 s
#   bench/run.sh qa-burst    [--participants 2500]                   every phone upvotes a Q&A question in 1 s
#   bench/run.sh bilan                                               the Région's report: 50,000 sessions, queries, XLSX
#
# Builds what is missing or older than its sources (mvn package, never install: ~/.m2 stays untouched):
# server/target/atelier.jar, the server measured, and bench/target/atelier-bench.jar, the generator
# (module bench/, fr.atelier.bench.Bench), then runs the generator pinned to CPU 0 (taskset -c 0); the
# benchmark starts the server nodes itself pinned to CPU 1. Results: bench/target/results/<scenario>.json,
# one line per run appended to bench/target/results/summary.txt, console output in <scenario>.out there.
#
# Environment: BENCH_GENERATOR_CPUS (0), BENCH_SERVER_CPUS (1, or "none"), BENCH_JAVA_OPTS (generator JVM),
# BENCH_BUILD (auto | always | never). Redis and PostgreSQL must run on 127.0.0.1 (see --redis, --database).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
scenario=$1
shift

SERVER_JAR=server/target/atelier.jar
BENCH_JAR=bench/target/atelier-bench.jar
build=${BENCH_BUILD:-auto}
# stale JAR DIR...: JAR is missing or a file under one of the DIRs is newer than it.
stale() {
  local jar=$1; shift
  [ -f "$jar" ] || return 0
  [ -n "$(find "$@" -newer "$jar" -type f -print -quit)" ]
}
modules=()
if [ "$build" = always ] || { [ "$build" = auto ] && stale "$SERVER_JAR" pom.xml workshops/pom.xml workshops/src/main web/pom.xml web/src/main server/pom.xml server/src/main; }; then
  modules+=(server)
fi
if [ "$build" = always ] || { [ "$build" = auto ] && stale "$BENCH_JAR" pom.xml bench/pom.xml bench/src/main; }; then
  modules+=(bench)
fi
if [ ${#modules[@]} -gt 0 ]; then
  pl=$(IFS=,; echo "${modules[*]}")
  # package, not install: the reactor (-am) resolves sibling modules from their target/ folders.
  echo "[run.sh] building $pl (mvn -q -B -o -pl $pl -am package -Dmaven.test.skip=true)"
  mvn -q -B -o -pl "$pl" -am package -Dmaven.test.skip=true \
    || { echo "[run.sh] offline build failed: retrying online"; mvn -q -B -pl "$pl" -am package -Dmaven.test.skip=true; }
fi

# The default database (--database) is atelier_bench: create it when missing (its own migrations, not the tests').
if command -v psql >/dev/null 2>&1 && ! printf '%s\n' "$@" | grep -qx -- --database; then
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'atelier_bench'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc 'create database atelier_bench' >/dev/null 2>&1 || true
fi

# Issue 18: the Région's report, in-process (the report's queries and its XLSX), the server jar on the class path.
if [ "$scenario" = bilan ]; then
  mkdir -p bench/target/results
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $(date -u +%FT%TZ)" | tee bench/target/results/bilan.head
  exec java -Xmx1g -cp "$SERVER_JAR:$BENCH_JAR" fr.atelier.bench.bilan.BilanBench bench/target/results
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

out=bench/target/results
prev=
for a in "$@"; do
  [ "$prev" = "--out" ] && out=$a
  prev=$a
done
mkdir -p "$out"
# Run from private copies: other builds in this tree may rewrite the jars mid-run.
run_jar="$out/atelier-under-test.jar"
gen_jar="$out/atelier-bench.jar"
cp -p "$SERVER_JAR" "$run_jar.tmp" && mv "$run_jar.tmp" "$run_jar"
cp -p "$BENCH_JAR" "$gen_jar.tmp" && mv "$gen_jar.tmp" "$gen_jar"
set +e
# shellcheck disable=SC2086
"${pin[@]}" java $java_opts -Dbench.command="bench/run.sh $scenario $*" -cp "$gen_jar" \
  fr.atelier.bench.Bench "$scenario" --server-cpus "$server_cpus" --jar "$run_jar" "$@" 2>&1 | tee "$out/$scenario.out"
status=${PIPESTATUS[0]}
echo
echo "[run.sh] results in $out/ (last lines of summary.txt):"
tail -n 4 "$out/summary.txt" 2>/dev/null | cut -c1-400 || true
exit "$status"
