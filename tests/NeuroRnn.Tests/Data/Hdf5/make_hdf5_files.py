"""Writes the HDF5 test files of NeuroRnn's NWB and MAT v7.3 readers with h5py (Debian's python3-h5py), and next to
each array the readers must return, the same values saved with numpy.save (<file>.<object path with / as .>.npy) so
that the tests compare NeuroRnn's HDF5 reading with h5py's bit for bit through an independent format.

Usage: /usr/bin/python3 make_hdf5_files.py OUTDIR
Layouts follow the NWB 2.x schema (units, electrodes, trials, TimeSeries) and MATLAB's v7.3 layout (512-byte user
block, MATLAB_class attributes, reversed dimensions, cell arrays and struct-array fields as references into #refs#).
"""
import os
import sys

import h5py
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20240515)


def expect(file, path, values):
    np.save(os.path.join(out, f"{file}.{path.strip('/').replace('/', '.')}.npy"), np.asarray(values))


def text(values):
    return np.array(values, dtype=object)


def nwb_root(f):
    f.attrs["nwb_version"] = "2.7.0"
    f.attrs["namespace"] = "core"
    f.attrs["neurodata_type"] = "NWBFile"
    f.create_dataset("identifier", data="neurornn-test")
    f.create_dataset("session_start_time", data="2024-05-15T10:00:00+00:00")


def table(group, type_name, columns):
    group.attrs["neurodata_type"] = type_name
    group.attrs["namespace"] = "core"
    group.attrs["colnames"] = text(columns)


# ---------------------------------------------------------------- full.nwb: units, electrodes, trials, series
n_units, n_trials = 5, 24
directions = np.tile(np.arange(0, 360, 45, dtype=float), 3)
starts = 2.0 + 1.5 * np.arange(n_trials)  # seconds
stops = starts + 1.0
trains = []
for u in range(n_units):
    pref = 45.0 * u
    spikes = [rng.uniform(0, starts[-1] + 2, size=30)]
    for k in range(n_trials):
        rate = 5 + 40 * np.exp(2 * (np.cos(np.deg2rad(directions[k] - pref)) - 1))
        n = rng.poisson(rate * 0.8)
        spikes.append(starts[k] + 0.1 + rng.uniform(0, 0.8, size=n))
    trains.append(np.sort(np.concatenate(spikes)))
spike_times = np.concatenate(trains)
index = np.cumsum([len(t) for t in trains]).astype(np.uint64)

with h5py.File(os.path.join(out, "full.nwb"), "w") as f:
    nwb_root(f)
    e = f.create_group("general/extracellular_ephys/electrodes")
    table(e, "DynamicTable", ["location", "group_name"])
    e.create_dataset("id", data=np.arange(8))
    e.create_dataset("location", data=text(["VISp"] * 4 + ["VISl"] * 4), dtype=h5py.string_dtype())
    e.create_dataset("group_name", data=text(["shank0"] * 4 + ["shank1"] * 4), dtype=h5py.string_dtype())
    u = f.create_group("units")
    table(u, "Units", ["spike_times", "electrodes", "quality", "depth_um"])
    u.create_dataset("spike_times", data=spike_times, chunks=(256,), compression="gzip", shuffle=True)
    u.create_dataset("spike_times_index", data=index)
    u.create_dataset("id", data=np.arange(100, 100 + n_units))
    u.create_dataset("electrodes", data=np.array([0, 1, 2, 5, 6, 7], dtype=np.int64))
    u.create_dataset("electrodes_index", data=np.array([1, 2, 3, 5, 6], dtype=np.uint64))
    u.create_dataset("quality", data=text(["good", "good", "mua", "good", "noise"]), dtype=h5py.string_dtype())
    u.create_dataset("depth_um", data=np.array([120.5, 240.0, 310.25, 400.0, 515.75], dtype=np.float32))
    t = f.create_group("intervals/trials")
    table(t, "TimeIntervals", ["start_time", "stop_time", "direction_deg", "stim_on_time"])
    t.create_dataset("id", data=np.arange(n_trials))
    t.create_dataset("start_time", data=starts)
    t.create_dataset("stop_time", data=stops)
    t.create_dataset("direction_deg", data=directions)
    t.create_dataset("stim_on_time", data=starts + 0.1)
    g = f.create_group("intervals/gratings")
    table(g, "TimeIntervals", ["start_time", "stop_time", "contrast"])
    g.create_dataset("id", data=np.arange(6))
    g.create_dataset("start_time", data=starts[:6] + 0.1)
    g.create_dataset("stop_time", data=starts[:6] + 0.9)
    g.create_dataset("contrast", data=np.array([0.1, 0.2, 0.4, 0.8, 1.0, 0.05]))
    # An ElectricalSeries of int16 samples at 1 kHz with a conversion factor, and explicit timestamps.
    lfp = f.create_group("acquisition/lfp")
    lfp.attrs["neurodata_type"] = "ElectricalSeries"
    samples = rng.integers(-2000, 2000, size=(int((starts[-1] + 2) * 1000), 3), dtype=np.int16)
    d = lfp.create_dataset("data", data=samples, chunks=(1000, 3), compression="gzip")
    d.attrs["conversion"] = 2.5e-6
    d.attrs["unit"] = "volts"
    lfp.create_dataset("timestamps", data=np.arange(samples.shape[0]) / 1000.0)
    # Processed binned counts with starting_time + rate.
    b = f.create_group("processing/ecephys/binned")
    b.attrs["neurodata_type"] = "TimeSeries"
    counts = rng.poisson(2.0, size=(400, 2)).astype(np.float64)
    b.create_dataset("data", data=counts)
    st = b.create_dataset("starting_time", data=1.0)
    st.attrs["rate"] = 100.0
    st.attrs["unit"] = "seconds"
    expect("full.nwb", "units/spike_times", spike_times)
    expect("full.nwb", "units/spike_times_index", index)
    expect("full.nwb", "units/depth_um", np.array([120.5, 240.0, 310.25, 400.0, 515.75], dtype=np.float32))
    expect("full.nwb", "intervals/trials/start_time", starts)
    expect("full.nwb", "acquisition/lfp/data", samples)
    expect("full.nwb", "processing/ecephys/binned/data", counts)

# ---------------------------------------------------------------- minimal.nwb: no trials, no electrodes table, no ids
with h5py.File(os.path.join(out, "minimal.nwb"), "w") as f:
    nwb_root(f)
    u = f.create_group("units")
    table(u, "Units", ["spike_times", "electrodes"])
    u.create_dataset("spike_times", data=np.array([0.0105, 0.5, 0.51, 1.2, 0.02, 0.9]))
    u.create_dataset("spike_times_index", data=np.array([4, 6], dtype=np.uint64))
    u.create_dataset("electrodes", data=np.array([0, 3], dtype=np.int64))

# ---------------------------------------------------------------- plain.h5: HDF5 that is not NWB
with h5py.File(os.path.join(out, "plain.h5"), "w") as f:
    f.create_dataset("something", data=np.arange(10))


# ---------------------------------------------------------------- v73.mat: MATLAB's v7.3 layout
def mclass(obj, name):
    obj.attrs["MATLAB_class"] = np.bytes_(name)
    return obj


def mat_array(parent, name, values, cls):
    """values in MATLAB's dimension order; stored reversed (C order over the reversed shape = column-major)."""
    values = np.asarray(values)
    return mclass(parent.create_dataset(name, data=values.T), cls)


def mat_char(parent, name, s):
    d = mat_array(parent, name, np.array([[ord(c) for c in s]], dtype=np.uint16), "char")
    d.attrs["MATLAB_int_decode"] = np.int32(2)
    return d


ref_counter = [0]


def ref_target(f, maker):
    name = f"r{ref_counter[0]}"
    ref_counter[0] += 1
    return maker(f["#refs#"], name).ref


U, T, K = 4, 6, 5
data = rng.poisson(3.0, size=(U, T, K)).astype(np.float64)  # MATLAB dims units x time x trials
time_ms = np.arange(T) * 20.0 + 10
with h5py.File(os.path.join(out, "v73.mat"), "w", userblock_size=512) as f:
    f.create_group("#refs#")
    mat_array(f, "data", data, "double")
    mat_array(f, "time_ms", time_ms.reshape(1, T), "double")
    # trials: scalar struct of column vectors and a cell array of strings
    tr = mclass(f.create_group("trials"), "struct")
    mat_array(tr, "direction_deg", np.array([[0.0, 90, 180, 270, 0]]), "double")
    labels = ["a", "bb", "ccc", "dd", "e"]
    cell = mclass(tr.create_dataset("label", shape=(K, 1), dtype=h5py.ref_dtype), "cell")
    for i, s in enumerate(labels):
        cell[i, 0] = ref_target(f, lambda g, n, s=s: mat_char(g, n, s))
    # units: 1 x U struct array with fields depth (double) and area (char), fields as references
    un = mclass(f.create_group("units"), "struct")
    un.attrs["MATLAB_fields"] = np.array([np.frombuffer(b"depth", dtype="S1"), np.frombuffer(b"area", dtype="S1")], dtype=h5py.vlen_dtype(np.dtype("S1")))
    depth_refs = un.create_dataset("depth", shape=(U, 1), dtype=h5py.ref_dtype)
    area_refs = un.create_dataset("area", shape=(U, 1), dtype=h5py.ref_dtype)
    for i in range(U):
        depth_refs[i, 0] = ref_target(f, lambda g, n, i=i: mat_array(g, n, np.array([[100.0 * (i + 1)]]), "double"))
        area_refs[i, 0] = ref_target(f, lambda g, n, i=i: mat_char(g, n, ["V1", "LM", "AL", "PM"][i]))
    # model: a struct with a function-handle field among readable ones
    model = mclass(f.create_group("model"), "struct")
    mat_array(model, "w", np.array([[1.0, 2.0], [3.0, 4.0]]), "double")
    fh = mclass(model.create_group("fn"), "function_handle")
    mat_char(fh, "function_handle", "@(x)x.^2")
    mat_char(model, "name", "net")
    # assorted classes
    mat_array(f, "x_int16", np.array([[-32768, 7, 32767]], dtype=np.int16), "int16")
    mat_array(f, "x_uint64", np.array([[0, 42, 123456789012]], dtype=np.uint64), "uint64")
    mat_array(f, "x_single", np.array([[1.5, -2.25, 3.0]], dtype=np.float32), "single")
    mat_array(f, "x_logical", np.array([[1, 0, 1], [0, 0, 1]], dtype=np.uint8), "logical")
    cplx = np.array([[1 + 2j, 3 - 4j]])
    ct = np.dtype([("real", "<f8"), ("imag", "<f8")])
    z = np.empty(cplx.T.shape, dtype=ct)
    z["real"], z["imag"] = cplx.T.real, cplx.T.imag
    mclass(f.create_dataset("x_complex", data=z), "double")
    e = mclass(f.create_dataset("x_empty", data=np.array([0, 0], dtype=np.uint64)), "double")
    e.attrs["MATLAB_empty"] = np.uint8(1)
    sp = mclass(f.create_group("x_sparse"), "double")
    sp.attrs["MATLAB_sparse"] = np.uint64(3)
    sp.create_dataset("data", data=np.array([5.0, -6.0]))
    sp.create_dataset("ir", data=np.array([0, 2], dtype=np.uint64))
    sp.create_dataset("jc", data=np.array([0, 0, 1, 1, 2], dtype=np.uint64))
    mat_char(f, "x_char", "hello")
    # a 2-row char matrix ['ab'; 'cd']
    d = mat_array(f, "x_char_rows", np.array([[ord("a"), ord("b")], [ord("c"), ord("d")]], dtype=np.uint16), "char")
    big = rng.standard_normal((20, 10, 3))
    mat_array(f, "big", big, "double")
    expect("v73.mat", "data", data)
    expect("v73.mat", "big", big)
header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Wed May 15 10:00:00 2024 HDF5 schema 1.00 ."
header = header.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02" + b"IM"
with open(os.path.join(out, "v73.mat"), "r+b") as fh:
    fh.write(header)
