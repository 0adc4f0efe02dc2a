#!/usr/bin/env bash
# Configures and builds one CMake preset (default: "default"), after installing the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash installer/install-deps.sh
cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
