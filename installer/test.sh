#!/usr/bin/env bash
# README command 2: install the dependencies, build, and run the whole test suite.
# With "asan" as the argument the same runs under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash installer/build.sh "$preset"
ctest --preset "$preset" -j 2
