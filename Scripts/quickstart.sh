#!/usr/bin/env bash
# Sets up what ampsim needs on a Debian/Ubuntu machine with Swift, builds it, and runs the quickstart.
# Usage: Scripts/quickstart.sh            (from the repository root)
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
if "$bin" help run >/dev/null 2>&1; then
  "$bin" run Scenarios/quickstart.yaml
else
  "$bin" validate Scenarios/quickstart.yaml
fi
