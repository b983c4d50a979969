#!/usr/bin/env bash
# Sets up what ampsim needs on a Debian/Ubuntu machine with Swift, builds it, and answers the question
# ampsim exists for on the quickstart scenario: keysend vs MPP vs AMP, with several sender strategies,
# on the same graphs, balances and payments (`ampsim compare`), printed side by side.
# Usage: Scripts/quickstart.sh            (from the repository root)
# The comparison goes to Results/quickstart-compare (replaced on every run of this script).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libgsl-dev liblzma-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..." >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

swift build -c release --product ampsim
bin="$(swift build -c release --show-bin-path)/ampsim"
# The six default configurations x 5 replications of 2,000 payments: under a minute on two cores after the build.
"$bin" compare Scenarios/quickstart.yaml --out Results/quickstart-compare --force
