#!/usr/bin/env bash
# The checking build: one clang build in build-check/ that serves both the sanitizers and the fuzzer
# (docs/betrouwbaarheid.md). Everything is compiled with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DSWVSIM_SANITIZE=ON) and with libFuzzer's coverage (-DSWVSIM_FUZZ=ON: -fsanitize=fuzzer-no-link);
# only the fuzz executables link libFuzzer itself (-fsanitize=fuzzer). -O1 -g1: the suite and the
# fuzzer run at a useful speed, and every report has file and line.
# ccache when installed, keyed on paths relative to the repository, so a fresh clone in another
# folder (CI) reuses the objects of the previous run.
# Usage: bash tools/check-build.sh [TARGET...]      (no targets: everything; tools/sanitize.sh, tools/fuzz.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-check
werror=OFF; [ "${CI:-}" = true ] && werror=ON
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
cmake -S . -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DSWVSIM_SANITIZE=ON -DSWVSIM_FUZZ=ON -DSWVSIM_TESTS=ON \
  -DSWVSIM_WERROR=$werror "${launcher[@]}" >/dev/null
targets=()
[ $# -gt 0 ] && targets=(--target "$@")
if ! cmake --build "$out" --parallel "${targets[@]}" >"$out/build.log" 2>&1; then
  grep -E "error|Error" "$out/build.log" | head -30
  tail -n 30 "$out/build.log"
  echo "check-build.sh: bouwen mislukt ($out/build.log)" >&2
  exit 1
fi
