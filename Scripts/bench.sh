#!/usr/bin/env bash
# Builds ampsim in release mode and runs the benchmark suite (Benchmarks/*.yaml, issue #11).
# Usage: Scripts/bench.sh [ampsim bench options]   e.g. Scripts/bench.sh --cases A,B --csv /tmp/b.csv
# Prints the table; writes Benchmarks/results.csv unless --csv says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ampsim >&2
bin="$(swift build -c release --show-bin-path)/ampsim"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
exec "$bin" bench "$@"
