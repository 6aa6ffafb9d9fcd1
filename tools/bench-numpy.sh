#!/usr/bin/env bash
# Benchmark (not a test), issue 31: swvsim's Monte-Carlo run beside a vectorised numpy implementation
# of the same scenario (tools/bench/numpy_ref.py) on the same machine, both on one core.
# Scenario: tools/bench/po-10jaar.toml (the PO example over 2025-2034). Prints paths x years, the
# numpy time, swvsim's time on 1 thread ("seconden" of resultaat.json: simulation without loading
# and writing, and without the kaderbrief figure's recording: numpy computes no such figure), how many times faster swvsim is per core, and whether the two agree (mean equity and
# P(bovenmatig) per year, in standard errors). Best of REPEATS runs each, numpy and swvsim taking
# turns, with the load average before and after (the machine may be shared).
# Usage: bash tools/bench-numpy.sh [PATHS]      (default 200000; SWVSIM_BENCH_HERHAAL=3 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
P=${1:-200000}
REPEATS=${SWVSIM_BENCH_HERHAAL:-3}
PY=/usr/bin/python3  # Debian's python (3.11: tomllib) with Debian's numpy, not a pyenv python
SCEN=tools/bench/po-10jaar.toml

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  echo "bench-numpy: installeren: python3-numpy" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-numpy >/dev/null
fi
[ -d build ] || bash tools/setup.sh
cmake --build build --parallel 2 --target swvsim >/dev/null

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "numpy tegen swvsim, $SCEN, $P paden, beste van $REPEATS (1 kern elk); $(nproc) kernen, belasting vooraf $(load)"
best_np="" best_sw=""
for i in $(seq "$REPEATS"); do
  build/swvsim run "$SCEN" --paden "$P" --threads 1 --stil --geen-kaderbrief --formaat json --uit "$OUT/sw" 2>/dev/null >/dev/null
  sw=$(sed -n 's/.*"seconden": \([0-9.]*\).*/\1/p' "$OUT/sw/resultaat.json")
  if [ "$i" -lt "$REPEATS" ]; then
    "$PY" tools/bench/numpy_ref.py "$SCEN" --paden "$P" --stil --json "$OUT/np.json" >/dev/null
  else  # the last run also puts this swvsim run beside it
    "$PY" tools/bench/numpy_ref.py "$SCEN" --paden "$P" --stil --json "$OUT/np.json" --vergelijk "$OUT/sw/resultaat.json" > "$OUT/vergelijk.txt"
  fi
  np=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["seconden"])' "$OUT/np.json")
  awk -v i="$i" -v n="$np" -v s="$sw" 'BEGIN { printf "  run %d: numpy %.2f s, swvsim %.2f s\n", i, n, s }'
  best_np=$(awk -v a="$np" -v b="$best_np" 'BEGIN { print (b == "" || a < b) ? a : b }')
  best_sw=$(awk -v a="$sw" -v b="$best_sw" 'BEGIN { print (b == "" || a < b) ? a : b }')
done
years=$("$PY" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["jaren"]))' "$OUT/np.json")
awk -v p="$P" -v y="$years" -v n="$best_np" -v s="$best_sw" -v l="$(load)" 'BEGIN {
  printf "%d paden x %d jaar: numpy %.2f s, swvsim %.2f s (1 thread); swvsim is %.2fx zo snel als numpy per kern (doel >= 10x); belasting na afloop %s\n",
    p, y, n, s, n / s, l }'
sed -n '/^Overeenstemming/,$p' "$OUT/vergelijk.txt"
