namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// A real single-node Slurm cluster for the sweep tests, started by the fixture itself (CI runs no services):
/// <c>scripts/slurm-local.sh start</c> writes the configuration and starts munged, slurmctld and slurmd. If that is not
/// possible (no root, slurm-wlm or munge missing) the tests fail with the script's output — never skip.
/// </summary>
public sealed class SlurmCluster
{
    public SlurmCluster()
    {
        string script = Path.Combine(CliRunner.RepositoryRoot, "scripts", "slurm-local.sh");
        var result = Shell.Run("bash", [script, "start"], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Cannot start the local Slurm cluster (`{script} start` exited with {result.ExitCode}); the sweep tests need it. Install slurm-wlm and munge (scripts/setup.sh --tests) and run as root.\n{result.Output}\n{result.Error}");
        Log = result.Output;
    }

    public string Log { get; }
}
