using System.Globalization;
using System.Text.Json;
using NeuroRnn.Checkpoints;
using NeuroRnn.Training;

namespace NeuroRnn.Sweeps.Jobs;

/// <summary>What the built-in jobs share: checkpoint-interval arithmetic, statistics files and log lines.</summary>
internal static class JobTraining
{
    /// <summary>
    /// Iterations of the next training call from <paramref name="iteration"/>: up to the next multiple of
    /// <paramref name="every"/> (so that an attempt resumed mid-interval checkpoints at the same iterations as an
    /// uninterrupted one) and never past <paramref name="total"/>.
    /// </summary>
    public static int NextChunk(int iteration, int every, int total) => Math.Min(every - iteration % every, total - iteration);

    public static void WriteStatistics(string path, IReadOnlyList<IterationStatistics> statistics) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(statistics, CheckpointJson.Options));

    public static string Line(IterationStatistics s) => string.Create(CultureInfo.InvariantCulture,
        $"iteration {s.Iteration + 1}: loss {s.LossAfter:E4}{(s.Validation is { } v ? $"  validation {v:0.0000}" : "")}  {s.Seconds:0.00} s{(s.Accepted ? "" : "  (rejected)")}");

    /// <summary>The scalar or NaN for a non-finite value (metrics tables keep NaN as "no value").</summary>
    public static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;
}
