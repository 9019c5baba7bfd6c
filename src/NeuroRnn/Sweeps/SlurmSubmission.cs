namespace NeuroRnn.Sweeps;

/// <summary>One <c>sbatch --array</c> submission of a sweep: the array job id and the run indices it covers.</summary>
/// <param name="JobId">Slurm's array job id.</param>
/// <param name="Indices">Run indices (= array task ids) submitted.</param>
/// <param name="SubmittedUtc">When.</param>
/// <param name="Script">Path of the job script submitted.</param>
public sealed record SlurmSubmission(string JobId, IReadOnlyList<int> Indices, DateTime SubmittedUtc, string Script);
