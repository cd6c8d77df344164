#!/usr/bin/env bash
# Named benchmark scenarios, each in a fresh JVM, each printing its figure beside the limit it is measured against:
#   bench/scenarios.sh a|b|c|d|e|f|g|all
#   a  first 200 calls, concurrency 50, 20 ms server in another JVM, warmup off: client p50/p95 vs the server's own p95
#   b  whole-process wall time of 10,000 cases at concurrency 100 against a 20 ms server, vs N*L/C
#   c  CPU-seconds per 1,000 cases at steady state: the marginal CPU between a 10,000- and a 40,000-case run
#   d  peak RSS of 10,000- and 100,000-case runs with the store on
#   e  start-up: `--version` and the support-routing demo (in-process baselines), vs the JVM's own start
#   f  conversations: 500 three-call tool-calling conversations at concurrency 10 against a 5 ms tool-calling server in
#      another JVM; each conversation's latency minus the server's own time for its calls, p50/p95, vs 5 ms
#   g  streaming: 200 streamed answers at concurrency 10 from a server in another JVM that sends the first piece after
#      40 ms and ten more over 200 ms; time to first token and latency p50/p95 vs 40 and 240 ms (+3)
# Needs evalgate-cli/target/evalgate.jar (mvn -o -q -B -DskipTests -pl evalgate-cli -am package), Java 21+ (JAVA=...,
# else the one ./evalgate would pick), python3 and /usr/bin/time. Runs use the jar's AOT cache or class-data archive
# when ./evalgate has trained one beside it (SCENARIO_AOT=off to run without), and the launcher's JVM flags
# (EVALGATE_JIT=full for the JDK's defaults; EVALGATE_JAVA_OPTS adds flags after them). Not part of `mvn verify`.
# EVALGATE_JAR=path runs another build of the CLI jar (e.g. to compare before and after a change).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/scripts/find-java.sh"
java="${JAVA:-$(find_java)}"
jar="${EVALGATE_JAR:-$root/evalgate-cli/target/evalgate.jar}"
[ -f "$jar" ] || { echo "scenarios: build the CLI jar first: mvn -o -q -B -DskipTests -pl evalgate-cli -am package" >&2; exit 2; }
which="${1:-all}"
work="$(mktemp -d)"; server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cache_flags=()
if [ "${SCENARIO_AOT:-on}" != off ]; then
  for cache in "$root"/evalgate-cli/target/evalgate-*.aot "$root"/evalgate-cli/target/evalgate-*.jsa; do
    [ -f "$cache" ] && [ "$cache" -nt "$jar" ] || continue
    case "$cache" in *.aot) cache_flags=(-XX:AOTCache="$cache" -Xlog:aot*=off,cds*=off) ;;
                     *) cache_flags=(-XX:SharedArchiveFile="$cache" -Xlog:cds*=off) ;; esac
  done
fi
# the launcher's JVM flags (./evalgate): C1 only, the serial collector and a fixed young generation, unless
# EVALGATE_JIT=full
tuning=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn64m -XX:SurvivorRatio=2)
[ "${EVALGATE_JIT:-c1}" = full ] && tuning=()
read -r -a user_opts <<< "${EVALGATE_JAVA_OPTS:-}"  # after the launcher's flags, as ./evalgate passes them
evalgate=("$java" --enable-native-access=ALL-UNNAMED ${tuning[@]+"${tuning[@]}"} ${user_opts[@]+"${user_opts[@]}"}
  ${cache_flags[@]+"${cache_flags[@]}"} -jar "$jar")

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -n 1)," \
  "start-up cache: ${cache_flags[0]:-none}, JVM flags: ${tuning[*]:-JDK defaults (EVALGATE_JIT=full)}${user_opts[*]:+ then ${user_opts[*]}}"

start_server() { # DELAY_MS [tools]: a chat completions server in its own JVM; sets $server and $port
  rm -f "$work/port" "$work/server.txt"
  "$java" "$root/bench/ScenarioServer.java" "$work/port" "$1" "$work/server.txt" ${2:-} & server=$!
  for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || { echo "scenarios: the loopback server did not start" >&2; exit 1; }
  port="$(cat "$work/port")"
}

stop_server() { # writes the server's own times to $work/server.txt
  kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
}

suite() { # CASES CONCURRENCY STORE(on|off) [MORE TARGET KEYS]: a suite of CASES cases against the server, in $work/s
  mkdir -p "$work/s"; rm -rf "$work/s/.evalgate"
  python3 -c "import sys
with open('$work/s/cases.jsonl', 'w') as f:
    for i in range(1, $1 + 1): f.write('{\"id\":\"c%d\",\"input\":\"question %d\",\"expected\":\"yes\"}\n' % (i, i))"
  cat > "$work/s/evalgate.yaml" <<YAML
suite: scenario
dataset: cases.jsonl
targets:
  - { id: llm, type: openai, base_url: "http://127.0.0.1:$port/v1", model: m, ${4:+$4, }concurrency: $2, retries: 0 }
scorers: [ equals ]
YAML
  store_flag=(--quiet); if [ "$3" = off ]; then store_flag=(--quiet --no-store); fi
}

timed_run() { # ARGS...: runs evalgate under /usr/bin/time; leaves "wall user sys maxrss_kb" in $work/time.txt
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${evalgate[@]}" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
    rc=$?; [ "$rc" -eq 100 ] || { echo "scenarios: evalgate exited $rc:" >&2; tail -n 5 "$work/err.txt" >&2; exit 1; }; }
}

scenario_a() {
  start_server 20
  suite 200 50 off
  timed_run run "$work/s/evalgate.yaml" "${store_flag[@]}" -o "$work/results.json"
  stop_server
  python3 - "$work" <<'PY'
import json, math, sys
work = sys.argv[1]
results = json.load(open(f"{work}/results.json"))
client = sorted(s["latency_ms"] for c in results["cases"] for s in c["samples"] if s.get("latency_ms") is not None)
server = sorted(float(x) for x in open(f"{work}/server.txt").read().split())
q = lambda a, p: a[max(0, math.ceil(p * len(a)) - 1)]
limit = q(server, .95) + 3
h = results.get("harness_overhead") or {}
print(f"a  first {len(client)} calls at c=50, 20 ms server, warmup off: client p50 {q(client, .5):.1f} ms,"
      f" p95 {q(client, .95):.1f} ms; server's own p50 {q(server, .5):.1f}, p95 {q(server, .95):.1f} ms over"
      f" {len(server)} requests; limit p95 <= server p95 + 3 = {limit:.1f} ms:"
      f" {'met' if q(client, .95) <= limit else 'MISSED'}"
      + (f" (harness overhead reported p50 {h['p50_ms']:.1f} / p95 {h['p95_ms']:.1f} ms)" if h else ""))
PY
}

scenario_b() {
  start_server 20
  suite 10000 100 on
  timed_run run "$work/s/evalgate.yaml" --quiet
  stop_server
  read -r wall user sys rss < "$work/time.txt"
  python3 -c "
wall, cpu = $wall, $user + $sys
print(f'b  10,000 cases at c=100, 20 ms server, store on: whole-process wall {wall:.2f} s ({cpu:.1f} CPU-s);'
      f' limit N*L/C = 2.00 s, goal <= 3.00 s: {\"met\" if wall <= 3.0 else \"MISSED\"}')"
}

scenario_c() {
  start_server 20
  suite 10000 100 on
  timed_run run "$work/s/evalgate.yaml" --quiet
  read -r _ u1 s1 _ < "$work/time.txt"
  suite 40000 100 on
  timed_run run "$work/s/evalgate.yaml" --quiet
  read -r _ u2 s2 _ < "$work/time.txt"
  stop_server
  python3 -c "
small, large = $u1 + $s1, $u2 + $s2
per1000 = (large - small) / 30
print(f'c  steady-state CPU: 10,000 cases {small:.1f} CPU-s, 40,000 cases {large:.1f} CPU-s, marginal'
      f' {per1000:.2f} CPU-s per 1,000 cases = {per1000:.3f} ms per case; goal <= 0.10 CPU-s per 1,000:'
      f' {\"met\" if per1000 <= 0.10 else \"MISSED\"}')"
}

scenario_d() {
  start_server 20
  for n in 10000 100000; do
    suite "$n" 100 on
    timed_run run "$work/s/evalgate.yaml" --quiet
    read -r wall _ _ rss < "$work/time.txt"
    goal=200; [ "$n" -eq 100000 ] && goal=300
    python3 -c "
mb = $rss / 1024
print(f'd  peak RSS, $n cases at c=100, store on: {mb:.0f} MB (wall $wall s); goal <= $goal MB:'
      f' {\"met\" if mb <= $goal else \"MISSED\"}')"
  done
  stop_server
}

scenario_e() {
  /usr/bin/time -f "%e" -o "$work/floor.txt" "$java" -version 2> /dev/null
  floor="$(tail -n 1 "$work/floor.txt")"
  timed_run --version
  read -r version _ _ _ < "$work/time.txt"
  timed_run run "$root/examples/support-routing/evalgate.yaml" --no-store --quiet
  read -r demo user sys _ < "$work/time.txt"
  echo "e  start-up: --version $version s, support-routing demo $demo s wall ($(python3 -c "print(round($user + $sys, 1))") CPU-s);" \
    "limit: the JVM's own start (java -version) $floor s"
}

scenario_f() {
  start_server 5 tools
  mkdir -p "$work/f"; rm -rf "$work/f/.evalgate"
  python3 -c "
with open('$work/f/cases.jsonl', 'w') as f:
    for i in range(1, 501): f.write('{\"id\":\"c%d\",\"input\":\"question %d\",\"expected\":\"yes\",\"tool_results\":{\"lookup_order\":{\"result\":{\"status\":\"delivered\"}}}}\n' % (i, i))"
  cat > "$work/f/evalgate.yaml" <<YAML
suite: conversations
dataset: cases.jsonl
tools:
  - name: lookup_order
    description: Find an order
    parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
agent: { max_steps: 4 }
targets:
  - { id: llm, type: openai, base_url: "http://127.0.0.1:$port/v1", model: m, concurrency: 10, retries: 0 }
scorers: [ equals ]
YAML
  timed_run run "$work/f/evalgate.yaml" --quiet --no-store -o "$work/results.json"
  stop_server
  python3 - "$work" <<'PY'
import json, math, sys, collections
work = sys.argv[1]
results = json.load(open(f"{work}/results.json"))
server = collections.defaultdict(float)
for line in open(f"{work}/server.txt"):
    n, t = line.split()
    server[int(n)] += float(t)
gaps, calls = [], 0
for c in results["cases"]:
    s = c["samples"][0]
    calls += len(s["conversation"]["calls"])
    gaps.append(s["latency_ms"] - server[int(c["id"][1:])])
gaps.sort()
q = lambda a, p: a[max(0, math.ceil(p * len(a)) - 1)]
print(f"f  {len(gaps)} conversations ({calls} model calls) at c=10, 5 ms tool-calling server: conversation latency"
      f" minus the server's own time p50 {q(gaps, .5):.2f} ms, p95 {q(gaps, .95):.2f} ms; goal p95 <= 5 ms:"
      f" {'met' if q(gaps, .95) <= 5 else 'MISSED'}")
PY
}

scenario_g() {
  start_server 40 stream
  suite 200 10 off "stream: true"
  timed_run run "$work/s/evalgate.yaml" "${store_flag[@]}" -o "$work/results.json"
  stop_server
  python3 - "$work" <<'PY'
import json, math, sys
work = sys.argv[1]
results = json.load(open(f"{work}/results.json"))
samples = [s for c in results["cases"] for s in c["samples"]]
ttft = sorted(s["ttft_ms"] for s in samples if s.get("ttft_ms") is not None)
total = sorted(s["latency_ms"] for s in samples if s.get("latency_ms") is not None)
own = [line.split() for line in open(f"{work}/server.txt") if line.strip()]
first, last = sorted(float(a) for a, _ in own), sorted(float(b) for _, b in own)
q = lambda a, p: a[max(0, math.ceil(p * len(a)) - 1)]
ok = q(ttft, .95) <= 43 and q(total, .95) <= 243
print(f"g  {len(ttft)} streamed answers at c=10 (first piece after 40 ms, ten more over 200 ms): time to first token"
      f" p50 {q(ttft, .5):.1f} / p95 {q(ttft, .95):.1f} ms (server's own p95 {q(first, .95):.1f}), latency p50"
      f" {q(total, .5):.1f} / p95 {q(total, .95):.1f} ms (server's own p95 {q(last, .95):.1f}); goal within 3 ms of 40 and"
      f" 240 ms: {'met' if ok else 'MISSED'}")
PY
}

case "$which" in
  a|b|c|d|e|f|g) "scenario_$which" ;;
  all) for s in a b c d e f g; do "scenario_$s"; done ;;
  *) echo "usage: bench/scenarios.sh a|b|c|d|e|f|g|all" >&2; exit 2 ;;
esac
