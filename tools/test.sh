#!/usr/bin/env bash
# Runs the whole test suite: installs dependencies and builds if needed (tools/setup.sh), then CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
SWVSIM_TEST_PACKAGES=1 bash tools/setup.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
