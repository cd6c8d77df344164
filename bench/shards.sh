#!/usr/bin/env bash
# One suite run by one process, then by N shards at once, into one PostgreSQL store; prints the wall time of each
# and whether the two runs hold the same results. Run by hand, never as a test. Needs the CLI and testkit jars
# (mvn -o -q -B -DskipTests -pl evalgate-cli -am package) and psql.
#   bench/shards.sh 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' [cases=20000] [shards=4] [concurrency=8]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/scripts/find-java.sh"
java_bin="$(find_java)"
store="$1"; cases="${2:-20000}"; shards="${3:-4}"; concurrency="${4:-8}"
work="$(mktemp -d)"
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
evalgate() { "$java_bin" --enable-native-access=ALL-UNNAMED -jar "$root/evalgate-cli/target/evalgate.jar" "$@"; }

awk -v n="$cases" 'BEGIN { for (i = 0; i < n; i++) printf "{\"id\":\"c%d\",\"input\":\"q%d\",\"expected\":\"yes\",\"tags\":{\"channel\":\"%s\"}}\n", i, i, (i % 3 == 0 ? "email" : "chat") }' > "$work/cases.jsonl"
"$java_bin" -cp "$root/evalgate-testkit/target/classes" "$root/bench/ShardsServer.java" > "$work/server.url" &
server_pid=$!
while [ ! -s "$work/server.url" ]; do sleep 0.2; done
cat > "$work/evalgate.yaml" <<YAML
suite: shards-bench
dataset: cases.jsonl
targets:
  - { id: llm, type: openai, base_url: "$(cat "$work/server.url")", model: m, per_request: 0.001 }
scorers: [ equals ]
slices: [ channel ]
run: { concurrency: $concurrency, retries: 0, warm_harness: false }
YAML

start=$(date +%s.%N)
evalgate run "$work/evalgate.yaml" --quiet --no-cache --store "$store" > "$work/single.txt"
single_s=$(echo "$(date +%s.%N) - $start" | bc)
single_id=$(sed -n 's/^Stored as run \([^ ]*\) in.*/\1/p' "$work/single.txt")

run_id="bench-$(date +%s)"
start=$(date +%s.%N)
for i in $(seq 1 "$shards"); do
  evalgate run "$work/evalgate.yaml" --quiet --no-cache --store "$store" --shard "$i/$shards" --run-id "$run_id" \
      > "$work/shard-$i.txt" 2>&1 &
done
wait_status=0
for job in $(jobs -p); do [ "$job" = "$server_pid" ] || wait "$job" || wait_status=$?; done
sharded_s=$(echo "$(date +%s.%N) - $start" | bc)
[ "$wait_status" = 0 ] || { cat "$work"/shard-*.txt; exit 1; }

psql_url="${store#jdbc:}"
differ=$(psql -At "$psql_url" -c "
  SELECT count(*) FROM (
    (SELECT target_id, case_id, repeat_no, outcome, score, output, input_tokens, output_tokens, cost_usd
       FROM case_results WHERE run_id = '$single_id'
     EXCEPT SELECT target_id, case_id, repeat_no, outcome, score, output, input_tokens, output_tokens, cost_usd
       FROM case_results WHERE run_id = '$run_id')
    UNION ALL
    (SELECT target_id, case_id, repeat_no, outcome, score, output, input_tokens, output_tokens, cost_usd
       FROM case_results WHERE run_id = '$run_id'
     EXCEPT SELECT target_id, case_id, repeat_no, outcome, score, output, input_tokens, output_tokens, cost_usd
       FROM case_results WHERE run_id = '$single_id')) d")
rows=$(psql -At "$psql_url" -c "SELECT count(*) || ' rows, ' || count(DISTINCT case_id) || ' cases' FROM case_results WHERE run_id = '$run_id'")
echo "cases=$cases concurrency=$concurrency per process, 20 ms loopback server"
echo "1 process:  $single_s s  (run $single_id)"
echo "$shards shards:   $sharded_s s  (run $run_id: $rows)"
echo "per-sample results differing between the two runs: $differ"
for run in "$single_id" "$run_id"; do
  echo "--- evalgate show $run"
  evalgate show "$run" --store "$store" | sed -n '1,6p'
done
