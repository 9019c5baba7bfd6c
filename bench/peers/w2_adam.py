#!/usr/bin/env python3
"""W2 "v1-fit-200" (see /work/wt/shared/references/benchmarks.md) trained with PyTorch's Adam, full batch, until the
training MSE is below a target or a wall-time cap per learning rate is spent.

A benchmark peer for NeuroRnn's Hessian-free optimizer (issue 17, item 3b), run by
`dotnet run -c Release --project bench/NeuroRnn.Bench -- hf w2-time-to-mse`, which writes the batch (float64,
time-major: inputs[t, b, i], targets[t, b, unit]) to --data and reads the JSON this script prints. PyTorch is only a
peer here, never a dependency of NeuroRnn.

Model (benchmarks.md): x_0 = 0, x_{t+1} = (1 - a) x_t + a (W tanh(x_t) + W_in u_t + b), a = 0.1; the N network units
are the recorded units: r_t = tanh(x_{t+1}) is compared with targets[t]; init W ~ N(0, 1/N), W_in ~ N(0, 1/3), b = 0.
"""
import argparse
import json
import os
import resource
import sys
import time

import math
import torch


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read(path, shape):
    """Little-endian float64 values written by the bench (no numpy: Debian's python3-torch does not pull it in)."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    return torch.frombuffer(data, dtype=torch.float64).reshape(shape).clone()


def run(lr, inputs, targets, args):
    torch.manual_seed(1)
    n, i = args.units, args.inputs
    w = (torch.randn(n, n, dtype=args.dtype) / math.sqrt(n)).requires_grad_()
    w_in = (torch.randn(n, i, dtype=args.dtype) / math.sqrt(i)).requires_grad_()
    b = torch.zeros(n, dtype=args.dtype, requires_grad=True)
    optimizer = torch.optim.Adam([w, w_in, b], lr=lr)
    a = 0.1
    start_wall, start_cpu = time.perf_counter(), cpu_seconds()
    # The input drive of all steps at once (it does not depend on the state), as NeuroRnn batches it.
    steps, mse, reached, stop = 0, float("nan"), False, "wall-time cap"
    best = float("inf")
    while True:
        optimizer.zero_grad()
        drive = inputs @ w_in.T + b  # (T, B, N)
        x = torch.zeros(args.trials, n, dtype=args.dtype)
        outputs = []
        for t in range(args.steps):
            x = (1 - a) * x + a * (torch.tanh(x) @ w.T + drive[t])
            outputs.append(torch.tanh(x))
        loss = torch.mean((torch.stack(outputs) - targets) ** 2)
        mse = loss.item()
        best = min(best, mse)
        if mse < args.target:
            reached, stop = True, "target reached"
            break
        if not math.isfinite(mse):
            stop = "diverged"
            break
        if time.perf_counter() - start_wall > args.seconds:
            break
        loss.backward()
        optimizer.step()
        steps += 1
    return {
        "lr": lr, "reached": reached, "steps": steps, "wallSeconds": time.perf_counter() - start_wall,
        "cpuSeconds": cpu_seconds() - start_cpu, "finalMse": mse, "bestMse": best, "stop": stop,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", required=True)
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--trials", type=int, required=True)
    p.add_argument("--inputs", type=int, required=True)
    p.add_argument("--units", type=int, required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=120)
    p.add_argument("--target", type=float, default=1e-3)
    p.add_argument("--lrs", default="0.003,0.01,0.03")
    p.add_argument("--precision", choices=["float32", "float64"], default="float32",
                   help="float32 (default) is PyTorch's faster CPU path")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    args.dtype = torch.float32 if args.precision == "float32" else torch.float64
    shape_in = (args.steps, args.trials, args.inputs)
    shape_out = (args.steps, args.trials, args.units)
    inputs = read(os.path.join(args.data, "inputs.f64"), shape_in).to(args.dtype)
    targets = read(os.path.join(args.data, "targets.f64"), shape_out).to(args.dtype)
    runs = []
    for lr in (float(x) for x in args.lrs.split(",")):
        r = run(lr, inputs, targets, args)
        print(f"   Adam lr {lr}: {r['stop']} after {r['steps']} steps, {r['wallSeconds']:.1f} s, MSE {r['finalMse']:.3e}", file=sys.stderr)
        runs.append(r)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "secondsPerLearningRate": args.seconds,
                      "precision": args.precision, "runs": runs}))


if __name__ == "__main__":
    main()
