namespace NeuroRnn.Training.Force;

/// <summary>
/// Settings of <see cref="ForceTrainer"/> (Sussillo &amp; Abbott 2009): recursive least squares on the read-out of a
/// chaotic network whose output is fed back through random weights u_f.
/// </summary>
public sealed record ForceOptions
{
    /// <summary>α of P(0) = I/α: the learning rate's inverse (1–100 in the paper; smaller learns faster and less stably). Default 1.</summary>
    public double Regularization { get; init; } = 1.0;

    /// <summary>An RLS update every this many time steps (2 in the paper). Default 2.</summary>
    public int UpdateInterval { get; init; } = 2;

    /// <summary>Scale of the feedback weights u_f ~ U(−scale, scale). Default 1.</summary>
    public double FeedbackScale { get; init; } = 1.0;

    /// <summary>Standard deviation of Gaussian noise added to the initial state of every trial (drawn from the seed and the
    /// pass). Default 0: every trial starts from the model's initial state.</summary>
    public double InitialStateStd { get; init; }

    /// <summary>Present the trials of a pass in an order shuffled from the seed and the pass number. Default true.</summary>
    public bool ShuffleTrials { get; init; } = true;

    /// <summary>Seed of the feedback weights, the trial order and the initial-state noise. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate() => RlsChecks.Common("ForceOptions", Regularization, UpdateInterval, InitialStateStd,
        (nameof(FeedbackScale), FeedbackScale));
}
