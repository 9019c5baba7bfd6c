namespace NeuroRnn.Training.Force;

/// <summary>
/// Settings of <see cref="FullForceTrainer"/> (DePasquale et al. 2018): a target-generating network (same size, random
/// J^D with gain <see cref="TargetGain"/>, driven by the task input and by u_out·f_out of the desired output and
/// u_hint·f_hint of the hints) supplies each unit's target recurrent input; recursive least squares trains the learner's
/// J so that J r matches it, and its read-out to the desired output.
/// </summary>
public sealed record FullForceOptions
{
    /// <summary>α of P(0) = I/α: the L2 penalty on the change of the recurrent and read-out weights. Default 1.</summary>
    public double Regularization { get; init; } = 1.0;

    /// <summary>An RLS update every this many time steps. Default 2.</summary>
    public int UpdateInterval { get; init; } = 2;

    /// <summary>Gain g of the target-generating network's J^D ~ N(0, g²/N) (1.5: chaotic without input). Default 1.5.</summary>
    public double TargetGain { get; init; } = 1.5;

    /// <summary>Scale of u_out ~ U(−scale, scale), the desired output's drive of the target-generating network. Default 1.</summary>
    public double OutputDriveScale { get; init; } = 1.0;

    /// <summary>Standard deviation of Gaussian noise added to the initial state of every trial (both networks; drawn from the
    /// seed and the pass). Default 0: every trial starts from the model's initial state.</summary>
    public double InitialStateStd { get; init; }

    /// <summary>Present the trials of a pass in an order shuffled from the seed and the pass number. Default true.</summary>
    public bool ShuffleTrials { get; init; } = true;

    /// <summary>
    /// Start a fresh run from J = 0, as DePasquale et al. do, so that <see cref="Regularization"/> is an L2 penalty on J
    /// itself. Default false: start from the model's recurrent weights, and α penalises their change.
    /// </summary>
    public bool ZeroRecurrentWeightsAtStart { get; init; }

    /// <summary>Seed of J^D, u_out, u_hint, the trial order and the initial-state noise. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate() => RlsChecks.Common("FullForceOptions", Regularization, UpdateInterval, InitialStateStd,
        (nameof(TargetGain), TargetGain), (nameof(OutputDriveScale), OutputDriveScale));
}
