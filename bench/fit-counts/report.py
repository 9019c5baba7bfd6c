"""Collects the fit-summary.json of each fit-counts run into one JSON and renders it as markdown."""
import json
import os
import sys

out, json_path, md_path, load = sys.argv[1:5]
runs = {}
for name in sorted(os.listdir(out)):
    summary = os.path.join(out, name, "fit-summary.json")
    if not os.path.isfile(summary):
        continue
    d = json.load(open(summary))
    s = d["settings"]
    runs[name] = {
        "data": d["data"], "data_format": d.get("data_format"), "objective": s["objective"], "readout": s["readout"],
        "validation_fraction": s["validation_fraction"], "validation_trials": s["validation_trials"],
        "iterations": d["hf_iterations"], "stop_reason": d["stop_reason"], "best_validation_iteration": d.get("best_validation_iteration"),
        "training_seconds": d["timings_s"]["training"],
        "r2_vs_truth": d["r2"].get("heldout_trial_averaged_vs_truth"), "r2_heldout": d["r2"]["heldout_trial_averaged"],
        "noise_ceiling": d["r2"]["heldout_noise_ceiling"], "r2_normalised": d["r2"]["heldout_normalised"],
        "r2_single_trial": d["r2"]["heldout_single_trial"],
        "orientation_recovery": (d.get("preferred_orientation") or {}).get("model_fraction_within_tolerance"),
    }
result = {"load_average": load.strip(), "runs": runs}
json.dump(result, open(json_path, "w"), indent=2)

def f(v, digits=3):
    return "—" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))

lines = [
    "# Fitting spike counts: squared error vs Poisson (generated from fit-counts.json)",
    "",
    "`bash bench/fit-counts/run.sh` — N = 200 rate RNNs fitted with Hessian-free to all 200 units; every run scored on the",
    "held-out trials against the generator's noise-free expected counts (R² vs truth) and against the held-out data",
    "(trial-averaged R², its noise ceiling and the noise-corrected ratio). `shipped-*`: `data/v1-gratings.npz` (seed 1);",
    "`spikes-*`: a spike-time table simulated from seed 2 (`generate-v1 --seed 2 --spike-table`) read back through the",
    "spike-table reader (−300…1200 ms, 10 ms bins). Poisson runs use the log-rate linear read-out; `-early` keeps 20 % of each",
    "condition's training trials for early stopping (patience 10) and returns the best network by validation deviance.",
    "",
    f"Timings are provisional (machine shared, `uptime`: {result['load_average']}); R² values do not depend on load.",
    "",
    "| run | loss | read-out | HF iterations | stop | R² vs truth | held-out R² | noise ceiling | noise-corrected | single-trial R² | orientation recovery | training s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
]
for name, r in runs.items():
    lines.append(f"| {name} | {r['objective']} | {r['readout']} | {r['iterations']} | {r['stop_reason']} | {f(r['r2_vs_truth'])} | {f(r['r2_heldout'])} | "
                 f"{f(r['noise_ceiling'])} | {f(r['r2_normalised'])} | {f(r['r2_single_trial'])} | {f(r['orientation_recovery'])} | {f(r['training_seconds'], 0)} |")
open(md_path, "w").write("\n".join(lines) + "\n")
