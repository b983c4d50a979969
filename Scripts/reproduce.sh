#!/usr/bin/env bash
# Reproduces one experiment of issue #10: sweep -> summarize -> plot.
#
#   Scripts/reproduce.sh NAME [SWEEP OPTIONS...]
#
# runs `ampsim sweep Scenarios/NAME.yaml` (its grid: the scenario's `sweep:` section, plus what this
# script adds for NAME below) into Results/NAME/sweep*/, copies the sweep's summary.csv and
# summary_ci.csv (and paired.csv) to Results/NAME/ (merging them when NAME needs more than one sweep),
# and draws the figures (PNG, SVG and PDF, titled with the scenario's `description:`) into
# Results/NAME/ with Scripts/plot.py. `Scripts/reproduce.sh --help` lists the experiments. Extra arguments go to every
# `ampsim sweep` call, e.g. `--jobs 2` or `--replications 3` for a quick look.
#
# Binary: $AMPSIM if set, else .build/release/ampsim (built with `swift build -c release` if missing).
# Needs python3 with matplotlib (python3 -m pip install matplotlib).
# Only Results/NAME/summary.csv, summary_ci.csv and the figures are meant to be committed
# (.gitignore); the sweep folders stay local.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

usage() {
    echo "usage: Scripts/reproduce.sh NAME [SWEEP OPTIONS...]   (Scenarios/NAME.yaml -> Results/NAME/)"
    echo "experiments (Scenarios/*.yaml with a sweep: section):"
    for f in Scenarios/*.yaml; do
        grep -q '^sweep:' "$f" || continue
        question="$(sed -n 's/^description: *//p' "$f" | head -1)"; question="${question#\"}"; question="${question%\"}"
        printf '  %-24s %s\n' "$(basename "$f" .yaml)" "$question"
    done
}
if [[ $# -ge 1 && ( "$1" == "--help" || "$1" == "-h" ) ]]; then usage; exit 0; fi
if [[ $# -lt 1 || "$1" == -* ]]; then
    usage >&2
    exit 2
fi
name="${1%.yaml}"; name="${name#Scenarios/}"; shift
scenario="Scenarios/$name.yaml"
[[ -f "$scenario" ]] || { echo "reproduce.sh: no $scenario" >&2; exit 2; }
results="Results/$name"

if [[ -n "${AMPSIM:-}" ]]; then
    bin="$AMPSIM"
else
    bin="$root/.build/release/ampsim"
    [[ -x "$bin" ]] || swift build -c release --product ampsim >&2
fi
[[ -x "$bin" ]] || { echo "reproduce.sh: no ampsim binary at $bin" >&2; exit 2; }
python3 -c "import matplotlib" 2>/dev/null || { echo "reproduce.sh: needs matplotlib: python3 -m pip install matplotlib" >&2; exit 2; }

# Per experiment: the sweeps to run (label + arguments added to the scenario's own grid) and plot options.
# A sweep labelled L writes Results/NAME/sweep-L (or Results/NAME/sweep when there is only one).
labels=(); sweep_args=(); plot_args=()
case "$name" in
    compare-protocols|compare-protocols-2026)
        # protocol x strategy vary together (the scenario's grouped axis); every configuration of one
        # replication sees the same graph, balances and payments (paired): paired.csv holds each
        # configuration minus keysend / a single part, replication by replication.
        labels+=(all); sweep_args+=("--pair payment.protocol,payment.strategy=keysend:single")
        ;;
    load)
        labels+=(all); sweep_args+=("--pair payment.strategy=single")
        plot_args+=(--x arrival_rate)
        ;;
    htlc-slots)
        labels+=(all); sweep_args+=("")
        plot_args+=(--x arrival_rate)
        ;;
    redundancy)
        # AMP against `redundant` with k = 0 ... 4 spares on the scenario's grid (amount x offline
        # share x strategy): two sweeps, merged; payment.protocol is a grid column of both.
        # The AMP sweep has the scenario's three strategies (fixed-n, halving, optimal-flow); `redundant`
        # refuses optimal-flow (its n is not known before the flow is solved), so its sweep varies the
        # strategy over fixed-n and halving only.
        labels+=(amp redundant)
        sweep_args+=("--vary payment.protocol=amp"
                     "--set payment.protocol=redundant --vary payment.protocol=redundant --vary payment.strategy=fixed-n,halving --vary payment.redundant.extra_parts=0,1,2,3,4")
        ;;
    *)
        labels+=(all); sweep_args+=("")
        ;;
esac

mkdir -p "$results"
dirs=(); specs=()
for i in "${!labels[@]}"; do
    if [[ ${#labels[@]} -eq 1 ]]; then dir="$results/sweep"; else dir="$results/sweep-${labels[$i]}"; fi
    rm -rf "$dir"   # this script's own output folder from an earlier run
    read -r -a extra <<<"${sweep_args[$i]}"
    echo "reproduce.sh: $bin sweep $scenario ${extra[*]} --out $dir $*" >&2
    "$bin" sweep "$scenario" "${extra[@]}" --out "$dir" "$@"
    for f in summary.csv summary_ci.csv; do
        [[ -s "$dir/$f" ]] || { echo "reproduce.sh: the sweep wrote no $dir/$f" >&2; exit 1; }
    done
    dirs+=("$dir"); specs+=("${sweep_args[$i]}")
done

# Summarize: one summary.csv and one summary_ci.csv in Results/NAME/. With several sweeps, their grid
# columns are united (a column a sweep did not vary gets the value that sweep --set, matched by path,
# snake_case or last component; else empty) and the rows concatenated.
python3 - "$results" "${#dirs[@]}" "${dirs[@]}" "${specs[@]}" <<'PY'
import csv, sys
results, n = sys.argv[1], int(sys.argv[2])
dirs, specs = sys.argv[3:3 + n], sys.argv[3 + n:3 + 2 * n]

def settings(spec):
    words, out = spec.split(), {}
    for flag, value in zip(words, words[1:]):
        if flag == "--set" and "=" in value:
            path, v = value.split("=", 1)
            out[path] = v
    return out

def fill(column, given):
    for path, value in given.items():
        if column in (path, path.replace(".", "_"), path.split(".")[-1]):
            return value
    return ""

for name, boundary in (("summary_ci.csv", "metric"), ("summary.csv", "replication")):
    tables = []
    for d, spec in zip(dirs, specs):
        with open("%s/%s" % (d, name), newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        b = header.index(boundary) if boundary in header else 0
        tables.append((header[:b], header[b:], rows[1:], settings(spec)))
    grid = []
    for g, _, _, _ in tables:
        grid += [c for c in g if c not in grid]
    # Columns set (not varied) in one sweep but varied in another come first, as grid columns.
    rest = tables[0][1]
    if any(t[1] != rest for t in tables):
        sys.exit("reproduce.sh: the sweeps' %s files have different columns after the grid" % name)
    with open("%s/%s" % (results, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(grid + rest)
        for g, _, rows, given in tables:
            for row in rows:
                values = dict(zip(g, row[:len(g)]))
                w.writerow([values[c] if c in values else fill(c, given) for c in grid] + row[len(g):])
PY

if [[ ${#dirs[@]} -eq 1 && -f "${dirs[0]}/paired.csv" ]]; then cp "${dirs[0]}/paired.csv" "$results/paired.csv"; fi

# Old figures first: a figure with nothing to show is no longer drawn and must not linger.
rm -f "$results"/*.png "$results"/*.svg "$results"/*.pdf
paired=(); [[ -f "$results/paired.csv" ]] && paired=(--paired "$results/paired.csv")
python3 Scripts/plot.py "$results/summary_ci.csv" --out "$results" --scenario "$scenario" "${paired[@]}" "${plot_args[@]}"
echo "reproduce.sh: $results/summary.csv, summary_ci.csv and figures written" >&2
