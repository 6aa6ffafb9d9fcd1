#!/usr/bin/env bash
# Regenerates the golden result (tests/golden/*.json: resultaat.json of every example at 2.000 paths,
# without timings and folders; tests/cli/test_golden.cpp) after a deliberate change of the engine's
# numbers, and shows what changed. Review the diff and commit it with the change that caused it.
# Usage: bash tools/golden.sh              (uses build/, builds what is missing; BUILD=map for another)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then bash tools/setup.sh; fi
cmake --build "$build" --parallel --target swvsim_tests >/dev/null
SWVSIM_GOLDEN_UPDATE=1 "$build/tests/swvsim_tests" "[golden]" >/dev/null
"$build/tests/swvsim_tests" "[golden]" >/dev/null
if git diff --quiet -- tests/golden && [ -z "$(git ls-files --others --exclude-standard tests/golden)" ]; then
  echo "golden.sh: tests/golden/ is ongewijzigd"
else
  git diff --stat -- tests/golden
  git ls-files --others --exclude-standard tests/golden | sed 's/^/  nieuw: /'
  echo "golden.sh: tests/golden/ vernieuwd; bekijk de verschillen (git diff tests/golden/) en commit ze met de wijziging die ze veroorzaakt"
fi
