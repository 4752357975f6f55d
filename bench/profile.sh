#!/bin/sh
# CPU profiles of evaluate (100k, 1M entries) and parseLedger (100k), then their summaries.
# Usage: sh bench/profile.sh   (after `npx tsup`); profiles land in bench/results/profiles/.
set -e
cd "$(dirname "$0")/.."
dir=bench/results/profiles
mkdir -p "$dir"
run() {
  node --max-old-space-size=8192 --cpu-prof --cpu-prof-interval 200 --cpu-prof-dir="$dir" --cpu-prof-name="$1.cpuprofile" bench/profile.mjs "$2" "$3" "$4"
  node bench/profile-summary.mjs "$dir/$1.cpuprofile" 20 > "$dir/$1.md"
  echo "summary: $dir/$1.md"
}
run evaluate-100k evaluate 100000 6
run evaluate-1m evaluate 1000000 10
run parse-100k parse 100000 8
