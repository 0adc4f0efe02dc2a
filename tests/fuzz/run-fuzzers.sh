#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a while (default 30 s) on a copy of
# its seed corpus. Exits non-zero on the first crash, leak or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for fuzzer in build-fuzz/bin/fuzz_*; do
  name=$(basename "$fuzzer")
  corpus="$work/${name#fuzz_}"
  mkdir -p "$corpus"
  cp -r "tests/fuzz/corpus/${name#fuzz_}/." "$corpus/" 2>/dev/null || true
  echo "== $name for ${seconds}s"
  if ! "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -artifact_prefix="$work/$name-" \
      "$corpus" >"$work/$name.log" 2>&1; then
    tail -n 40 "$work/$name.log" >&2
    echo "$name found a failing input" >&2
    exit 1
  fi
  grep -E '^Done' "$work/$name.log"
done
echo "fuzzers: no crash"
