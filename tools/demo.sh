#!/usr/bin/env bash
# Set-up and first run: installs dependencies, builds, and runs the bundled PO example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
./build/swvsim controleer scenarios/voorbeeld-po.toml
./build/swvsim run scenarios/voorbeeld-po.toml --deterministisch --uit uitvoer/voorbeeld-po
