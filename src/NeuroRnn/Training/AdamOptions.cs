namespace NeuroRnn.Training;

/// <summary>Hyperparameters of <see cref="AdamTrainer"/> (Kingma &amp; Ba 2015) with gradient-norm clipping.</summary>
public sealed record AdamOptions
{
    /// <summary>Step size.</summary>
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; init; } = 0.9;
    /// <summary>Decay of the second-moment estimate.</summary>
    public double Beta2 { get; init; } = 0.999;
    /// <summary>Added to √v̂ to avoid division by zero.</summary>
    public double Epsilon { get; init; } = 1e-8;
    /// <summary>Gradients whose norm exceeds this are rescaled to it (BPTT's exploding gradients); +∞ disables clipping.</summary>
    public double GradientClipNorm { get; init; } = 1.0;
    /// <summary>Trials per step, for callers that build the data (CLI, benchmarks).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"AdamOptions.LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"AdamOptions.Beta1 must be in [0, 1), got {Beta1}.", nameof(Beta1));
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentException($"AdamOptions.Beta2 must be in [0, 1), got {Beta2}.", nameof(Beta2));
        if (!(Epsilon > 0)) throw new ArgumentException($"AdamOptions.Epsilon must be positive, got {Epsilon}.", nameof(Epsilon));
        if (!(GradientClipNorm > 0)) throw new ArgumentException($"AdamOptions.GradientClipNorm must be positive (+∞ for none), got {GradientClipNorm}.", nameof(GradientClipNorm));
        if (BatchSize < 1) throw new ArgumentException($"AdamOptions.BatchSize must be ≥ 1, got {BatchSize}.", nameof(BatchSize));
    }
}
