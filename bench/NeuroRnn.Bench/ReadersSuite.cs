using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NeuroRnn.Data.Io;
using NeuroRnn.Numerics;

namespace NeuroRnn.Bench;

/// <summary>
/// Reader throughput: a 1 GiB float32 C-order .npy file (created in /tmp, deleted afterwards) read by
/// <see cref="NpyReader"/>, compared with <c>cat file &gt; /dev/null</c> and with a bare FileStream read into a float[] (the
/// floor for any managed reader). Nothing is dropped from the page cache: cat runs first, so every measurement after it
/// reads from a warm cache when RAM allows; the first (cold) sample of each is reported separately. Medians of --runs
/// (default 5). Also times reading the shipped dataset data/v1-gratings.npz.
/// Then the NWB and MAT v7.3 rows (ReadersSuite.Hdf5.cs). Writes bench/results/readers.md. Options: --size-mb N (default 1024),
/// --hdf5-mb N (default 200), --runs N, --dir DIR (default /tmp), --out DIR.
/// </summary>
internal static partial class ReadersSuite
{
    public static int Run(string[] args)
    {
        int sizeMb = IntOption(args, "--size-mb", 1024);
        int runs = IntOption(args, "--runs", 5);
        int hdf5Mb = IntOption(args, "--hdf5-mb", 200);
        string dir = StringOption(args, "--dir", Path.GetTempPath());
        string outDir = StringOption(args, "--out", BenchResults.ResultsDirectory());
        string path = Path.Combine(dir, $"neurornn-readers-bench-{Environment.ProcessId}.npy");
        string loadBefore = Uptime();
        var started = DateTime.UtcNow;
        try
        {
            long elements = (long)sizeMb * 1024 * 1024 / sizeof(float);
            Console.Error.WriteLine($"writing {path} ({sizeMb} MiB, {elements:N0} float32)…");
            long fileBytes = WriteTestFile(path, elements);
            double mb = fileBytes / 1e6;

            var cat = new List<double>();
            var raw = new List<double>();
            var reader = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                // Interleave the three so load from other processes hits all alike.
                cat.Add(Time(() => RunCat(path)));
                raw.Add(Time(() => RawRead(path, elements)));
                reader.Add(Time(() => Verify(NpyReader.Read(path), elements)));
                GC.Collect();
                Console.Error.WriteLine($"run {run + 1}/{runs}: cat {mb / cat[^1]:0} MB/s, raw {mb / raw[^1]:0} MB/s, NpyReader {mb / reader[^1]:0} MB/s");
            }

            string dataset = Path.Combine(BenchResults.RepositoryRoot(), "data", "v1-gratings.npz");
            var datasetTimes = new List<double>();
            if (File.Exists(dataset))
                for (int run = 0; run < runs; run++) datasetTimes.Add(Time(() => RecordingNpz.Read(dataset)));

            string hdf5 = Hdf5Section(dir, hdf5Mb, Math.Min(runs, 3));
            string report = Report(sizeMb, mb, runs, cat, raw, reader, datasetTimes, dataset, loadBefore, Uptime(), started) + hdf5;
            Console.WriteLine(report);
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, "readers.md"), report);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long WriteTestFile(string path, long elements)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        NpyWriter.WriteHeader(stream, new NpyHeader(NpyElementType.Float32, false, false, new[] { checked((int)(elements / 1024)), 1024 }));
        var block = new float[1 << 20];
        for (long start = 0; start < elements; start += block.Length)
        {
            int n = (int)Math.Min(block.Length, elements - start);
            for (int i = 0; i < n; i++) block[i] = (start + i) % 1_000_003;
            stream.Write(MemoryMarshal.AsBytes(block.AsSpan(0, n)));
        }
        return stream.Length;
    }

    private static void Verify(NpyArray array, long elements)
    {
        var data = (float[])array.Data;
        if (data.LongLength != elements || data[12345] != 12345 % 1_000_003 || data[^1] != (elements - 1) % 1_000_003)
            throw new InvalidOperationException("NpyReader returned wrong data.");
    }

    private static void RawRead(string path, long elements)
    {
        var data = GC.AllocateUninitializedArray<float>(checked((int)elements)); // as NpyReader does
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = stream.Length - elements * sizeof(float);
        var bytes = MemoryMarshal.AsBytes(data.AsSpan());
        stream.ReadExactly(bytes);
    }

    private static void RunCat(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", new[] { "-c", "cat \"$0\" > /dev/null", path }) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"cat exited with {process.ExitCode}");
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Report(int sizeMb, double mb, int runs, List<double> cat, List<double> raw, List<double> reader, List<double> dataset,
        string datasetPath, string loadBefore, string loadAfter, DateTime started)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Reader performance");
        sb.AppendLine();
        sb.AppendLine(ci, $"Generated by `dotnet run -c Release --project bench/NeuroRnn.Bench -- readers` on {started:yyyy-MM-dd HH:mm} UTC.");
        sb.AppendLine();
        sb.AppendLine("## Machine");
        sb.AppendLine();
        sb.AppendLine(ci, $"- CPU: {HardwareInfo.CpuModel}, {Environment.ProcessorCount} logical cores; RAM {MemTotal()}");
        sb.AppendLine(ci, $"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version}");
        sb.AppendLine(ci, $"- `uptime` before: {loadBefore}");
        sb.AppendLine(ci, $"- `uptime` after: {loadAfter}");
        sb.AppendLine("- The machine is shared with other jobs running at the same time, so these timings are noisy.");
        sb.AppendLine();
        sb.AppendLine(ci, $"## {sizeMb} MiB float32 .npy ({mb:0} MB, shape ({sizeMb * 256}, 1024), C order)");
        sb.AppendLine();
        sb.AppendLine(ci, $"Median of {runs} interleaved runs (cat, raw read, NpyReader per run). Page cache not dropped: the first cat");
        sb.AppendLine("reads from disk (or whatever the write left cached), later runs mostly from the cache; \"first\" shows run 1.");
        sb.AppendLine();
        sb.AppendLine("| reader | median s | median MB/s | first run MB/s | vs cat |");
        sb.AppendLine("|---|---|---|---|---|");
        double catMedian = Median(cat);
        void Row(string name, List<double> t) =>
            sb.AppendLine(ci, $"| {name} | {Median(t):0.000} | {mb / Median(t):0} | {mb / t[0]:0} | {catMedian / Median(t):0.00}× |");
        Row("`cat file > /dev/null`", cat);
        Row("FileStream.ReadExactly into float[] (floor)", raw);
        Row("NpyReader.Read (header parse + read into float[])", reader);
        sb.AppendLine();
        sb.AppendLine("Both managed readers allocate a fresh 1 GiB array per run (uninitialised, so it is not zeroed first; cat only");
        sb.AppendLine("streams through a small buffer). The slow first run of each managed reader is the first touch of 1 GiB of new");
        sb.AppendLine("memory (page faults) on a machine whose CPUs are oversubscribed; later runs reuse memory the GC already holds.");
        if (dataset.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Shipped dataset");
            sb.AppendLine();
            sb.AppendLine(ci, $"`RecordingNpz.Read(\"data/v1-gratings.npz\")` ({new FileInfo(datasetPath).Length / 1024.0:0} KiB compressed, 7.2 M values, u1 counts → double frame): " +
                $"median {Median(dataset) * 1000:0} ms over {dataset.Count} runs (first {dataset[0] * 1000:0} ms, includes JIT).");
        }
        return sb.ToString();
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            return line is null ? "unknown" : $"{long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024:0.0} GiB";
        }
        catch (IOException) { return "unknown"; }
    }

    private static string Uptime()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true, UseShellExecute = false })!;
            string text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return text;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "(uptime not available)";
        }
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
    }

    internal static string StringOption(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
