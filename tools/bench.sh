#!/usr/bin/env bash
# Benchmark (not a test): wall time and peak memory of a deterministic run of each example,
# averaged over N runs. Monte-Carlo figures (paths/s) join here when the engine lands.
# Usage: bash tools/bench.sh [N] [PATHS]
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

# Monte Carlo: the PO example at P paths (default 100,000) on 1 thread and on all threads.
P=${2:-100000}
for t in 1 "$(nproc)"; do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "  wall %e s, peak %M kB" build/swvsim run scenarios/voorbeeld-po.toml --stil --paden "$P" --threads "$t" --uit /tmp/swvsim-bench >/dev/null
  else
    build/swvsim run scenarios/voorbeeld-po.toml --stil --paden "$P" --threads "$t" --uit /tmp/swvsim-bench >/dev/null
  fi
  secs=$(sed -n 's/.*"seconden": \([0-9.]*\).*/\1/p' /tmp/swvsim-bench/resultaat.json)
  years=$(sed -n '/"jaren"/,/]/p' /tmp/swvsim-bench/resultaat.json | grep -c '^ *[0-9]')
  awk -v p="$P" -v y="$years" -v s="$secs" -v t="$t" \
    'BEGIN { printf "Monte Carlo PO, %d paden x %d jaar, %d thread(s): %.2f s simulatie, %.0f padjaren/s per kern\n", p, y, t, s, p * y / s / t }'
done
