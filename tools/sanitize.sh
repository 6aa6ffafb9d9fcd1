#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (gcc, -O0 -g1) in build-asan/
# and runs the whole test suite there; any sanitizer report fails the run (docs/betrouwbaarheid.md).
# -O0 halves the build (the longest CI stage) and the suite still runs in about a minute; -g1 keeps
# file and line in every report.
# Usage: bash tools/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SWVSIM_TEST_PACKAGES=1 SWVSIM_NO_BUILD=1 bash tools/setup.sh

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g1" \
  -DSWVSIM_SANITIZE=ON >/dev/null
if ! cmake --build build-asan --parallel >build-asan/build.log 2>&1; then
  tail -n 60 build-asan/build.log
  echo "sanitize.sh: bouwen mislukt (build-asan/build.log)" >&2
  exit 1
fi

# Every report is fatal (the build uses -fno-sanitize-recover=all); leaks are reported too. The
# settings reach the swvsim processes the tests start.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
