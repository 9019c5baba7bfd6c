namespace NeuroRnn.Sweeps;

/// <summary>One run of a sweep: one parameter setting with one seed.</summary>
/// <param name="Index">Position in the sweep (0-based; the Slurm array task id).</param>
/// <param name="Id">Stable id derived from the kind, the spec's parameter values and the seed (not from the position).</param>
/// <param name="Setting">The parameter values the spec gives this run (grid, list entry and fixed values), sorted by name.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Folder">Absolute path of the run folder.</param>
public sealed record SweepRun(int Index, string Id, IReadOnlyDictionary<string, SweepValue> Setting, int Seed, string Folder)
{
    /// <summary>The setting without the seed as "name=value, …" (runs that differ only in seed share it).</summary>
    public string SettingKey => string.Join(", ", Setting.Select(p => $"{p.Key}={p.Value.Text}"));
}
