#!/usr/bin/env bash
# Benchmarks the built-in baselines on BANKING77 (77 banking intents; 10,003 training / 3,080 test texts):
#   ./bench-banking77.sh
# Trains baseline:majority, keywords, tfidf and embeddings on train.csv, runs them over test.csv with the label
# scorer through ./evalgate (built as needed), and prints a Markdown table. Results: docs/baselines-banking77.md.
#   BANKING77_DIR=...   the folder holding train.csv and test.csv (default: ../shared/data/banking77)
#   BENCH_KEEP=1        keep the work folder (suite, results.json, logs, trained models) instead of the models only
# Every run trains from scratch: the model cache is inside the work folder. Needs bash, a JDK 21+ and Maven.
set -euo pipefail

# The real path of this script, so a symlink to it (e.g. in ~/.local/bin) still finds the project.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
data="${BANKING77_DIR:-$root/../shared/data/banking77}"

if [ ! -f "$data/train.csv" ] || [ ! -f "$data/test.csv" ]; then
  echo "bench-banking77: skipped: BANKING77 not found (looked for train.csv and test.csv in $data)." >&2
  echo "Put the dataset's CSV files (columns text,category) there, or set BANKING77_DIR to their folder." >&2
  exit 0
fi
data="$(cd "$data" && pwd)"

. "$root/scripts/find-java.sh"

java_bin="$(find_java)" || {
  echo "bench-banking77: needs Java 21 or newer, and none was found in JAVA_HOME, PATH or /usr/lib/jvm." >&2
  exit 2
}

work="$(mktemp -d "${TMPDIR:-/tmp}/evalgate-banking77.XXXXXX")"
train="{ path: \"$data/train.csv\", input: text, expected: category }"
cat >"$work/evalgate.yaml" <<YAML
suite: banking77-baselines
description: The built-in baselines on BANKING77, trained on its training split, scored on its test split.
dataset: { path: "$data/test.csv", input: text, expected: category }
targets:
  - { id: majority, type: "baseline:majority", train: $train, model_cache: models }
  - { id: keywords, type: "baseline:keywords", train: $train, model_cache: models }
  - { id: tfidf, type: "baseline:tfidf", train: $train, model_cache: models }
  - { id: embeddings, type: "baseline:embeddings", train: $train, model_cache: models }
scorers: [ label ]
run: { concurrency: 2, seed: 1 }
YAML

echo "bench-banking77: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc 2>/dev/null || echo '?') cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), $("$java_bin" -version 2>&1 | head -n 1)" >&2
echo "bench-banking77: training and running 4 baselines (a few minutes); work folder $work" >&2

# Build the CLI first if needed, so neither the wall time nor the peak memory below is Maven's.
"$root/evalgate" --version >/dev/null

timer=()
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  timer=(/usr/bin/time -v -o "$work/time.txt")
fi
status=0
"${timer[@]}" "$root/evalgate" run "$work/evalgate.yaml" --no-store --output "$work/results.json" \
  >"$work/run.out" 2>"$work/run.log" || status=$?
if [ ! -s "$work/results.json" ]; then
  echo "bench-banking77: the run failed (exit $status) without results; its output:" >&2
  tail -n 30 "$work/run.log" "$work/run.out" >&2
  exit 1
fi

wall_s=""
rss_mb=""
if [ -s "$work/time.txt" ]; then
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:47.41" -> seconds
  wall_s="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")"
  rss_mb="$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time.txt")"
fi
echo
# shellcheck disable=SC2086 # wall_s is one number, or nothing when /usr/bin/time is missing
"$java_bin" "$root/bench/Banking77Table.java" "$work/results.json" "$work/run.log" $wall_s
[ -z "$rss_mb" ] || echo "Peak memory of the run (max RSS, /usr/bin/time): $rss_mb MB."
[ "$status" -eq 0 ] || echo "bench-banking77: note: evalgate run exited with $status (see $work/run.log)." >&2

if [ "${BENCH_KEEP:-0}" = "1" ]; then
  echo "bench-banking77: kept $work" >&2
else
  rm -rf "$work/models"
  echo "bench-banking77: results.json and logs are in $work" >&2
fi
