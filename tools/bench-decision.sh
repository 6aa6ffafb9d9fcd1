#!/usr/bin/env bash
# Benchmark of the decision-support commands (not a test): wall time and peak memory of vergelijk,
# gevoeligheid, bestedingsruimte and weerstandsvermogen on the PO example at PATHS paths (default
# 10,000), on 1 thread and on all cores. Targets (docs/performance.md, 2 cores): tornado of 20+ inputs and the
# spending room each under 10 s at 10,000 paths.
# Usage: bash tools/bench-decision.sh [PATHS] [SCENARIO]
set -euo pipefail
cd "$(dirname "$0")/.."
P=${1:-10000}
F=${2:-scenarios/voorbeeld-po.toml}
[ -x build/swvsim ] || bash tools/setup.sh
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
measure() {  # prints "seconds peak-kB" of a command (GNU time when present)
  if [ -x /usr/bin/time ]; then
    { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$OUT/err" ; } 2>&1; tail -1 "$OUT/err"
  else
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f 0\n", e - s }'
  fi
}
echo "Beslisondersteuning, $F, $P paden, $(nproc) kernen:"
printf "%-20s %8s %10s %12s\n" opdracht threads "tijd (s)" "piek (MB)"
for t in 1 "$(nproc)"; do
  for cmd in "vergelijk $F scenarios/voorbeeld-po-krimp.toml" "gevoeligheid $F" "bestedingsruimte $F --doeljaar 2028" "weerstandsvermogen $F"; do
    read -r secs kb < <(measure build/swvsim $cmd --paden "$P" --threads "$t" --stil --uit "$OUT")
    printf "%-20s %8s %10s %12.0f\n" "${cmd%% *}" "$t" "$secs" "$((kb / 1024))"
  done
done
