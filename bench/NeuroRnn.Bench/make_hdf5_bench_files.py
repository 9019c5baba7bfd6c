"""Writes the HDF5 files of the readers benchmark (NWB and MAT v7.3 layouts, as in the reader tests) and, given 'read',
times h5py reading one dataset of them in this process.

  /usr/bin/python3 make_hdf5_bench_files.py make DIR MB      # bench.nwb and bench73.mat, about MB megabytes of data each
  /usr/bin/python3 make_hdf5_bench_files.py read FILE PATH   # prints: seconds peak_kib element_count checksum
"""
import os
import sys
import time

import h5py
import numpy as np


def make(folder, mb):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(7)
    n_spikes = mb * 1_000_000 // 8 // 2  # half the budget: spike times (float64, gzip), half: int16 samples
    units = 400
    spikes = np.sort(rng.uniform(0, 3600, size=n_spikes))
    owner = rng.integers(0, units, size=n_spikes)
    order = np.argsort(owner, kind="stable")
    spike_times = spikes[order]
    index = np.cumsum(np.bincount(owner, minlength=units)).astype(np.uint64)
    with h5py.File(os.path.join(folder, "bench.nwb"), "w") as f:
        f.attrs["nwb_version"] = "2.7.0"
        u = f.create_group("units")
        u.attrs["neurodata_type"] = "Units"
        u.attrs["colnames"] = np.array(["spike_times"], dtype=object)
        u.create_dataset("spike_times", data=spike_times, chunks=(1 << 16,), compression="gzip", compression_opts=4)
        u.create_dataset("spike_times_index", data=index)
        u.create_dataset("id", data=np.arange(units))
        t = f.create_group("intervals/trials")
        t.attrs["neurodata_type"] = "TimeIntervals"
        starts = np.arange(1, 3590, 3.0)
        t.create_dataset("id", data=np.arange(len(starts)))
        t.create_dataset("start_time", data=starts)
        t.create_dataset("stop_time", data=starts + 1.5)
        e = f.create_group("acquisition/ephys")
        e.attrs["neurodata_type"] = "ElectricalSeries"
        channels = 16
        samples = mb * 1_000_000 // 2 // 2 // channels
        data = rng.integers(-3000, 3000, size=(samples, channels), dtype=np.int16)
        d = e.create_dataset("data", data=data, chunks=(1 << 14, channels))
        d.attrs["conversion"] = 1e-6
        s = e.create_dataset("starting_time", data=0.0)
        s.attrs["rate"] = 30000.0
    with h5py.File(os.path.join(folder, "bench73.mat"), "w", userblock_size=512) as f:
        n = mb * 1_000_000 // 8
        units, trials = 200, 100
        bins = n // (units * trials)
        x = rng.standard_normal((trials, bins, units))  # MATLAB units x time x trials, stored reversed
        d = f.create_dataset("data", data=x)
        d.attrs["MATLAB_class"] = np.bytes_("double")
        tm = f.create_dataset("time_ms", data=(np.arange(bins) * 10.0 + 5).reshape(bins, 1))
        tm.attrs["MATLAB_class"] = np.bytes_("double")
    header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Wed May 15 10:00:00 2024 HDF5 schema 1.00 ."
    with open(os.path.join(folder, "bench73.mat"), "r+b") as fh:
        fh.write(header.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02" + b"IM")


def read(path, obj):
    start = time.perf_counter()
    with h5py.File(path, "r") as f:
        values = f[obj][...]
    seconds = time.perf_counter() - start
    checksum = float(np.sum(values, dtype=np.float64))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork/exec.
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(f"{seconds} {peak} {values.size} {checksum!r}")


if sys.argv[1] == "make":
    make(sys.argv[2], int(sys.argv[3]))
else:
    read(sys.argv[2], sys.argv[3])
