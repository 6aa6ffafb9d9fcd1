#!/usr/bin/env bash
# Benchmark of the kaderbrief figure and the spending room (not a test; issue 23's targets):
#  1. `run` with the figure against `run --geen-kaderbrief` at PATHS paths (default 10.000), each
#     example, the best of 3 (target: at most 1,5x);
#  2. `bestedingsruimte` against `run` (target: at most 3x);
#  3. `gevoeligheid` against the number of uncertain posts (tools/many_inputs.py, 100 paths; target:
#     linear in the inputs).
# Usage: bash tools/bench-kaderbrief.sh [PATHS] [SWVSIM]   (SWVSIM: another build to compare, e.g. an old one)
set -euo pipefail
cd "$(dirname "$0")/.."
P=${1:-10000}
BIN=${2:-build/swvsim}
[ -x "$BIN" ] || bash tools/setup.sh
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
best() {  # the shortest wall time (s) of three runs of a command, and its peak memory (MB)
  local b=999999 m=0
  for _ in 1 2 3; do
    read -r s k < <({ /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$OUT/err"; } 2>&1; tail -1 "$OUT/err")
    b=$(awk -v a="$b" -v s="$s" 'BEGIN { print (s < a ? s : a) }'); m=$((k / 1024))
  done
  echo "$b $m"
}
echo "Kaderbrief, $P paden, $(nproc) kernen, $BIN:"
printf "%-44s %10s %10s %8s %14s %8s\n" scenario "run (s)" "zonder (s)" factor "bestedings (s)" factor
for f in scenarios/voorbeeld-*.toml; do
  read -r with mw < <(best "$BIN" run "$f" --paden "$P" --stil --formaat json --uit "$OUT/a")
  read -r without _ < <(best "$BIN" run "$f" --paden "$P" --stil --formaat json --geen-kaderbrief --uit "$OUT/b")
  read -r room _ < <(best "$BIN" bestedingsruimte "$f" --paden "$P" --stil --formaat json --uit "$OUT/c")
  awk -v f="$f" -v a="$with" -v b="$without" -v c="$room" -v m="$mw" \
    'BEGIN { printf "%-44s %10.2f %10.2f %7.2fx %14.2f %7.2fx   (piek %d MB)\n", f, a, b, a / b, c, c / a, m }'
done
echo "Gevoeligheid tegen het aantal onzekere posten (100 paden):"
for n in 500 1000 2000; do
  python3 tools/many_inputs.py posts "$n" "$OUT/many-$n.toml"
  read -r s m < <(best "$BIN" gevoeligheid "$OUT/many-$n.toml" --paden 100 --stil --formaat json --uit "$OUT/g")
  printf "  %5d posten: %7.2f s, piek %d MB\n" "$n" "$s" "$m"
done
