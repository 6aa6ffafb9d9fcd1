#!/usr/bin/env bash
# Mutation testing (not part of CI; run it before a release, docs/betrouwbaarheid.md "Mutatietests").
# Applies each mutation of a list (tools/mutaties.txt: every rule of docs/domein.md made wrong once)
# one at a time to a copy of the repository, rebuilds incrementally (ccache), runs the tests and
# prints the mutations that survive: a survivor is a rule that no test pins.
#
# Usage: bash tools/mutatie.sh [--snel] [--rev REV] [--lijst BESTAND] [--alleen TEKST]
#   --snel          per mutation only its own selection (the `tests:` line, Catch2 tags) instead of
#                   the whole swvsim_tests; quicker, but a survivor may be killed by another test
#   --rev REV       mutate the tree of git revision REV (e.g. the tests of an older version against
#                   the same list); default: the working tree as it is, uncommitted changes included
#   --lijst BESTAND the list (default tools/mutaties.txt of the working tree, also with --rev)
#   --alleen TEKST  only the mutations whose name contains TEKST
#
# Work folder: SWVSIM_MUTATIE_DIR (default /var/tmp/swvsim-mutatie): src/ is the copy, build/ its
# Release build. Both are kept, so a second run rebuilds only what changed; a mutated file and its
# restored original are compiled once each and then come from ccache. The tests run as one process
# (build/tests/swvsim_tests, Catch2) and stop at the first failure; the CTest-only install check is
# left out. Results: a table on the terminal and in the work folder's uitslag.md. Exit 1 when a
# mutation survives or the unmutated suite fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
fast=0 rev="" list="$repo/tools/mutaties.txt" only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --snel) fast=1 ;;
    --rev) rev=$2; shift ;;
    --lijst) list=$(realpath "$2"); shift ;;
    --alleen) only=$2; shift ;;
    *) echo "mutatie.sh: onbekende optie $1 (zie de kop van tools/mutatie.sh)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$list" ] || { echo "mutatie.sh: lijst $list bestaat niet" >&2; exit 2; }
work=${SWVSIM_MUTATIE_DIR:-/var/tmp/swvsim-mutatie}
src=$work/src build=$work/build
mkdir -p "$src" "$build"

# ---- The copy: only files whose content differs are written (their mtime changes, nothing else's),
# so the build stays incremental between runs and between revisions.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
if [ -n "$rev" ]; then
  git archive "$rev" | tar -x -C "$stage"
else
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [ -f "$f" ] && { mkdir -p "$stage/$(dirname "$f")"; cp -p "$f" "$stage/$f"; }
  done
fi
(cd "$stage" && find . -type f) | while read -r f; do
  if ! cmp -s "$stage/$f" "$src/$f"; then mkdir -p "$src/$(dirname "$f")"; cp "$stage/$f" "$src/$f"; fi
done
(cd "$src" && find . -type f) | while read -r f; do [ -e "$stage/$f" ] || rm -f "$src/$f"; done
echo "mutatie: kopie van ${rev:-de werkmap} in $src"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
build_tests() { cmake --build "$build" --parallel --target swvsim_tests >"$work/bouw.log" 2>&1; }
# The tests, as one process; prints the first failing test's name when one fails.
run_tests() {  # [catch2 selection]
  local sel=${1:-}
  local args=(--order decl --abort -r compact)
  [ -n "$sel" ] && args+=("$sel")
  if (cd "$build/tests" && timeout 1800 ./swvsim_tests "${args[@]}") >"$work/test.log" 2>&1; then return 0; fi
  grep -m1 -E "failed|FAILED|error" "$work/test.log" | cut -c1-160 || echo "(geen melding; zie $work/test.log)"
  return 1
}

t0=$SECONDS
if ! build_tests; then tail -30 "$work/bouw.log"; echo "mutatie: de kopie zonder mutatie bouwt niet" >&2; exit 1; fi
echo "mutatie: gebouwd in $((SECONDS - t0)) s; nulmeting (de hele suite zonder mutatie)"
t0=$SECONDS
if ! why=$(run_tests); then echo "mutatie: de suite faalt al zonder mutatie: $why" >&2; exit 1; fi
echo "mutatie: nulmeting geslaagd in $((SECONDS - t0)) s"

# ---- The list: blocks of naam/bestand/zoek/vervang/tests.
names=() files=() finds=() repls=() sels=() equivs=()
flush() {
  if [ -n "${n:-}" ]; then
    { [ -n "${f:-}" ] && [ -n "${z:-}" ] && [ -n "${v+x}" ]; } || { echo "mutatie: blok \"$n\" mist bestand, zoek of vervang" >&2; exit 2; }
    if [ -z "$only" ] || [[ "$n" == *"$only"* ]]; then names+=("$n") files+=("$f") finds+=("$z") repls+=("$v") sels+=("${t:-}") equivs+=("${g:-}"); fi
  fi
  n="" f="" z="" t="" g=""; unset v
}
n="" f="" z="" t="" g=""; unset v
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '#'*) ;;
    '') flush ;;
    naam:*) n=${line#naam: } ;;
    bestand:*) f=${line#bestand: } ;;
    zoek:*) z=${line#zoek: } ;;
    vervang:*) v=${line#vervang: } ;;
    tests:*) t=${line#tests: } ;;
    gelijkwaardig:*) g=${line#gelijkwaardig: } ;;
    *) echo "mutatie: onbekende regel in $list: $line" >&2; exit 2 ;;
  esac
done <"$list"
flush
echo "mutatie: ${#names[@]} mutaties uit $list$([ "$fast" = 1 ] && echo ', elk met zijn eigen selectie (--snel)' || echo ', elk tegen de hele suite')"

# Replaces the one occurrence of ZOEK in a file (literal text, through the environment: no quoting).
apply() {  # file find replace
  ZOEK=$2 VERVANG=$3 perl -0777 -i -pe '
    my $n = () = /\Q$ENV{ZOEK}\E/g;
    if ($n != 1) { print STDERR "$n keer gevonden\n"; exit 3 }
    s/\Q$ENV{ZOEK}\E/$ENV{VERVANG}/;' "$1"
}

rows=() survivors=0 killed=0 stillborn=0 equivalent=0
for i in "${!names[@]}"; do
  file="$src/${files[$i]}" t1=$SECONDS
  [ -f "$file" ] || { echo "mutatie: ${files[$i]} bestaat niet" >&2; exit 2; }
  cp -p "$file" "$work/origineel"
  if ! apply "$file" "${finds[$i]}" "${repls[$i]}" 2>"$work/apply.log"; then
    echo "mutatie: \"${names[$i]}\": de zoektekst staat niet precies één keer in ${files[$i]} ($(cat "$work/apply.log"))" >&2
    exit 2
  fi
  sel="" ; [ "$fast" = 1 ] && sel=${sels[$i]}
  if ! build_tests; then
    outcome="bouwt niet" by="de compiler"; stillborn=$((stillborn + 1))
  elif why=$(run_tests "$sel"); then
    if [ -n "${equivs[$i]}" ]; then
      outcome="gelijkwaardig" by="${equivs[$i]}"; equivalent=$((equivalent + 1))
    else
      outcome="OVERLEEFT" by="-"; survivors=$((survivors + 1))
    fi
  else
    outcome="gedood" by=$why; killed=$((killed + 1))
  fi
  # The original back, with a new mtime: the next build recompiles it (a ccache hit).
  cp "$work/origineel" "$file" && touch "$file"
  secs=$((SECONDS - t1))
  printf '%2d  %-10s %4d s  %s\n' "$((i + 1))" "$outcome" "$secs" "${names[$i]}"
  [ "$outcome" = gedood ] && printf '                      door: %s\n' "$by"
  [ "$outcome" = gelijkwaardig ] && printf '                      want: %s\n' "$by"
  rows+=("| $((i + 1)) | ${names[$i]} | \`${files[$i]}\` | $outcome | ${by//|/\\|} |")
done
build_tests || true  # leave the copy built unmutated

{
  echo "| # | mutatie | bestand | uitkomst | eerste falende test |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "${#names[@]} mutaties: $killed gedood, $survivors overleefd, $equivalent gelijkwaardig, $stillborn bouwen niet ($([ "$fast" = 1 ] && echo 'eigen selecties' || echo 'hele suite'); ${rev:-werkmap})"
} >"$work/uitslag.md"
echo
echo "mutatie: ${#names[@]} mutaties: $killed gedood, $survivors overleefd, $equivalent gelijkwaardig, $stillborn bouwen niet; tabel in $work/uitslag.md"
[ "$survivors" -eq 0 ]
