#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 600), JOBS at a time (default 1).
#   Fuzz/run.sh 600                 # all six targets, one after the other
#   JOBS=2 Fuzz/run.sh 600 lnd cln  # two targets side by side
# Builds the targets with address sanitizer + libFuzzer into .build-fuzz (SKIP_BUILD=1 to reuse).
# Working corpora grow in .build-fuzz/corpus/<target> (seeded from Fuzz/Corpus/<target>); crashing
# inputs land in .build-fuzz/artifacts/<target>/; each run's log, with libFuzzer's final stats, in
# .build-fuzz/logs/<target>.log. Copy a crashing input to Tests/AMPSimTests/Fixtures/fuzz/<target>/
# once fixed: the normal tests replay every file there.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(scenario lnd cln cloth replay options)
jobs="${JOBS:-1}"
# KEEP_GOING=1 (default): fork mode, carrying on past crashes so a run lasts its full time and saves
# every crashing input; KEEP_GOING=0 stops at the first crash.
keep_going=""; [ "${KEEP_GOING:-1}" = 1 ] && keep_going="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
scratch=../.build-fuzz
# Let libFuzzer handle crashes itself: Swift's backtracer can hold the pipe open for a long time.
export SWIFT_BACKTRACE=enable=no
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c debug --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fi
bin="$(swift build -c debug --scratch-path "$scratch" --show-bin-path)"
name() { case "$1" in scenario) echo FuzzScenario;; lnd) echo FuzzLnd;; cln) echo FuzzCln;; cloth) echo FuzzCloth;;
         replay) echo FuzzReplay;; options) echo FuzzOptions;;
         *) echo "unknown target $1 (scenario, lnd, cln, cloth, replay, options)" >&2; exit 2;; esac; }
run_one() {
  local t="$1" exe; exe="$bin/$(name "$t")"
  mkdir -p "$scratch/corpus/$t" "$scratch/artifacts/$t" "$scratch/logs"
  cp -n Corpus/"$t"/* "$scratch/corpus/$t/" 2>/dev/null || true
  local dict=""; [ -f "Dictionaries/$t.dict" ] && dict="-dict=Dictionaries/$t.dict"
  echo "fuzzing $t for ${seconds}s (log: .build-fuzz/logs/$t.log)"
  "$exe" "$scratch/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 $keep_going $dict -artifact_prefix="$scratch/artifacts/$t/" > "$scratch/logs/$t.log" 2>&1 || true
  echo "$t: $(grep -E 'stat::number_of_executed_units|Done [0-9]+ runs|INFO: exiting|crash-|SUMMARY' "$scratch/logs/$t.log" | tail -5 | tr '\n' ' ')"
}
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
