#!/usr/bin/env bash
# Benchmark (not a test). Deterministic runs of each example (wall time averaged over N runs, peak
# memory), then Monte Carlo on the PO example over ten years (tools/bench/po-10jaar.toml) at each
# path count in PATHS, on 1 thread and on all cores: path-years per second per core (simulation
# time as resultaat.json reports it) and peak memory of the whole process; then the RNG building
# blocks (swvsim_bench_rng) and the flows' share of a path-year (swvsim_bench_flows).
# Usage: bash tools/bench.sh [N] [PATHS...]      e.g. bash tools/bench.sh 5 100000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
shift || true
PATHS=("${@:-100000}")
# The benchmarks are outside the default build: install and build as the README does if needed, then
# turn on SWVSIM_BENCH in build/ (kept in its cache) and build them.
[ -f build/CMakeCache.txt ] || bash tools/setup.sh
cmake -S . -B build -DSWVSIM_BENCH=ON >/dev/null
cmake --build build --parallel --target swvsim swvsim_bench_rng swvsim_bench_flows >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
peak_kb() {  # peak resident memory of a command, in kB (needs GNU time: Debian package "time")
  if [ -x /usr/bin/time ]; then { /usr/bin/time -f "%M" "$@" >/dev/null; } 2>&1 | tail -1; else "$@" >/dev/null; echo 0; fi
}
for f in scenarios/voorbeeld-po.toml scenarios/voorbeeld-po-krimp.toml scenarios/voorbeeld-vo.toml; do
  start=$(date +%s.%N)
  for _ in $(seq "$N"); do build/swvsim run "$f" --deterministisch --stil --uit "$OUT" >/dev/null 2>&1; done
  end=$(date +%s.%N)
  peak=$(peak_kb build/swvsim run "$f" --deterministisch --stil --uit "$OUT")
  awk -v f="$f" -v s="$start" -v e="$end" -v n="$N" -v p="$peak" \
    'BEGIN { printf "%-40s %8.1f ms per run (load + check + run + write)   peak %6d kB\n", f, (e - s) * 1000 / n, p }'
done

echo "Monte Carlo, tools/bench/po-10jaar.toml (PO-voorbeeld, 10 jaar), $(nproc) kernen, de padlus over banen (zonder kaderbriefbedrag):"
rate1="" secs_all="" paths_all=""
for P in "${PATHS[@]}"; do
  for t in 1 "$(nproc)"; do
    peak=$(peak_kb build/swvsim run tools/bench/po-10jaar.toml --stil --geen-kaderbrief --paden "$P" --threads "$t" --uit "$OUT")
    secs=$(sed -n 's/.*"seconden": \([0-9.]*\).*/\1/p' "$OUT/resultaat.json")
    method=$(sed -n 's/.*"percentielen": "\([^"]*\)".*/\1/p' "$OUT/resultaat.json" | head -1)
    awk -v p="$P" -v s="$secs" -v t="$t" -v k="$peak" -v m="$method" \
      'BEGIN { printf "  %9d paden x 10 jaar, %d thread(s): %6.2f s, %9.0f padjaren/s per kern, piek %5.0f MB, percentielen %s\n", p, t, s, p * 10 / s / t, k / 1024, m }'
    [ "$t" = 1 ] && rate1=$(awk -v p="$P" -v s="$secs" 'BEGIN { printf "%.0f", p * 10 / s }')
    [ "$t" != 1 ] && secs_all=$secs && paths_all=$P
  done
done
# The same on the portable code (SWVSIM_SIMD=scalar: no AVX2, the same bits) and with the kaderbrief
# figure's recording (run's default), on the first path count and all cores.
for mode in "SWVSIM_SIMD=scalar" "met kaderbriefbedrag"; do
  if [ "$mode" = "SWVSIM_SIMD=scalar" ]; then
    SWVSIM_SIMD=scalar build/swvsim run tools/bench/po-10jaar.toml --stil --geen-kaderbrief --paden "${PATHS[0]}" --uit "$OUT" >/dev/null 2>&1
  else
    build/swvsim run tools/bench/po-10jaar.toml --stil --paden "${PATHS[0]}" --uit "$OUT" >/dev/null 2>&1
  fi
  secs=$(sed -n 's/.*"seconden": \([0-9.]*\).*/\1/p' "$OUT/resultaat.json")
  awk -v p="${PATHS[0]}" -v s="$secs" -v m="$mode" -v c="$(nproc)" \
    'BEGIN { printf "  %9d paden x 10 jaar, %d threads, %s: %6.2f s, %9.0f padjaren/s per kern\n", p, c, m, s, p * 10 / s / c }'
done
# Issue 31's targets against what was just measured (the largest path count given).
echo "Doelen van issue 31 (deze machine, nu; belasting $(cut -d' ' -f1-3 /proc/loadavg)):"
awk -v r="$rate1" 'BEGIN { printf "  >= 3 miljoen padjaren/s per kern (1 thread):    %.2f miljoen  %s\n", r / 1e6, (r >= 3e6 ? "gehaald" : "niet gehaald") }'
awk -v s="$secs_all" -v p="$paths_all" -v c="$(nproc)" \
  'BEGIN { printf "  1M x 10 in < 2 s op 2 kernen:                    %d paden in %.2f s op %d kernen%s\n", p, s, c, (p >= 1000000 ? (s < 2 ? "  gehaald" : "  niet gehaald") : " (geef 1000000 mee om het doel te meten)") }'
echo "  >= 10x de numpy-referentie per kern:             zie 'numpy tegen swvsim' hieronder"

# The random-number building blocks of issue 16 (ns per Philox call and per normal score, scalar and
# AVX2, and the RNG floor for 32 normals per path-year): target swvsim_bench_rng.
build/swvsim_bench_rng
# Where the path-year goes: the exact binomial flows on their own against the whole path model
# (target swvsim_bench_flows), on 20.000 paths of the same scenario.
build/swvsim_bench_flows tools/bench/po-10jaar.toml 20000

# Beside a vectorised numpy implementation of the same scenario (issue 31: tools/bench-numpy.sh,
# 200.000 paths, best of 3, installs python3-numpy if needed). SWVSIM_GEEN_NUMPY=1 skips it.
if [ -n "${SWVSIM_GEEN_NUMPY:-}" ]; then
  echo "numpy-vergelijking overgeslagen (SWVSIM_GEEN_NUMPY is gezet)"
else
  bash tools/bench-numpy.sh
fi
