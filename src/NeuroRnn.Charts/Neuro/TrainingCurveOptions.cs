namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.TrainingCurves"/>.</summary>
public sealed record TrainingCurveOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Training";

    /// <summary>Run names for the legend (default "run 0", …).</summary>
    public IReadOnlyList<string>? RunNames { get; init; }

    /// <summary>lambda[run][iteration]: the damping λ of Hessian-free runs, drawn dotted on a right-hand log axis; null = none.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Lambda { get; init; }

    /// <summary>x axis title.</summary>
    public string IterationTitle { get; init; } = "iteration";

    /// <summary>Loss axis title.</summary>
    public string LossTitle { get; init; } = "loss";

    /// <summary>λ axis title.</summary>
    public string LambdaTitle { get; init; } = "λ (damping)";

    /// <summary>Loss on a log axis (default true). Non-positive losses are not drawn on a log axis.</summary>
    public bool LogLoss { get; init; } = true;

    /// <summary>Number of the first iteration (default 0).</summary>
    public int FirstIteration { get; init; }
}
