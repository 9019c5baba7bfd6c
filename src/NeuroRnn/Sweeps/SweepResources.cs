namespace NeuroRnn.Sweeps;

/// <summary>
/// What one run of a sweep needs: MKL threads (= CPUs of a Slurm array task), memory and a wall-time limit. The local
/// runner runs ⌊cores / <see cref="Threads"/>⌋ runs at once; the Slurm runner asks for these in the job script.
/// </summary>
public sealed record SweepResources
{
    /// <summary>MKL threads per run (Slurm: <c>--cpus-per-task</c>). Default 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Memory per run in MB (Slurm: <c>--mem</c>). Default 2000.</summary>
    public int MemoryMb { get; init; } = 2000;

    /// <summary>
    /// Wall-time limit per attempt of a run. Slurm: <c>--time</c>, rounded up to whole minutes (Slurm counts minutes), and
    /// the scheduler ends a task that exceeds it. The local runner stops a run at its first iteration boundary past it; the
    /// run is then interrupted and marked timed out, and the next attempt resumes its checkpoint. Default 1 h.
    /// </summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (Threads < 1) throw new SweepSpecException("resources.threads", $"must be ≥ 1, got {Threads}");
        if (MemoryMb < 1) throw new SweepSpecException("resources.memory_mb", $"must be ≥ 1, got {MemoryMb}");
        if (WallTime < TimeSpan.FromSeconds(1)) throw new SweepSpecException("resources.wall_time", $"must be at least one second, got {WallTime}");
    }
}
