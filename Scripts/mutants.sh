#!/usr/bin/env bash
# Mutation check: applies each mutant of Tests/Mutants/list.txt, one at a time, to a scratch copy of
# the package, runs the tests the mutant names and reports whether they fail (`killed`) or pass
# (`survived`). Prints one row per mutant and a score; exits 1 if any mutant survived or is stale.
#
# Usage: Scripts/mutants.sh [--rev REV] [--full-suite] [--list FILE] [NAME ...]
#   NAME ...      only these mutants (default: every mutant of the list)
#   --rev REV     copy sources and tests from git revision REV instead of the working tree (for a
#                 before/after comparison: the list is always read from the working tree)
#   --full-suite  run the whole test suite against each mutant instead of its `tests:` filter
#   --list FILE   another mutant list
#
# The scratch copy and its build folder live in $MUTANTS_DIR (default .build-mutants/, ignored by git)
# and are reused between runs, so each mutant recompiles only what it touches. The unmutated copy is
# built and its tests run first: if they fail, no mutant is tried. Each test run is cut off after
# $MUTANT_TIMEOUT seconds (default 1200; a mutant that makes a test loop counts as killed, marked so).
# Logs: $MUTANTS_DIR/logs/NAME.log. Run it under `nice` on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
list="$root/Tests/Mutants/list.txt"
rev=""
full=0
names=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rev) rev="$2"; shift 2 ;;
        --full-suite) full=1; shift ;;
        --list) list="$2"; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "mutants.sh: unknown option $1" >&2; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
[[ -f "$list" ]] || { echo "mutants.sh: no mutant list at $list" >&2; exit 2; }
work="${MUTANTS_DIR:-$root/.build-mutants}"
src="$work/src"
build="$work/build"
logs="$work/logs"
timeout_s="${MUTANT_TIMEOUT:-1200}"
mkdir -p "$work" "$logs"

# The list, parsed once: one tab-separated line per mutant (name, file, find, replace, tests), with
# find/replace still escaped ("\n", "\\") so that they fit on one line.
parsed="$work/mutants.tsv"
python3 - "$list" "$parsed" "${names[@]}" <<'PY'
import sys
path, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
blocks, cur = [], {}
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if line.startswith("#"):
        continue
    if not line.strip():
        if cur: blocks.append(cur); cur = {}
        continue
    key, sep, value = line.partition(": ")
    if not sep or key not in ("name", "file", "find", "replace", "tests", "why"):
        sys.exit(f"{path}:{n}: expected 'name|file|find|replace|tests|why: value', found {line!r}")
    cur[key] = value
if cur: blocks.append(cur)
seen = set()
for b in blocks:
    missing = [k for k in ("name", "file", "find", "replace", "tests") if k not in b]
    if missing: sys.exit(f"{path}: mutant {b.get('name', '?')}: missing {', '.join(missing)}")
    if b["name"] in seen: sys.exit(f"{path}: mutant {b['name']} appears twice")
    seen.add(b["name"])
unknown = [w for w in wanted if w not in seen]
if unknown: sys.exit(f"{path}: no mutant named {', '.join(unknown)}")
with open(out, "w", encoding="utf-8") as f:
    for b in blocks:
        if wanted and b["name"] not in wanted: continue
        f.write("\t".join(b[k] for k in ("name", "file", "find", "replace", "tests")) + "\n")
PY

# 1. The scratch copy: the working tree's files (tracked and untracked, not ignored), or REV's.
echo "mutants.sh: copying ${rev:-the working tree} to $src" >&2
rm -rf "$src"
mkdir -p "$src"
if [[ -n "$rev" ]]; then
    git -C "$root" archive "$rev" | tar -x -C "$src"
else
    git -C "$root" ls-files -z --cached --others --exclude-standard | python3 -c '
import os, shutil, sys
root, dest = sys.argv[1], sys.argv[2]
for rel in sys.stdin.buffer.read().decode().split("\0"):
    if rel and os.path.isfile(os.path.join(root, rel)):
        os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
        shutil.copy2(os.path.join(root, rel), os.path.join(dest, rel))' "$root" "$src"
fi
[[ -f "$root/Package.resolved" ]] && cp "$root/Package.resolved" "$src/"

swift_build() { swift build --build-tests --package-path "$src" --scratch-path "$build" >>"$1" 2>&1; }
# Runs the tests (a filter, or everything); status 0 when they all pass.
swift_test() {
    local log="$1" filter="$2"
    local args=(test --skip-build --package-path "$src" --scratch-path "$build")
    [[ $full -eq 1 ]] || args+=(--filter "$filter")
    timeout "$timeout_s" swift "${args[@]}" >>"$log" 2>&1
}

# Applies one mutant to its file; status 3 when `find` does not occur exactly once.
mutate() {
    python3 - "$src/$1" "$2" "$3" <<'PY'
import sys
path, find, replace = sys.argv[1:]
unescape = lambda s: s.replace("\\\\", "\0").replace("\\n", "\n").replace("\0", "\\")
find, replace = unescape(find), unescape(replace)
text = open(path, encoding="utf-8").read()
if text.count(find) != 1:
    sys.exit(3)
open(path, "w", encoding="utf-8").write(text.replace(find, replace))
PY
}

# 2. Baseline: the unmutated copy builds and the tests every mutant names pass.
filters="$(cut -f5 "$parsed" | sort -u | paste -sd'|')"
base_log="$logs/baseline.log"
: >"$base_log"
echo "mutants.sh: building the unmutated copy" >&2
if ! swift_build "$base_log"; then echo "mutants.sh: the unmutated copy does not build (see $base_log)" >&2; exit 2; fi
if ! swift_test "$base_log" "$filters"; then
    echo "mutants.sh: the tests fail without any mutant (see $base_log): fix them first" >&2; exit 2
fi

# 3. Each mutant.
rows="mutant"$'\t'"tests"$'\t'"result"
total=0; killed=0; bad=()
while IFS=$'\t' read -r name file find replace tests; do
    total=$((total + 1))
    log="$logs/$name.log"
    : >"$log"
    shown="$tests"; [[ $full -eq 1 ]] && shown="(all)"
    echo "mutants.sh: $name" >&2
    [[ -f "$src/$file" ]] || { echo "mutants.sh: $name: no file $file" >&2; exit 2; }
    cp "$src/$file" "$work/original"
    set +e
    mutate "$file" "$find" "$replace"
    applied=$?
    set -e
    if [[ $applied -ne 0 ]]; then
        result="stale (find text not exactly once in $file)"
        bad+=("$name")
    elif ! swift_build "$log"; then
        result="does not compile"
        bad+=("$name")
    else
        set +e
        swift_test "$log" "$tests"
        status=$?
        set -e
        if [[ $status -eq 0 ]] && grep -q "Test run with 0 tests" "$log"; then
            result="no test matched the filter"; bad+=("$name")
        elif [[ $status -eq 0 ]]; then
            result="SURVIVED"; bad+=("$name")
        elif [[ $status -eq 124 ]]; then
            result="killed (timeout after ${timeout_s} s)"; killed=$((killed + 1))
        else
            result="killed"; killed=$((killed + 1))
        fi
    fi
    cp "$work/original" "$src/$file"
    rows+=$'\n'"$name"$'\t'"$shown"$'\t'"$result"
done <"$parsed"

column -t -s $'\t' -o ' | ' <<<"$rows" 2>/dev/null || cat <<<"$rows"
echo "mutants.sh: $killed of $total mutants killed${rev:+ (sources and tests of $rev)}"
if [[ ${#bad[@]} -gt 0 ]]; then echo "mutants.sh: not killed: ${bad[*]}" >&2; exit 1; fi
