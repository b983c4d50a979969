#!/usr/bin/env bash
# Spreads one ampsim sweep over a Slurm job array: array task I of N runs shard I/N into its own
# folder; once every task is done, `ampsim summarize` merges the shard folders.
#
# Usage (from the repository root, after `swift build -c release`):
#   sbatch --array=1-16 Scripts/slurm-sweep.sh Scenarios/quickstart.yaml Results/qs-sweep \
#       --vary 'payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving' \
#       --vary workload.amount_sat=1000..10000000:log:5 --replications 10
#   # when the array has finished (or chain it: sbatch --dependency=afterok:JOBID ...):
#   .build/release/ampsim summarize Results/qs-sweep/shard-* --out Results/qs-sweep/merged
#
# A task that hit its time limit (Slurm sends SIGTERM; finished runs are kept) is continued by
# resubmitting the same array: every task runs with --resume, so finished runs are skipped.
#SBATCH --job-name=ampsim-sweep
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

scenario="$1"; out="$2"; shift 2
: "${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array=1-N}"
count="${SLURM_ARRAY_TASK_COUNT:?run this script with sbatch --array=1-N}"
# Array indices must run 1..N (sbatch --array=1-N) so that they name the shards.
ampsim="${AMPSIM:-.build/release/ampsim}"

exec "$ampsim" sweep "$scenario" "$@" \
  --shard "$SLURM_ARRAY_TASK_ID/$count" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --resume \
  --out "$out/shard-$SLURM_ARRAY_TASK_ID"
