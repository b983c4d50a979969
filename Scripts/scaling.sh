#!/usr/bin/env bash
# The scaling table of Benchmarks/README.md (issue #20): case I's shape (ln-like, 3 channels per node,
# AMP, halving, oracle off) at 1k, 5k, 20k, 100k nodes with P payments (default 500). Each size runs
# twice, with P payments and with 1, so that graph generation and start-up are subtracted: per search
# = (CPU(P) - CPU(1)) / searches, per payment = (CPU(P) - CPU(1)) / P. Prints CSV and the growth
# exponent fitted (least squares on logs) to time per search against nodes.
# Usage: Scripts/scaling.sh [BIN] [P]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/ampsim}"
payments="${2:-500}"
work="$(mktemp -d)"
cpu() { # scenario overrides... -> CPU seconds (user + sys) and path searches
  /usr/bin/time -f "%U %S" -o "$work/t" "$bin" run Benchmarks/I-amp-100k.yaml --quiet --force --out "$work/o" --set output.oracle=false "$@" >/dev/null
  read -r u s < "$work/t"
  searches=$(python3 -c "import csv;print(list(csv.DictReader(open('$work/o/summary.csv')))[0]['path_searches'])")
  echo "$(python3 -c "print($u + $s)") $searches"
}
echo "nodes,channels,payments,cpu_s,cpu_s_1_payment,searches,ms_per_search,ms_per_payment"
rows=()
for n in 1000 5000 20000 100000; do
  m=$((3 * n))
  read -r full searches < <(cpu --set graph.nodes=$n --set graph.channels=$m --set workload.payments=$payments)
  read -r base _ < <(cpu --set graph.nodes=$n --set graph.channels=$m --set workload.payments=1)
  row=$(python3 -c "f,b,s,p=$full,$base,$searches,$payments;print(f'$n,$m,{p},{f:.2f},{b:.2f},{s},{(f-b)/s*1e3:.3f},{(f-b)/p*1e3:.2f}')")
  echo "$row"; rows+=("$row")
done
printf '%s\n' "${rows[@]}" | python3 -c "
import sys, math
r=[l.strip().split(',') for l in sys.stdin if l.strip()]
xs=[math.log(float(a[0])) for a in r]; ys=[math.log(float(a[6])) for a in r]
n=len(xs); mx=sum(xs)/n; my=sum(ys)/n
b=sum((x-mx)*(y-my) for x,y in zip(xs,ys))/sum((x-mx)**2 for x in xs)
print(f'# time per search ~ nodes^{b:.2f}')"
rm -rf "$work"
