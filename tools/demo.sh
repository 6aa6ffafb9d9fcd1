#!/usr/bin/env bash
# Set-up and first run: installs dependencies, builds, and runs the bundled PO example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
./build/swvsim controleer scenarios/voorbeeld-po.toml
# Monte Carlo (10.000 paden, zaad 1, uit het scenario): de tabel met kansen per jaar, en resultaat.json.
./build/swvsim run scenarios/voorbeeld-po.toml --uit uitvoer/voorbeeld-po
