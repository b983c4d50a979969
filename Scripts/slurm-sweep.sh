#!/usr/bin/env bash
# Spreads one ampsim sweep over a Slurm job array: array task I runs shard I/N (N given explicitly)
# into OUT/shard-I; once every task is done, `ampsim summarize` merges the shard folders.
#
# Usage (N shards; the array's task ids name the shards, 1..N):
#   sbatch --array=1-8 Scripts/slurm-sweep.sh --shards 8 SCENARIO OUT [ampsim sweep options...]
#   AMPSIM_SHARDS=8 sbatch --array=1-8 Scripts/slurm-sweep.sh SCENARIO OUT [options...]   # the same
# e.g.
#   sbatch --array=1-8 Scripts/slurm-sweep.sh --shards 8 Scenarios/quickstart.yaml Results/qs-sweep \
#       --vary 'payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving' \
#       --vary workload.amount_sat=1000..10000000:log:5 --replications 10
#   # when the array has finished (or chain it: sbatch --dependency=afterok:JOBID ...):
#   .build/release/ampsim summarize Results/qs-sweep/shard-* --out Results/qs-sweep/merged
#
# Every task runs with --resume, so a task that hit its time limit (Slurm sends SIGTERM; finished runs
# are kept) or lost runs is finished by resubmitting just that task with the same arguments:
#   sbatch --array=3 Scripts/slurm-sweep.sh --shards 8 ...          (or --array=3,5 or the whole 1-8)
# Stepped arrays (--array=1-8:2, then --array=2-8:2) work too.
#
# The binary: $AMPSIM if set, else $SLURM_SUBMIT_DIR/.build/release/ampsim (the folder sbatch was run
# from). On nodes without a Swift toolchain, build with `swift build -c release --static-swift-stdlib`
# (then a node needs only glibc, libstdc++, GSL and liblzma; see README, "Clusters").
#
# The #SBATCH lines below are defaults that fit any partition: one CPU per task and the partition's
# own time limit. Options given to sbatch override them, e.g.
#   sbatch --array=1-8 --cpus-per-task=4 --time=02:00:00 --partition=long Scripts/slurm-sweep.sh ...
# A task runs `ampsim sweep --jobs $SLURM_CPUS_PER_TASK`.
# Bad arguments: one message on standard error (in the task's slurm-JOB_TASK.out) and exit status 2.
#SBATCH --job-name=ampsim-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

fail() { echo "slurm-sweep.sh: $1" >&2; exit 2; }

shards="${AMPSIM_SHARDS:-}"
if [[ "${1:-}" == --shards ]]; then
  [[ $# -ge 2 ]] || fail "--shards: expected a shard count, found nothing"
  shards="$2"; shift 2
elif [[ "${1:-}" == --shards=* ]]; then
  shards="${1#--shards=}"; shift
fi
[[ -n "$shards" ]] || fail "expected the shard count (--shards N or AMPSIM_SHARDS=N, the N of --array=1-N), found none"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || fail "shard count: expected a whole number >= 1, found '$shards'"

task="${SLURM_ARRAY_TASK_ID:-}"
[[ -n "$task" ]] || fail "expected to run as a task of a job array (SLURM_ARRAY_TASK_ID), found none: submit with sbatch --array=1-$shards"
[[ "$task" =~ ^[0-9]+$ ]] && (( 10#$task >= 1 && 10#$task <= shards )) \
  || fail "array task id: expected 1 to $shards (the shard count), found $task: use --array=1-$shards or a part of it"
task=$((10#$task))

[[ $# -ge 2 ]] || fail "expected SCENARIO and OUT after the shard count (slurm-sweep.sh --shards N SCENARIO OUT [sweep options]), found $# argument(s)"
scenario="$1"; out="$2"; shift 2
for arg in "$@"; do
  case "$arg" in
    --shard|--shard=*|--out|--out=*|--resume) fail "$arg: expected no --shard, --out or --resume among the sweep options (the script sets them), found one";;
  esac
done

ampsim="${AMPSIM:-${SLURM_SUBMIT_DIR:-$PWD}/.build/release/ampsim}"
[[ -x "$ampsim" ]] || fail "expected the ampsim binary at $ampsim, found none: build it there (swift build -c release --static-swift-stdlib) or set AMPSIM=/path/to/ampsim"

jobs=()
[[ -n "${SLURM_CPUS_PER_TASK:-}" ]] && jobs=(--jobs "$SLURM_CPUS_PER_TASK")
exec "$ampsim" sweep "$scenario" "${jobs[@]}" "$@" \
  --shard "$task/$shards" \
  --resume \
  --out "$out/shard-$task"
