using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Numerics;

namespace NeuroRnn.Bench;

/// <summary>
/// Where bench suites write their results and what they record about the machine. Every result carries the machine
/// description and load average because the shared 2-core machine is loaded by others: readers must be able to tell
/// which timings are provisional. One place, so every suite describes the machine the same way.
/// </summary>
internal static class BenchResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The checkout's root (the folder holding Kernel.sln), searched upward from the working directory, then from the binary.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln")))
                    return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary><c>bench/results</c> of this checkout.</summary>
    public static string ResultsDirectory() => Path.Combine(RepositoryRoot(), "bench", "results");

    /// <summary>The whole line of /proc/loadavg (1, 5, 15 min, runnable/total, last pid), or "unknown" where there is none.</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    /// <summary>CPU, logical cores, load average and UTC time, plus the .NET version.</summary>
    public static JsonObject Machine()
    {
        var machine = MachineCore();
        machine[".NET"] = Environment.Version.ToString();
        return machine;
    }

    /// <summary>CPU, logical cores, load average and UTC time, plus the numerics back-end in use.</summary>
    public static JsonObject MachineWithBackend()
    {
        var machine = MachineCore();
        machine["backend"] = NumericsBackend.Current.Description;
        return machine;
    }

    /// <summary>Writes a result document as indented JSON (creating the folder).</summary>
    public static void WriteJson(string path, JsonNode document)
    {
        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonText(document));
    }

    /// <summary>A committed result file of bench/results (e.g. "mante.json") parsed, or null when it is not there — for reports that quote another suite's results.</summary>
    public static JsonNode? ReadCommitted(string fileName)
    {
        string path = Path.Combine(ResultsDirectory(), fileName);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
    }

    /// <summary>A result document as the indented JSON <see cref="WriteJson"/> writes, for suites that write through a stream they hold locked.</summary>
    public static string JsonText(JsonNode document) => document.ToJsonString(Indented);

    private static JsonObject MachineCore() => new()
    {
        ["cpu"] = HardwareInfo.CpuModel, ["logicalCores"] = Environment.ProcessorCount, ["loadAverage"] = LoadAverage(),
        ["utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };
}
