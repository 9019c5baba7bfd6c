namespace NeuroRnn.Sweeps;

/// <summary>One run's state as seen now: its own state file, its lock and the scheduler's queue combined.</summary>
/// <param name="Run">The run.</param>
/// <param name="State">The combined state.</param>
/// <param name="Record">Its state file, or null before its first attempt.</param>
public sealed record SweepRunStatus(SweepRun Run, SweepRunState State, SweepRunRecord? Record)
{
    /// <summary>The run's log file.</summary>
    public string LogPath => Path.Combine(Run.Folder, SweepRunFiles.Log);

    /// <summary>The last <paramref name="lines"/> lines of the run's log (empty when there is none).</summary>
    public IReadOnlyList<string> LogTail(int lines = 20)
    {
        if (!File.Exists(LogPath)) return [];
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return all[Math.Max(0, all.Length - lines)..];
    }
}
