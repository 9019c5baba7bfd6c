#!/usr/bin/env bash
# The main job, end to end: set up, then fit a 200-unit rate RNN with Hessian-free optimization to the shipped
# synthetic mouse-V1 recordings, and write the checkpoint, held-out R² and a tuning-curve comparison page to out/v1-fit.
# The generator's noise-free twin of the data (same seed, expected counts) is the ground truth the fit is also scored on.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
./neurornn info
./neurornn data generate-v1 --out out/v1-gratings-expected.npz --units 200 --orientations 12 --trials 20 --bin-ms 10 --seed 1 --expected-counts >/dev/null
./neurornn fit --data data/v1-gratings.npz --units 200 --out out/v1-fit --truth out/v1-gratings-expected.npz "$@"
