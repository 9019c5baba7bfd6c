#!/usr/bin/env python3
"""Sweep runners on this machine: one 12-run V1 fit sweep (2 network sizes x 6 seeds, small fits) run three ways --
the local runner, the Slurm runner on the single-node cluster of scripts/slurm-local.sh, and the same 12 runs one after
another by hand (`neurornn sweep run-one SPEC --index I`, one process each, as a user would type them). Writes
bench/results/sweeps.json and prints the numbers for bench/results/sweeps.md.

Usage (as root, after scripts/setup.sh --tests and a Release build): python3 bench/sweeps/bench.py
"""
import json, os, platform, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = [os.path.join(ROOT, "neurornn")]
DATA = os.path.join(ROOT, "data", "v1-gratings.npz")

SPEC = {
    "name": "bench-v1", "kind": "fit-recording",
    "fixed": {"data": DATA, "iterations": 15, "recorded_units": 20, "max_cg": 20},
    "grid": {"units": [24, 48]}, "seeds": [1, 2, 3, 4, 5, 6], "checkpoint_every": 5,
    "resources": {"threads": 1, "memory_mb": 1000, "wall_time": "00:20:00"},
}


def load():
    return os.getloadavg()


def write_spec(folder, output):
    spec = dict(SPEC, output=output)
    path = os.path.join(folder, output + ".json")
    with open(path, "w") as f:
        json.dump(spec, f, indent=1)
    return path


def run_seconds(folder):
    """Seconds each run spent inside its attempt (state.json), by run id."""
    out = {}
    runs = os.path.join(folder, "runs")
    for rid in sorted(os.listdir(runs)):
        with open(os.path.join(runs, rid, "state.json")) as f:
            st = json.load(f)
        assert st["state"] == "completed", (rid, st)
        out[rid] = st["total_seconds"]
    return out


def metrics(folder):
    out = {}
    runs = os.path.join(folder, "runs")
    for rid in sorted(os.listdir(runs)):
        with open(os.path.join(runs, rid, "summary.json")) as f:
            out[rid] = json.load(f)["metrics"]
    return out


def timed(cmd):
    t = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return time.time() - t


def summarise(mode, wall, seconds, concurrency, load_before, load_after, extra=None):
    n = len(seconds)
    busy = sum(seconds.values())
    d = {
        "mode": mode, "runs": n, "concurrency": concurrency, "wall_s": round(wall, 2),
        "mean_run_s": round(busy / n, 3),
        # Core-seconds not spent inside a run (process start-up, data loading before the run's clock, scheduling,
        # polling, idle slots), per run: (wall x concurrency - sum of in-run seconds) / n.
        "overhead_per_run_s": round((wall * concurrency - busy) / n, 3),
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
    }
    if extra:
        d.update(extra)
    return d


def main():
    subprocess.run(["bash", os.path.join(ROOT, "scripts", "slurm-local.sh"), "start"], check=True)
    folder = tempfile.mkdtemp(prefix="neurornn-sweep-bench-")
    results = []

    spec = write_spec(folder, "local")
    lb = load(); wall = timed(TOOL + ["sweep", "run", spec, "--runner", "local"]); la = load()
    local_metrics = metrics(os.path.join(folder, "local"))
    results.append(summarise("local runner (2 runs at once, in one process)", wall, run_seconds(os.path.join(folder, "local")), 2, lb, la))

    spec = write_spec(folder, "slurm")
    lb = load(); wall = timed(TOOL + ["sweep", "run", spec, "--runner", "slurm"]); la = load()
    assert metrics(os.path.join(folder, "slurm")) == local_metrics, "Slurm and local results differ"
    results.append(summarise("Slurm runner (job array, 2 tasks at once on 2 CPUs)", wall, run_seconds(os.path.join(folder, "slurm")), 2, lb, la))

    spec = write_spec(folder, "hand")
    per_process = []
    lb = load(); t0 = time.time()
    for i in range(12):
        per_process.append(round(timed(TOOL + ["sweep", "run-one", spec, "--index", str(i)]), 3))
    wall = time.time() - t0; la = load()
    assert metrics(os.path.join(folder, "hand")) == local_metrics, "hand-run and local results differ"
    results.append(summarise("one after another by hand (12 run-one processes)", wall, run_seconds(os.path.join(folder, "hand")), 1, lb, la,
                             {"process_wall_s": per_process}))

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), None)
    report = {
        "benchmark": "sweeps",
        "provisional": True,
        "note": "Small fits (20 recorded units, N = 24 or 48, 15 HF iterations, max 20 CG steps) so that start-up and "
                "scheduling overheads are visible; the machine is shared with other engineers (see load averages).",
        "spec": SPEC,
        "machine": {"cpu": cpu, "logical_cpus": os.cpu_count(), "memory_mb": mem, "os": platform.platform(),
                    "slurm": subprocess.run(["sinfo", "--version"], capture_output=True, text=True).stdout.strip()},
        "identical_metrics_across_modes": True,
        "results": results,
        "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    out = os.path.join(ROOT, "bench", "results", "sweeps.json")
    with open(out, "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
