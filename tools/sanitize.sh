#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer: the checking build
# (tools/check-build.sh: clang, -O1 -g1, build-check/, shared with tools/fuzz.sh) and CTest in it; any
# sanitizer report fails the run (docs/betrouwbaarheid.md).
# Usage: bash tools/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SWVSIM_TEST_PACKAGES=1 SWVSIM_NO_BUILD=1 SWVSIM_EXTRA_PACKAGES="clang libclang-rt-14-dev" bash tools/setup.sh
t0=$SECONDS
bash tools/check-build.sh
echo "sanitize.sh: gebouwd in $((SECONDS - t0)) s"

# Every report is fatal (the build uses -fno-sanitize-recover=all); leaks are reported too. The
# settings reach the swvsim processes the tests start.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
t0=$SECONDS
ctest --test-dir build-check --output-on-failure --parallel "$(nproc)"
echo "sanitize.sh: suite in $((SECONDS - t0)) s"
