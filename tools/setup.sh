#!/usr/bin/env bash
# Installs swvsim's build dependencies from Debian 12 packages (idempotent), then configures and builds.
# Usage: bash tools/setup.sh            (as root, or with sudo available)
# The checking scripts reuse it: SWVSIM_EXTRA_PACKAGES adds packages (tools/fuzz.sh: clang) and
# SWVSIM_NO_BUILD=1 only installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every package the build needs, proven on a bare Debian 12 root (tools/bare-debian.sh, run by CI):
# zlib1g-dev because libxlsxwriter's pkg-config file links -lz; libboost-dev for Boost.Math headers;
PACKAGES=(build-essential cmake ninja-build pkg-config
  libboost-dev libboost-program-options-dev libeigen3-dev libtbb-dev catch2
  libtomlplusplus-dev librandom123-dev nlohmann-json3-dev libxlsxwriter-dev zlib1g-dev
  libcpp-httplib-dev  # swvsim verken's HTTP server (cpp-httplib)
  file)  # file: cpack -G DEB reads the binary's library dependencies with it
# The test set-up adds what only the tests need (tools/test.sh): unzip (re-reading .xlsx files) and
# chromium (rendering the HTML report headless), poppler-utils (pdftotext/pdftoppm: page 1 of the
# printed report, tools/render-page1.sh), python3 (its pty module drives swvsim nieuw's dialogue on a
# pseudo-terminal, tests/cli/nieuw_dialoog.py), python3-selenium and chromium-driver (swvsim verken's
# page driven in headless Chromium, tests/cli/verken_browser.py).
if [ "${SWVSIM_TEST_PACKAGES:-0}" = 1 ]; then PACKAGES+=(unzip chromium poppler-utils python3 python3-selenium chromium-driver); fi
if [ -n "${SWVSIM_EXTRA_PACKAGES:-}" ]; then read -r -a extra <<< "$SWVSIM_EXTRA_PACKAGES"; PACKAGES+=("${extra[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "swvsim: installeren: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${SWVSIM_NO_BUILD:-0}" = 1 ] && exit 0
# In CI (CI=true) warnings in the project's own code are errors. ccache, when installed, makes a
# rebuild of unchanged files a cache hit (CI's test stage installs it, tools/bare-debian.sh).
werror=OFF; [ "${CI:-}" = true ] && werror=ON
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSWVSIM_WERROR=$werror "${launcher[@]}" >/dev/null
cmake --build build --parallel
