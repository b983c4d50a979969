#!/usr/bin/env bash
# Tests Scripts/slurm-sweep.sh on a real Slurm: installs Debian's slurm-wlm and munge if missing,
# starts munged, slurmctld and slurmd in a scratch folder (no systemd: proctrack/linuxproc,
# task/affinity, no accounting database, ports 16817/16818 on 127.0.0.1), and checks that
#   - bad submissions (no shard count, a task id beyond it, no binary) end with exit status 2 and
#     one message in the task's output;
#   - without --jobs, ampsim in a 1-CPU allocation starts 1 worker (its affinity mask), not one per core;
#   - a sweep runs as two stepped arrays (1-4:2 and 2-4:2) of 4 shards; task 3 runs out of time
#     (TIMEOUT) after its first run; a shard loses a run; a merge is refused until both shards are
#     finished by resubmitting just their task (sbatch --array=3, --array=1);
#   - `ampsim summarize shard-* --out merged` is byte for byte the same as a direct `ampsim sweep`
#     (every file but run.json and sweep.json, which hold wall times and hosts);
# and stops the daemons it started. slurmd runs in a mount namespace where the Swift toolchain's
# library folder is hidden (an empty tmpfs over it), so every task runs as on a node without Swift.
#
# Usage (as root, from anywhere): Scripts/test-slurm.sh
#   AMPSIM=/path/to/ampsim  use this binary (it must not need the Swift runtime); by default the
#                           script runs `swift build -c release --static-swift-stdlib` in the repository.
#   KEEP=1                  keep the scratch folder (it is always kept when a check fails).
# Exit status: 0 when every check passes, 1 when one fails, 2 when it cannot run here.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS
say() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*"; }
die() { echo "test-slurm.sh: $*" >&2; exit 2; }
failures=0
check() {  # check DESCRIPTION COMMAND...: runs the command, reports ok or FAIL
  local what="$1"; shift
  if "$@"; then say "ok: $what"; else say "FAIL: $what"; failures=$((failures + 1)); fi
}

[[ $(id -u) == 0 ]] || die "run as root: it installs packages and starts slurmd, which runs tasks as their user"
command -v unshare >/dev/null || die "needs unshare (util-linux)"

# --- Packages ----------------------------------------------------------------------------------
missing=()
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  # Keep the packages' own services from starting (this script starts its own daemons).
  made_policy=0 installed=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made_policy=1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && installed=1
  ((made_policy)) && rm -f /usr/sbin/policy-rc.d
  ((installed)) || die "could not install ${missing[*]}"
fi
say "slurm $(slurmd -V | awk '{print $2}'), $(munged -V 2>&1 | head -1)"

# --- The binary --------------------------------------------------------------------------------
if [[ -z "${AMPSIM:-}" ]]; then
  say "building: swift build -c release --static-swift-stdlib"
  (cd "$repo" && nice -n 15 swift build -c release --static-swift-stdlib 2>&1 | grep -E 'error|warning|Compiling|Build complete' | tail -3)
  AMPSIM="$repo/.build/release/ampsim"
fi
[[ -x "$AMPSIM" ]] || die "no ampsim binary at $AMPSIM"
AMPSIM="$(readlink -f "$AMPSIM")"
if ldd "$AMPSIM" | grep -q 'libswift\|libFoundation\|libdispatch'; then
  die "$AMPSIM needs the Swift runtime (build it with --static-swift-stdlib): $(ldd "$AMPSIM" | grep -c libswift) libswift* libraries"
fi
say "binary $AMPSIM; shared libraries: $(ldd "$AMPSIM" | awk '{print $1}' | grep -v vdso | tr '\n' ' ')"
swift_lib=""
if command -v swift >/dev/null; then swift_lib="$(cd "$(dirname "$(readlink -f "$(command -v swift)")")/../lib/swift" 2>/dev/null && pwd)" || swift_lib=""; fi

# --- Scratch folder, munge, slurmctld, slurmd --------------------------------------------------
work="$(mktemp -d /tmp/ampsim-slurm.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/submit" "$work/elsewhere" "$work/out"
chmod 711 "$work/munge"
daemons=()
cleanup() {
  local status=$?
  if [[ -f "$work/slurm.conf" ]] && [[ -f "$work/slurmctld.pid" ]]; then SLURM_CONF="$work/slurm.conf" scancel --quiet --user=root 2>/dev/null || true; fi
  for name in slurmd slurmctld munged; do
    local pidfile="$work/$name.pid"
    [[ -s "$pidfile" ]] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
      say "stopped $name (pid $pid)"
    fi
  done
  if [[ $status == 0 && "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "scratch folder kept: $work"; fi
}
trap cleanup EXIT

mungekey --create --keyfile="$work/munge/munge.key"
munged --force --socket="$work/munge/socket" --key-file="$work/munge/munge.key" --pid-file="$work/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed"
node="$(hostname -s)"
cpus="$(nproc --all)"
cat > "$work/slurm.conf" <<EOF
ClusterName=ampsimtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
KillWait=2
MinJobAge=3600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
# slurmd (and so every task) sees an empty folder where the toolchain keeps libswiftCore.so & co.
hide=""
if [[ -n "$swift_lib" ]]; then hide="mount -t tmpfs -o ro,size=1m tmpfs '$swift_lib' && "; fi
if ! unshare --mount --propagation private sh -c "${hide}exec slurmd -f '$SLURM_CONF'"; then
  [[ -n "$hide" ]] || die "slurmd did not start (see $work/slurmd.log)"
  say "note: cannot hide $swift_lib in a mount namespace here; tasks run with the toolchain visible"
  swift_lib=""
  slurmd -f "$SLURM_CONF"
fi
for _ in $(seq 300); do sinfo -h -o %t 2>/dev/null | grep -qx idle && break; sleep 0.1; done
sinfo -h -o %t | grep -qx idle || die "the node did not come up: $(sinfo -h 2>&1); see $work/slurmctld.log, $work/slurmd.log"
say "cluster up: node $node, $cpus CPUs, munged, slurmctld and slurmd (pids $(cat "$work/munged.pid") $(cat "$work/slurmctld.pid") $(cat "$work/slurmd.pid"))"

# --- Helpers -----------------------------------------------------------------------------------
# wait_jobs ID...: until no task of these jobs is pending or running (a 5-minute safety limit).
wait_jobs() {
  local limit=$((SECONDS + 300))
  while ((SECONDS < limit)); do
    local id busy=0
    for id in "$@"; do
      scontrol -o show job "$id" 2>/dev/null | grep -qE 'JobState=(PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED)' && busy=1
    done
    ((busy)) || return 0
    sleep 0.5
  done
  say "FAIL: jobs $* still running after 5 minutes"; return 1
}
# state ID: "STATE EXIT" of one job or array task, e.g. "COMPLETED 0:0".
state() { scontrol -o show job "$1" | sed -E 's/.*JobState=([A-Z_]+).*ExitCode=([0-9:]+).*/\1 \2/'; }
has() { grep -qF -- "$2" "$1"; }
finished_runs() { local n=0 f; for f in "$1"/runs/*/done; do [[ -e "$f" ]] && n=$((n + 1)); done; echo $n; }

scenario="$repo/Scenarios/quickstart.yaml"
sweep_args=(--set graph.nodes=1000 --set workload.payments=1500 --replications 2
  --vary 'payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving' --vary workload.amount_sat=10000,100000)
slurm_sweep="$repo/Scripts/slurm-sweep.sh"
out="$work/out"
ln -s "$AMPSIM" "$work/submit/ampsim-link"
mkdir -p "$work/submit/.build/release" && ln -s "$AMPSIM" "$work/submit/.build/release/ampsim"

# --- The toolchain is out of reach of a task; the static binary runs ---------------------------
if [[ -n "$swift_lib" ]]; then
  id=$(cd "$work/submit" && sbatch --parsable -o "$work/node-%j.out" --wrap "echo entries in $swift_lib: \$(ls -A '$swift_lib' | wc -l); \
    echo libswiftCore known to ld.so: \$(ldconfig -p | grep -c libswiftCore); '$AMPSIM' --version")
  wait_jobs "$id"
  say "a task on the node: $(tr '\n' ';' < "$work/node-$id.out")"
  check "a task sees no Swift runtime ($swift_lib empty) and runs the static ampsim" \
    eval 'has "$work/node-$id.out" "entries in $swift_lib: 0" && has "$work/node-$id.out" "libswiftCore known to ld.so: 0" \
          && [[ "$(tail -1 "$work/node-$id.out")" == "$("$AMPSIM" --version)" ]]'
fi

# --- Bad submissions: exit status 2 and one clear message --------------------------------------
cd "$work/submit"
bad1=$(env -u AMPSIM_SHARDS sbatch --parsable --array=1 "$slurm_sweep" "$scenario" "$out/bad")
bad2=$(sbatch --parsable --array=5 "$slurm_sweep" --shards 4 "$scenario" "$out/bad")
bad3=$(cd "$work/elsewhere" && env -u AMPSIM sbatch --parsable --array=1 "$slurm_sweep" --shards 1 "$scenario" "$out/bad")
# Without --jobs, ampsim in a 1-CPU allocation on this $cpus-CPU node starts 1 worker.
alloc=$(sbatch --parsable -c 1 -o "$work/alloc-%j.out" --wrap "'$AMPSIM' sweep '$scenario' --set graph.nodes=60 --set workload.payments=40 \
  --vary payment.protocol=mpp,amp --set payment.strategy=halving --replications 1 --out '$out/alloc'")
wait_jobs "$bad1" "$bad2" "$bad3" "$alloc"
check "no shard count: exit 2, '$(head -1 "$work/submit/slurm-${bad1}_1.out")'" \
  eval '[[ "$(state "${bad1}_1")" == "FAILED 2:0" ]] && has "$work/submit/slurm-${bad1}_1.out" "expected the shard count (--shards N or AMPSIM_SHARDS=N"'
check "task 5 of 4 shards: exit 2, '$(head -1 "$work/submit/slurm-${bad2}_5.out")'" \
  eval '[[ "$(state "${bad2}_5")" == "FAILED 2:0" ]] && has "$work/submit/slurm-${bad2}_5.out" "array task id: expected 1 to 4 (the shard count), found 5"'
check "no binary in the submit folder: exit 2, '$(head -1 "$work/elsewhere/slurm-${bad3}_1.out")'" \
  eval '[[ "$(state "${bad3}_1")" == "FAILED 2:0" ]] && has "$work/elsewhere/slurm-${bad3}_1.out" "expected the ampsim binary at $work/elsewhere/.build/release/ampsim, found none"'
check "1-CPU allocation, no --jobs: '$(head -1 "$work/alloc-$alloc.out")'" \
  eval 'has "$work/alloc-$alloc.out" "= 2 runs, 1 jobs," && has "$out/alloc/sweep.json" "\"jobs\" : 1"'
[[ ! -e "$out/bad" ]] || { say "FAIL: a refused task wrote $out/bad"; failures=$((failures + 1)); }

# --- The sweep: two stepped arrays, one task runs out of time -----------------------------------
# Task 3 stands for a task whose time is up before its shard is done: its ampsim is stopped once its
# first run has finished, until the 1-minute limit ends it (Slurm's TIMEOUT: SIGTERM, then SIGKILL).
cat > "$work/stalling-ampsim" <<EOF
#!/usr/bin/env bash
real='$AMPSIM'
[[ "\${SLURM_ARRAY_TASK_ID:-}" == 3 ]] || exec "\$real" "\$@"
dir=""; prev=""; for a in "\$@"; do [[ "\$prev" == --out ]] && dir="\$a"; prev="\$a"; done
"\$real" "\$@" & pid=\$!
until compgen -G "\$dir/runs/*/done" >/dev/null || ! kill -0 \$pid 2>/dev/null; do sleep 0.01; done
kill -STOP \$pid 2>/dev/null && echo "stalling-ampsim: stopped ampsim after \$(ls "\$dir"/runs/*/done | wc -l) finished run(s)" >&2
wait \$pid
EOF
chmod +x "$work/stalling-ampsim"
say "submitting the sweep: AMPSIM_SHARDS=4 sbatch --time=1 --array=1-4:2 ..., then --array=2-4:2"
odd=$(AMPSIM="$work/stalling-ampsim" AMPSIM_SHARDS=4 sbatch --parsable --time=1 --array=1-4:2 "$slurm_sweep" "$scenario" "$out" "${sweep_args[@]}")
even=$(AMPSIM="$work/stalling-ampsim" AMPSIM_SHARDS=4 sbatch --parsable --time=1 --array=2-4:2 "$slurm_sweep" "$scenario" "$out" "${sweep_args[@]}")
say "the same sweep directly (ampsim sweep --jobs 2) while the arrays run"
"$AMPSIM" sweep "$scenario" "${sweep_args[@]}" --jobs 2 --quiet --out "$work/direct"
say "waiting for task 3's time limit (Slurm checks limits every 30 s or so)"
wait_jobs "$odd" "$even"
for t in "${odd}_1" "${even}_2" "${odd}_3" "${even}_4"; do say "task $t: $(state "$t")"; done
timed_out=$(finished_runs "$out/shard-3")
check "tasks 1, 2, 4 completed and task 3 timed out with $timed_out of its 3 runs finished" \
  eval '[[ "$(state "${odd}_1") $(state "${even}_2") $(state "${even}_4")" == "COMPLETED 0:0 COMPLETED 0:0 COMPLETED 0:0" ]] \
        && [[ "$(state "${odd}_3")" == TIMEOUT* ]] && ((timed_out >= 1 && timed_out < 3))'
check "task 3's output says it was cancelled due to its time limit" has "$work/submit/slurm-${odd}_3.out" "DUE TO TIME LIMIT"
lost=$(cd "$out/shard-1/runs" && ls | head -1)
rm -rf "$out/shard-1/runs/$lost"
say "deleted run $lost of shard 1"
refused=$("$AMPSIM" summarize "$out"/shard-* --out "$out/merged" 2>&1) && refused_status=0 || refused_status=$?
check "merging now is refused (status $refused_status): $refused" eval '((refused_status == 2)) && [[ ! -e "$out/merged" ]]'

# --- Partial resubmissions: just the tasks that need it -----------------------------------------
say "resubmitting: sbatch --array=3 --cpus-per-task=2 ... and sbatch --array=1 ... (binary found via SLURM_SUBMIT_DIR)"
again3=$(env -u AMPSIM sbatch --parsable --array=3 --cpus-per-task=2 "$slurm_sweep" --shards 4 "$scenario" "$out" "${sweep_args[@]}")
again1=$(env -u AMPSIM sbatch --parsable --array=1 "$slurm_sweep" --shards 4 "$scenario" "$out" "${sweep_args[@]}")
wait_jobs "$again3" "$again1"
say "task ${again3}_3: $(state "${again3}_3"): $(grep '^wrote' "slurm-${again3}_3.out" | sed 's/.*(/(/')"
say "task ${again1}_1: $(state "${again1}_1"): $(grep '^wrote' "slurm-${again1}_1.out" | sed 's/.*(/(/')"
check "task 3 alone redid only its $((3 - timed_out)) missing run(s), with 2 jobs" \
  eval '[[ "$(state "${again3}_3")" == "COMPLETED 0:0" ]] && has "slurm-${again3}_3.out" "(3 runs: $((3 - timed_out)) run now, $timed_out already finished;" \
        && has "slurm-${again3}_3.out" ", 2 jobs, folder" && has "$out/shard-3/sweep.json" "\"shard\" : \"3\/4\""'
check "task 1 alone redid only the deleted run" \
  eval '[[ "$(state "${again1}_1")" == "COMPLETED 0:0" ]] && has "slurm-${again1}_1.out" "(3 runs: 1 run now, 2 already finished;"'

# --- Merge and compare byte for byte -----------------------------------------------------------
"$AMPSIM" summarize "$out"/shard-* --out "$out/merged"
say "diff -r -x run.json -x sweep.json direct merged"
check "the merge is byte for byte the direct sweep (all but run.json / sweep.json)" \
  diff -r -x run.json -x sweep.json "$work/direct" "$out/merged"
check "both hold the same $(ls "$work/direct/runs" | wc -l) runs" \
  eval '[[ "$(ls "$work/direct/runs")" == "$(ls "$out/merged/runs")" ]] && (($(ls "$out/merged/runs" | wc -l) == 12))'
cmp "$work/direct/summary_ci.csv" "$out/merged/summary_ci.csv" && say "cmp summary_ci.csv: identical ($(wc -l < "$out/merged/summary_ci.csv") lines)"

say "done in $((SECONDS - started)) s: $failures check(s) failed"
((failures == 0))
