#!/usr/bin/env bash
# Page 1 of the HTML report (the bestuurssamenvatting) as a PNG, as it prints on A4:
#   bash tools/render-page1.sh SCENARIO OUT.png [--deterministisch]
# Runs build/swvsim run into a temporary folder, prints rapport.html to PDF with headless Chromium
# and converts page 1 with pdftoppm (Debian package poppler-utils). Without pdftoppm it falls back
# to a screenshot of the top of the page at A4 size (screen layout, not the print layout).
# SWVSIM: the program (default build/swvsim); CHROMIUM: the browser (default chromium);
# SWVSIM_THREADS: threads for the run (default: all cores).
set -euo pipefail
usage() { echo "gebruik: bash tools/render-page1.sh SCENARIO UIT.png [--deterministisch]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
scenario=$1 out=$2 mode=()
if [ $# -eq 3 ]; then [ "$3" = --deterministisch ] || usage; mode=(--deterministisch); fi
root=$(cd "$(dirname "$0")/.." && pwd)
swvsim=${SWVSIM:-$root/build/swvsim}
[ -x "$swvsim" ] || { echo "render-page1: $swvsim ontbreekt; bouw eerst (cmake --build build)" >&2; exit 1; }
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || { echo "render-page1: chromium ontbreekt (Debian-pakket chromium)" >&2; exit 1; }
[ -f "$scenario" ] || { echo "render-page1: $scenario bestaat niet" >&2; exit 1; }
case $out in /*) ;; *) out=$PWD/$out ;; esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$swvsim" run "$scenario" --uit "$tmp/uit" --formaat html --stil ${SWVSIM_THREADS:+--threads "$SWVSIM_THREADS"} "${mode[@]}" >/dev/null
page="$tmp/uit/rapport.html"
[ -f "$page" ] || { echo "render-page1: swvsim schreef geen rapport.html" >&2; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --no-first-run "--user-data-dir=$tmp/profiel")

if command -v pdftoppm >/dev/null; then
  "$chromium" "${flags[@]}" --no-pdf-header-footer "--print-to-pdf=$tmp/rapport.pdf" "file://$page" >/dev/null 2>&1
  [ -s "$tmp/rapport.pdf" ] || { echo "render-page1: chromium maakte geen pdf" >&2; exit 1; }
  pdftoppm -png -f 1 -l 1 -r 80 -singlefile "$tmp/rapport.pdf" "$tmp/pagina1"
  mv "$tmp/pagina1.png" "$out"
else
  echo "render-page1: pdftoppm ontbreekt (poppler-utils): schermafdruk van de bovenkant van het rapport" >&2
  "$chromium" "${flags[@]}" --hide-scrollbars --window-size=794,1123 "--screenshot=$tmp/pagina1.png" "file://$page" >/dev/null 2>&1
  mv "$tmp/pagina1.png" "$out"
fi
echo "$out"
