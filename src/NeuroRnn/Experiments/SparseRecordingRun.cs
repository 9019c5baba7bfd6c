namespace NeuroRnn.Experiments;

/// <summary>One trained embedder of <see cref="SparseRecordingExperiment"/>: how it was trained and how it scored.</summary>
/// <param name="Optimizer">How it was trained.</param>
/// <param name="Fraction">Fraction of the circuit's units given as hints (0: outputs only).</param>
/// <param name="SampledUnits">Number of sampled units (hint channels).</param>
/// <param name="Seed">Seed of the sample and of the network.</param>
/// <param name="OutputError">Normalised output error Σ(y − f)²/Σ(f − f̄)² on the training conditions.</param>
/// <param name="HeldOutOutputError">The same on the held-out conditions.</param>
/// <param name="Svcca">SVCCA (top components) between the embedder's units and all of the circuit's units, training conditions.</param>
/// <param name="HeldOutSvcca">The same on the held-out conditions.</param>
/// <param name="TrainSeconds">Wall time of the training call (provisional on a loaded machine).</param>
/// <param name="Iterations">Iterations run (passes or optimizer steps).</param>
/// <param name="StopReason">Why training stopped (iteration budget, loss plateau, divergence).</param>
/// <param name="CpuSeconds">CPU time of the process during the training call (<see cref="Embedder.TrainCpuSeconds"/>).</param>
public sealed record SparseRecordingRun(EmbedderOptimizer Optimizer, double Fraction, int SampledUnits, int Seed,
    double OutputError, double HeldOutOutputError, double Svcca, double HeldOutSvcca, double TrainSeconds, int Iterations, string StopReason,
    double CpuSeconds);

/// <summary>Mean and spread over seeds of one (optimizer, fraction) cell of <see cref="SparseRecordingResult"/>.</summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Fraction">The sampled fraction (0: outputs only).</param>
/// <param name="SampledUnits">Number of sampled units.</param>
/// <param name="Runs">Number of seeds.</param>
/// <param name="Svcca">Mean SVCCA on the training conditions.</param>
/// <param name="SvccaStd">Its standard deviation over seeds (0 for one seed).</param>
/// <param name="HeldOutSvcca">Mean SVCCA on the held-out conditions.</param>
/// <param name="HeldOutSvccaStd">Its standard deviation over seeds.</param>
/// <param name="OutputError">Mean normalised output error on the training conditions.</param>
/// <param name="HeldOutOutputError">Mean normalised output error on the held-out conditions.</param>
/// <param name="HeldOutOutputErrorStd">Its standard deviation over seeds.</param>
/// <param name="TrainSeconds">Mean training wall time.</param>
/// <param name="Iterations">Mean iterations run.</param>
/// <param name="CpuSeconds">Mean process CPU time of the training call.</param>
/// <param name="OutputErrorStd">Standard deviation over seeds of the output error on the training conditions.</param>
public sealed record SparseRecordingSummary(EmbedderOptimizer Optimizer, double Fraction, int SampledUnits, int Runs,
    double Svcca, double SvccaStd, double HeldOutSvcca, double HeldOutSvccaStd, double OutputError, double HeldOutOutputError,
    double HeldOutOutputErrorStd, double TrainSeconds, double Iterations, double CpuSeconds, double OutputErrorStd)
{
    /// <summary>Standard error of a mean over the seeds: s.d. / √runs (NaN for one seed).</summary>
    public double StandardError(double std) => Runs > 1 ? std / Math.Sqrt(Runs) : double.NaN;
}
