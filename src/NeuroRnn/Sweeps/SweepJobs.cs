using System.Collections.Concurrent;
using NeuroRnn.Sweeps.Jobs;

namespace NeuroRnn.Sweeps;

/// <summary>
/// The job kinds specs can name: <c>fit-recording</c> (<see cref="RecordingFitJob"/>), <c>train-task</c>
/// (<see cref="TaskTrainingJob"/>) and any a lab registers. A registered kind exists in the process that registered it:
/// the local runner (in that process) can run it; Slurm array tasks run <c>neurornn sweep run-one</c>, which knows the
/// built-in kinds.
/// </summary>
public static class SweepJobs
{
    private static readonly ConcurrentDictionary<string, ISweepJob> Kinds = new(StringComparer.Ordinal)
    {
        [RecordingFitJob.KindName] = new RecordingFitJob(),
        [TaskTrainingJob.KindName] = new TaskTrainingJob(),
    };

    /// <summary>Names of the known kinds, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Kinds.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ISweepJob? TryFind(string name) => name is not null && Kinds.TryGetValue(name, out var job) ? job : null;

    /// <summary>Adds (or replaces) a kind.</summary>
    /// <exception cref="ArgumentException">The name is empty or has spaces, or a parameter is named "seed" or twice.</exception>
    public static void Register(ISweepJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (string.IsNullOrWhiteSpace(job.Name) || job.Name.Any(char.IsWhiteSpace))
            throw new ArgumentException($"A job kind's name must be non-empty without spaces, got \"{job.Name}\".", nameof(job));
        var names = job.Parameters.Select(p => p.Name).ToArray();
        if (names.Contains("seed")) throw new ArgumentException($"Job kind \"{job.Name}\" declares a parameter \"seed\"; seeds come from the spec's \"seeds\".", nameof(job));
        if (names.Distinct().Count() != names.Length) throw new ArgumentException($"Job kind \"{job.Name}\" declares a parameter twice.", nameof(job));
        Kinds[job.Name] = job;
    }
}
