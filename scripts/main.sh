#!/usr/bin/env bash
# The main job, end to end: set up, then fit a 200-unit rate RNN with Hessian-free optimization to the shipped
# synthetic mouse-V1 recordings, and write the checkpoint, held-out R² and a tuning-curve comparison page to out/v1-fit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
./neurornn info
./neurornn fit --data data/v1-gratings.npz --units 200 --out out/v1-fit "$@"
