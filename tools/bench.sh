#!/usr/bin/env bash
# Benchmark (not a test): wall time and peak memory of a deterministic run of each example,
# averaged over N runs. Monte-Carlo figures (paths/s) join here when the engine lands.
# Usage: bash tools/bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
[ -x build/swvsim ] || bash tools/setup.sh
for f in scenarios/voorbeeld-po.toml scenarios/voorbeeld-po-krimp.toml scenarios/voorbeeld-vo.toml; do
  start=$(date +%s.%N)
  for _ in $(seq "$N"); do build/swvsim run "$f" --deterministisch --stil --uit /tmp/swvsim-bench >/dev/null; done
  end=$(date +%s.%N)
  peak=0
  if [ -x /usr/bin/time ]; then  # Debian package "time"
    peak=$( { /usr/bin/time -f "%M" build/swvsim run "$f" --deterministisch --stil --uit /tmp/swvsim-bench >/dev/null; } 2>&1 | tail -1)
  fi
  awk -v f="$f" -v s="$start" -v e="$end" -v n="$N" -v p="$peak" \
    'BEGIN { printf "%-40s %8.1f ms per run (load + check + run + write)   peak %6d kB\n", f, (e - s) * 1000 / n, p }'
done
