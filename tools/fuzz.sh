#!/usr/bin/env bash
# Fuzzes the scenario and rules loader and the shard reader (samenvoegen's parts) with libFuzzer
# (clang, ASan + UBSan), each target for the given number of seconds (default 60); they run at the
# same time when there are two cores or more.
# Usage: bash tools/fuzz.sh [SECONDEN]        (docs/betrouwbaarheid.md: long runs, reproducing)
#
# Build: the checking build build-check/ (tools/check-build.sh, shared with tools/sanitize.sh; only the
# two fuzz targets are built here). Seeds: scenarios/*.toml (fuzz_scenario) and
# scenarios/regels/*.toml (fuzz_rules), plus the kept crashers of tests/fuzz/regressions/ and the
# cases of tests/catalogus/; fuzz_shard writes its own seeds (parts of one scenario). The corpus grows
# between runs in build-check/corpus-<target>/ (outside the repository); findings (crash-*, leak-*,
# timeout-*, oom-*) land in build-check/findings/.
# Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-60}"
case "$duration" in '' | *[!0-9]*) echo "fuzz.sh: geef het aantal seconden per doel, bijv. bash tools/fuzz.sh 60" >&2; exit 2 ;; esac

SWVSIM_NO_BUILD=1 SWVSIM_EXTRA_PACKAGES="clang libclang-rt-14-dev" bash tools/setup.sh

out=build-check
bash tools/check-build.sh fuzz_scenario fuzz_rules fuzz_shard

# Findings of an earlier run are kept aside, so this run's verdict is its own.
if [ -n "$(ls -A "$out/findings" 2>/dev/null)" ]; then
  mkdir -p "$out/findings-eerder" && mv "$out/findings/"* "$out/findings-eerder/"
fi
mkdir -p "$out/findings" "$out/tmp"
# The harness writes its inputs below TMPDIR; keep that inside build-check and clean it afterwards.
export TMPDIR="$PWD/$out/tmp"
trap 'rm -rf "$TMPDIR"' EXIT

run_target() {  # target, seed files...
  local target=$1; shift
  local seeds="$out/seed-$target" corpus="$out/corpus-$target" dict=()
  rm -rf "$seeds"; mkdir -p "$seeds" "$corpus"
  if [ "$target" = shard ]; then
    SWVSIM_FUZZ_WRITE_SEEDS="$seeds" "$out/tests/fuzz/fuzz_shard"  # parts of its own scenario
  else
    dict=(-dict=tests/fuzz/toml.dict)
  fi
  [ "$#" -gt 0 ] && cp "$@" "$seeds/"
  "$out/tests/fuzz/fuzz_$target" "$corpus" "$seeds" -max_total_time="$duration" -timeout=10 -rss_limit_mb=2048 \
    "${dict[@]}" -artifact_prefix="$out/findings/$target-" -print_final_stats=1 \
    >"$out/log-$target.txt" 2>&1
}

shopt -s nullglob
# Seeds: the examples, the kept crashers, and the bad-input catalogue (its rules cases for fuzz_rules).
scenario_seeds=(scenarios/*.toml tests/fuzz/regressions/scenario-*.toml)
rules_seeds=(scenarios/regels/*.toml tests/fuzz/regressions/rules-*.toml tests/catalogus/bij/regels-*.toml)
shard_seeds=(tests/fuzz/regressions/shard-*.swvdeel)
for v in tests/catalogus/[0-9]*.verwacht; do
  if grep -q '^# soort: regels' "$v"; then rules_seeds+=("${v%.verwacht}.toml"); else scenario_seeds+=("${v%.verwacht}.toml"); fi
done
status=()
if [ "$(nproc)" -ge 2 ]; then
  # All three at once: the wall time stays SECONDEN (CI's budget), each target gets 2/3 of a core.
  run_target scenario "${scenario_seeds[@]}" & p1=$!
  run_target rules "${rules_seeds[@]}" & p2=$!
  run_target shard "${shard_seeds[@]}" & p3=$!
  wait $p1 && status+=(0) || status+=($?)
  wait $p2 && status+=(0) || status+=($?)
  wait $p3 && status+=(0) || status+=($?)
else
  run_target scenario "${scenario_seeds[@]}" && status+=(0) || status+=($?)
  run_target rules "${rules_seeds[@]}" && status+=(0) || status+=($?)
  run_target shard "${shard_seeds[@]}" && status+=(0) || status+=($?)
fi

failed=0
i=0
for target in scenario rules shard; do
  log="$out/log-$target.txt"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  corpus=$(find "$out/corpus-$target" -type f | wc -l)
  found=$(find "$out/findings" -name "$target-*" ! -name "$target-slow-unit-*" -type f | wc -l)
  rate="?"
  [ -n "$runs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ] && rate=$((runs / secs))
  echo "fuzz_$target: ${runs:-?} uitvoeringen in ${secs:-?} s (${rate}/s), corpus $corpus bestanden, bevindingen: $found (exit ${status[$i]})"
  if [ "${status[$i]}" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    grep -E "ERROR: |SUMMARY: |invariant|Test unit written" "$log" | head -20 || true
    echo "  volledige uitvoer: $log" >&2
  fi
  i=$((i + 1))
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: bevindingen in $out/findings/; bewaar elke crasher in tests/fuzz/regressions/ (docs/betrouwbaarheid.md)" >&2
  exit 1
fi
echo "fuzz.sh: geen bevindingen"
