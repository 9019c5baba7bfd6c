namespace NeuroRnn.Sweeps;

/// <summary>
/// How the Slurm runner talks to a particular cluster: partition, account, QoS, environment modules, set-up lines and
/// further <c>#SBATCH</c> directives, plus the command that runs NeuroRnn on the compute nodes. All optional: without
/// them the job script relies on the cluster's defaults.
/// </summary>
public sealed record SlurmSettings
{
    /// <summary>Partition (<c>--partition</c>); null: the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Account to charge (<c>--account</c>); null: the user's default.</summary>
    public string? Account { get; init; }

    /// <summary>Quality of service (<c>--qos</c>); null: the default.</summary>
    public string? Qos { get; init; }

    /// <summary>Environment modules loaded before the run (<c>module load …</c>), e.g. <c>["dotnet/10.0", "intel-mkl"]</c>.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>Further shell lines run before the run (e.g. <c>export DOTNET_ROOT=$HOME/.dotnet</c>).</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>Further <c>#SBATCH</c> options, each as typed on the command line (e.g. <c>--constraint=avx512</c>).</summary>
    public IReadOnlyList<string> Directives { get; init; } = [];

    /// <summary>
    /// The command that runs the NeuroRnn tool on the compute nodes (e.g. <c>neurornn</c> when installed as a .NET tool, or
    /// <c>dotnet /shared/neurornn/NeuroRnn.Cli.dll</c>); null: the tool that submits the sweep.
    /// </summary>
    public string? Command { get; init; }

    /// <summary>At most this many array tasks at once (<c>--array=…%N</c>); null: no limit.</summary>
    public int? MaxConcurrent { get; init; }

    internal void Validate()
    {
        if (MaxConcurrent is < 1) throw new SweepSpecException("slurm.max_concurrent", $"must be ≥ 1, got {MaxConcurrent}");
        foreach (var (name, value) in new[] { ("slurm.partition", Partition), ("slurm.account", Account), ("slurm.qos", Qos) })
            if (value is not null && (value.Length == 0 || value.Any(char.IsWhiteSpace)))
                throw new SweepSpecException(name, $"must be a non-empty name without spaces, got \"{value}\"");
        for (int i = 0; i < Directives.Count; i++)
            if (!Directives[i].StartsWith('-') || Directives[i].Contains('\n'))
                throw new SweepSpecException($"slurm.directives[{i}]", $"must be one sbatch option starting with '-', got \"{Directives[i]}\"");
        for (int i = 0; i < Modules.Count; i++)
            if (string.IsNullOrWhiteSpace(Modules[i]) || Modules[i].Contains('\n'))
                throw new SweepSpecException($"slurm.modules[{i}]", $"must be a module name, got \"{Modules[i]}\"");
        if (Command is { Length: 0 }) throw new SweepSpecException("slurm.command", "is empty");
    }
}
