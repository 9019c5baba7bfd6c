namespace NeuroRnn.Sweeps;

/// <summary>A Slurm command (sbatch, squeue, scancel) is missing or failed; the message names it.</summary>
public sealed class SlurmUnavailableException : InvalidOperationException
{
    /// <summary>Creates the error for <paramref name="command"/>.</summary>
    public SlurmUnavailableException(string command, string message) : base(message) => Command = command;

    /// <summary>The command (e.g. <c>sbatch</c>).</summary>
    public string Command { get; }
}
