#!/usr/bin/env bash
# Runs the whole test suite: installs dependencies and builds if needed (tools/setup.sh), then CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
