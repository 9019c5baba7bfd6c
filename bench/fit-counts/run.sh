#!/usr/bin/env bash
# Fits of spike counts: squared error (the default) vs the Poisson log-rate loss, with and without early stopping on a
# validation split, on (a) the shipped synthetic V1 data and (b) a spike-time table simulated from another seed and read
# through the spike-table reader (binned to the generator's 10 ms bins). Every fit is scored against the generator's
# noise-free twin (expected counts). Writes bench/results/fit-counts.json and .md.
# Usage: bash bench/fit-counts/run.sh [--iterations N] [--time-limit S]   (from the repository root, after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=120; limit=3000
while [[ $# -gt 0 ]]; do case $1 in --iterations) iterations=$2; shift 2;; --time-limit) limit=$2; shift 2;; *) echo "unknown $1" >&2; exit 2;; esac; done
out=out/fit-counts; mkdir -p "$out"
export MKL_NUM_THREADS=1
./neurornn data generate-v1 --out "$out/truth-seed1.npz" --seed 1 --expected-counts >/dev/null
./neurornn data generate-v1 --out "$out/sim-seed2.npz" --seed 2 --spike-table "$out/sim-seed2" >/dev/null
./neurornn data generate-v1 --out "$out/truth-seed2.npz" --seed 2 --expected-counts >/dev/null
spikes=(--data "$out/sim-seed2-spikes.csv" --trials-file "$out/sim-seed2-trials.csv" --window-start-ms -300 --window-end-ms 1200 --read-bin-ms 10 --truth "$out/truth-seed2.npz")
shipped=(--data data/v1-gratings.npz --truth "$out/truth-seed1.npz")
common=(--units 200 --iterations "$iterations" --time-limit "$limit")
run() { local name=$1; shift; echo "== $name: $*"; ./neurornn fit "$@" "${common[@]}" --out "$out/$name" | tail -3; }
run shipped-squared "${shipped[@]}"
run shipped-poisson "${shipped[@]}" --loss poisson
run shipped-poisson-early "${shipped[@]}" --loss poisson --validation-fraction 0.2
run spikes-squared "${spikes[@]}"
run spikes-poisson "${spikes[@]}" --loss poisson
run spikes-poisson-early "${spikes[@]}" --loss poisson --validation-fraction 0.2
/usr/bin/python3 bench/fit-counts/report.py "$out" bench/results/fit-counts.json bench/results/fit-counts.md "$(uptime)"
