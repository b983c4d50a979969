#!/usr/bin/env bash
# Runs every known-answer scenario of Scenarios/validation/ and compares what it measures with the
# value its header states (docs/validation.md). Prints one row per expectation:
#   case | metric | expected | tolerance | measured | ok
# and exits 1 if any expectation fails (2 if a scenario cannot be run).
#
# Expectation lines (in a scenario's leading comment):
#   # expect: METRIC = VALUE ± TOL     |measured - VALUE| <= TOL (Monte-Carlo: 3·sqrt(p(1-p)/N))
#   # expect: METRIC = VALUE           exact (|measured - VALUE| <= 1e-9)
#   # expect: METRIC > VALUE           also <, >=, <=
#   # expect: METRIC == CASE           exactly what CASE (another file of the folder) measures
# METRIC is a `metric` of summary_ci.csv (its `mean` over replications is compared).
#
# Binary: $AMPSIM if set, else .build/release/ampsim (built with `swift build -c release` if missing).
# Usage: Scripts/validate.sh [CASE ...]    (default: every Scenarios/validation/*.yaml)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/Scenarios/validation"

usage() {
    echo "usage: Scripts/validate.sh [CASE ...]   (default: every case; CASE = a file of Scenarios/validation/ without .yaml)"
    echo "cases:"
    for f in "$dir"/*.yaml; do printf '  %s\n' "$(basename "$f" .yaml)"; done
}
for a in "$@"; do
    case "$a" in
        -h|--help) usage; exit 0 ;;
        -*) echo "validate.sh: $a: expected a case name or --help, found an unknown option" >&2; usage >&2; exit 2 ;;
    esac
done

if [[ -n "${AMPSIM:-}" ]]; then
    bin="$AMPSIM"
else
    bin="$root/.build/release/ampsim"
    if [[ ! -x "$bin" ]]; then
        (cd "$root" && swift build -c release --product ampsim >&2)
    fi
fi
[[ -x "$bin" ]] || { echo "validate.sh: no ampsim binary at $bin" >&2; exit 2; }

if [[ $# -gt 0 ]]; then
    files=()
    for c in "$@"; do
        c="$(basename "${c%.yaml}")"
        [[ -f "$dir/$c.yaml" ]] || { echo "validate.sh: $c: expected a case of Scenarios/validation/, found no $c.yaml there" >&2; usage >&2; exit 2; }
        files+=("$dir/$c.yaml")
    done
else
    files=("$dir"/*.yaml)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ampsim-validate.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. Run every case (one at a time: the machine may be shared).
for f in "${files[@]}"; do
    case="$(basename "$f" .yaml)"
    if ! "$bin" run "$f" --out "$work/$case" --quiet 2>"$work/$case.err"; then
        echo "validate.sh: $case: ampsim run failed:" >&2; cat "$work/$case.err" >&2; exit 2
    fi
done

# 2. Compare. measured(case, metric) is the `mean` column of that case's summary_ci.csv.
measured() {
    awk -F, -v m="$2" 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "metric") c = i; if ($i == "mean") v = i } }
        NR > 1 && c && $c == m { print $v; found = 1 } END { if (!found) print "missing" }' "$work/$1/summary_ci.csv"
}

fail=0
rows="case|metric|expected|tolerance|measured|ok"
for f in "${files[@]}"; do
    case="$(basename "$f" .yaml)"
    while IFS= read -r line; do
        spec="${line#*expect:}"
        read -r metric op value rest <<<"$spec"
        tol="${rest#±}"; tol="${tol# }"
        got="$(measured "$case" "$metric")"
        if [[ "$op" == "==" ]]; then
            [[ -d "$work/$value" ]] || { echo "validate.sh: $case refers to $value, which was not run" >&2; exit 2; }
            ref="$(measured "$value" "$metric")"
            expected="$ref ($value)"; tolshow="exact"
            ok=$([[ "$got" != missing && "$got" == "$ref" ]] && echo yes || echo NO)
        else
            [[ -z "$tol" ]] && tolshow="exact" || tolshow="± $tol"
            expected="$op $value"
            [[ "$op" == "=" ]] && expected="$value"
            ok=$(awk -v g="$got" -v op="$op" -v v="$value" -v t="${tol:-1e-9}" 'BEGIN {
                if (g == "missing" || g == "") { print "NO"; exit }
                g += 0; v += 0; t += 0; d = g - v; if (d < 0) d = -d
                r = (op == "=") ? (d <= t) : (op == ">") ? (g > v) : (op == "<") ? (g < v) : (op == ">=") ? (g >= v) : (op == "<=") ? (g <= v) : 0
                print (r ? "yes" : "NO") }')
            [[ "$op" == "=" ]] || tolshow="-"
        fi
        [[ "$ok" == yes ]] || fail=1
        rows+=$'\n'"$case|$metric|$expected|$tolshow|$got|$ok"
    done < <(grep -E '^#[[:space:]]*expect:' "$f")
done

column -t -s '|' -o ' | ' <<<"$rows" 2>/dev/null || tr '|' '\t' <<<"$rows"
if [[ $fail -ne 0 ]]; then echo "validate.sh: some cases FAILED" >&2; exit 1; fi
echo "validate.sh: all ${#files[@]} cases pass"
