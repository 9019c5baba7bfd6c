namespace NeuroRnn.Sweeps;

/// <summary>What a finished (or cancelled) job reports.</summary>
/// <param name="Metrics">Named scalar results (e.g. <c>r2_heldout</c>, <c>test_accuracy</c>); they become table columns.</param>
/// <param name="Iterations">Training iterations completed in total (across resumes).</param>
/// <param name="Cancelled">True when the job stopped on cancellation; its checkpoint lets a later attempt continue.</param>
public sealed record SweepJobOutcome(IReadOnlyDictionary<string, double> Metrics, int Iterations, bool Cancelled = false);
