#!/usr/bin/env bash
# Installs a built tree into a temporary prefix and runs the installed program from / (not from the
# source tree), without SWVSIM_REGELS: the built-in rules must come from PREFIX/share/swvsim/regels.
# Usage: bash tools/check-install.sh [BUILD_DIR]       (CTest runs it as the test "install")
set -euo pipefail
build=$(cd "${1:-$(dirname "$0")/../build}" && pwd)
prefix=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$prefix" "$out"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/swvsim share/swvsim/regels/po-2025.toml share/swvsim/regels/vo-2025.toml share/swvsim/voorbeelden/voorbeeld-po.toml; do
  [ -e "$prefix/$f" ] || { echo "check-install: $f ontbreekt in de installatie" >&2; exit 1; }
done
cd /
unset SWVSIM_REGELS
check=$("$prefix/bin/swvsim" controleer "$prefix/share/swvsim/voorbeelden/voorbeeld-po.toml")
echo "$check"
# The rules must be the installed copy, not the source tree the build came from.
grep -Eq "^  regels +$prefix/share/swvsim/regels/po-2025\.toml( \(.*\))?$" <<<"$check" \
  || { echo "check-install: regels niet uit $prefix/share/swvsim/regels" >&2; exit 1; }
"$prefix/bin/swvsim" run "$prefix/share/swvsim/voorbeelden/voorbeeld-po.toml" --paden 500 --stil --uit "$out" >/dev/null
[ -s "$out/resultaat.json" ] || { echo "check-install: geen resultaat.json" >&2; exit 1; }
"$prefix/bin/swvsim" --version
echo "check-install: geslaagd (prefix $prefix)"
