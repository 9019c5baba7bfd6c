using System.Diagnostics;
using System.Globalization;
using System.Text;
using NeuroRnn.Data;
using NeuroRnn.Data.Hdf5;
using PureHDF;

namespace NeuroRnn.Bench;

/// <summary>
/// NWB and MAT v7.3 rows of the readers benchmark: h5py-written files (make_hdf5_bench_files.py) read by NeuroRnn's
/// PureHDF-based readers and by h5py in the same run on the same machine. Each read runs in its own child process so that
/// its peak resident memory (VmHWM / ru_maxrss) is its own; the process baseline (runtime, no read) is reported beside it.
/// </summary>
internal static partial class ReadersSuite
{
    private sealed record Hdf5Case(string Name, string File, string ObjectPath, string? FrontDoorData);

    private sealed record ChildResult(double Seconds, double PeakMiB, long Elements, double Checksum);

    /// <summary>The child mode: <c>hdf5-child raw FILE PATH</c>, <c>hdf5-child recording FILE DATA</c> or <c>hdf5-child noop</c>.</summary>
    public static int Hdf5Child(string[] args)
    {
        var watch = Stopwatch.StartNew();
        long elements = 0;
        double checksum = 0;
        switch (args[0])
        {
            case "raw":
            {
                using var h5 = Hdf5Source.Open(args[1]);
                var dataset = (IH5Dataset)h5.TryGet(args[2].TrimStart('/'))!;
                var values = h5.ReadDoubles(dataset, args[2]);
                elements = values.Length;
                foreach (double v in values) checksum += v;
                break;
            }
            case "recording":
            {
                var recording = Recording.Read(args[1], new RecordingReadOptions { Data = args.Length > 2 && args[2] != "-" ? args[2] : null });
                elements = recording.Data.Length;
                foreach (double v in recording.Data) checksum += v;
                break;
            }
        }
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:R} {PeakKiB()} {elements} {checksum:R}"));
        return 0;
    }

    private static long PeakKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal));
        return long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Hdf5Section(string dir, int mb, int runs)
    {
        string script = Path.Combine(BenchResults.RepositoryRoot(), "bench", "NeuroRnn.Bench", "make_hdf5_bench_files.py");
        string folder = Path.Combine(dir, $"neurornn-hdf5-bench-{Environment.ProcessId}");
        try
        {
            Console.Error.WriteLine($"writing the HDF5 files with h5py ({mb} MB each) into {folder}…");
            RunProcess("/usr/bin/python3", script, "make", folder, mb.ToString(CultureInfo.InvariantCulture));
            var cases = new[]
            {
                new Hdf5Case("NWB /units/spike_times (float64, gzip-4 chunks)", Path.Combine(folder, "bench.nwb"), "/units/spike_times", null),
                new Hdf5Case("NWB /acquisition/ephys/data (int16, 16 channels, chunked)", Path.Combine(folder, "bench.nwb"), "/acquisition/ephys/data", null),
                new Hdf5Case("MAT v7.3 'data' (float64 200×T×100, contiguous)", Path.Combine(folder, "bench73.mat"), "/data", "data"),
            };
            string self = Environment.ProcessPath!;
            string dll = typeof(ReadersSuite).Assembly.Location;
            string[] Child(params string[] a) => self.EndsWith("dotnet", StringComparison.Ordinal) ? [dll, "hdf5-child", .. a] : ["hdf5-child", .. a];
            var baseline = ParseChild(RunProcess(self, Child("noop")));
            var ci = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.AppendLine();
            sb.AppendLine(ci, $"## NWB and MAT v7.3 (HDF5) next to h5py");
            sb.AppendLine();
            sb.AppendLine(ci, $"Files written by h5py {H5pyVersion()} (`make_hdf5_bench_files.py`, about {mb} MB of data per file), read in the same run by");
            sb.AppendLine("NeuroRnn (PureHDF 2.2.0, managed; every dataset converted to float64) and by h5py (numpy array of the stored type), each read");
            sb.AppendLine(ci, $"in a fresh child process; median of {runs} runs, page cache warm after the first. MB/s = stored element bytes / s.");
            sb.AppendLine(ci, $"Peak memory = the child's peak resident set (VmHWM), including the runtime: a .NET child that reads nothing peaks at {baseline.PeakMiB:0} MiB.");
            sb.AppendLine("Checksums (sum of all values) of NeuroRnn's and h5py's reads agree in every row.");
            sb.AppendLine();
            sb.AppendLine("| dataset | stored MB | reader | median s | MB/s | peak MiB |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var c in cases)
            {
                var neurornn = new List<ChildResult>();
                var h5py = new List<ChildResult>();
                var frontDoor = new List<ChildResult>();
                for (int run = 0; run < runs; run++)
                {
                    neurornn.Add(ParseChild(RunProcess(self, Child("raw", c.File, c.ObjectPath))));
                    h5py.Add(ParseChild(RunProcess("/usr/bin/python3", script, "read", c.File, c.ObjectPath)));
                    if (c.FrontDoorData is { } data) frontDoor.Add(ParseChild(RunProcess(self, Child("recording", c.File, data))));
                }
                if (neurornn[0].Elements != h5py[0].Elements || Math.Abs(neurornn[0].Checksum - h5py[0].Checksum) > 1e-9 * Math.Max(1, Math.Abs(h5py[0].Checksum)))
                    throw new InvalidOperationException($"{c.Name}: NeuroRnn read {neurornn[0].Elements} values (sum {neurornn[0].Checksum}) but h5py {h5py[0].Elements} (sum {h5py[0].Checksum}).");
                int elementBytes = c.ObjectPath.EndsWith("ephys/data", StringComparison.Ordinal) ? 2 : 8;
                double storedMb = neurornn[0].Elements * (double)elementBytes / 1e6;
                void Row(string reader, List<ChildResult> r)
                {
                    double s = r.Select(x => x.Seconds).Order().ElementAt(r.Count / 2);
                    sb.AppendLine(ci, $"| {c.Name} | {storedMb:0} | {reader} | {s:0.000} | {storedMb / s:0} | {r.Max(x => x.PeakMiB):0} |");
                }
                Row("NeuroRnn `Hdf5Source.ReadDoubles`", neurornn);
                Row("h5py `f[path][...]`", h5py);
                if (frontDoor.Count > 0) Row("NeuroRnn `Recording.Read` (whole recording)", frontDoor);
            }
            return sb.ToString();
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static ChildResult ParseChild(string output)
    {
        var parts = output.Trim().Split('\n')[^1].Split(' ');
        return new ChildResult(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture) / 1024.0,
            long.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string H5pyVersion()
    {
        try { return RunProcess("/usr/bin/python3", "-c", "import h5py; print(h5py.__version__)").Trim(); }
        catch (InvalidOperationException) { return "(unknown)"; }
    }

    private static string RunProcess(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
