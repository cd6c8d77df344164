#!/usr/bin/env bash
# The first 200 calls of a fresh `evalgate run` against a 20 ms loopback OpenAI-compatible server in another JVM,
# at concurrency 50: the client's p50/p95 beside the server's own, with the harness warm-up on or off.
#   bench/first-calls.sh on|off [RUNS]     (needs evalgate-cli/target/evalgate.jar and Java 21+ as JAVA)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
java="${JAVA:-java}"
jar="$root/evalgate-cli/target/evalgate.jar"
mode="$1"; runs="${2:-3}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for i in $(seq 1 200); do echo "{\"id\":\"c$i\",\"input\":\"question $i\",\"expected\":\"yes\"}"; done > "$work/cases.jsonl"
for i in $(seq 1 "$runs"); do
  port=$((20000 + RANDOM % 20000))
  "$java" "$root/bench/FirstCallsServer.java" "$port" "$work/server.txt" & server=$!
  for _ in $(seq 1 300); do [ -f "$work/server.txt.ready" ] && break; sleep 0.2; done
  cat > "$work/evalgate.yaml" <<YAML
suite: first-calls
dataset: cases.jsonl
targets:
  - { id: llm, type: openai, base_url: "http://127.0.0.1:$port/v1", model: m, concurrency: 50, retries: 0 }
scorers: [ equals ]
YAML
  flag=""; [ "$mode" = off ] && flag="--no-warm-harness"
  "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" run "$work/evalgate.yaml" --no-store --quiet $flag \
      -o "$work/results.json" > /dev/null
  kill "$server"; wait "$server" 2>/dev/null || true
  python3 - "$work" "$mode" "$i" <<'PY'
import json, math, sys
work, mode, run = sys.argv[1:]
results = json.load(open(f"{work}/results.json"))
client = sorted(s["latency_ms"] for c in results["cases"] for s in c["samples"] if s.get("latency_ms") is not None)
server = sorted(float(x) for x in open(f"{work}/server.txt").read().split())
q = lambda a, p: a[max(0, math.ceil(p * len(a)) - 1)]
h = results.get("harness_overhead")
print(f"warm harness {mode}, run {run}: client p50 {q(client, .5):.1f} p95 {q(client, .95):.1f} ms; "
      f"server p50 {q(server, .5):.1f} p95 {q(server, .95):.1f} ms"
      + (f"; harness adds p50 {h['p50_ms']:.1f} p95 {h['p95_ms']:.1f} ms" if h else ""))
PY
  rm -f "$work/server.txt" "$work/server.txt.ready"
done
