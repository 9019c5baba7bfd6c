namespace NeuroRnn.Training.Force;

/// <summary>Which target the recurrent weights learn.</summary>
internal enum RlsRule
{
    /// <summary>FORCE: the output is fed back through u_f, so the recurrent rows learn from u_f·(output error).</summary>
    Force,
    /// <summary>full-FORCE: the recurrent rows learn the target-generating network's recurrent input.</summary>
    FullForce,
}

/// <summary>The settings of both rules (those of the other rule are ignored).</summary>
internal sealed record RlsSettings(double Regularization, int UpdateInterval, int Seed, bool ShuffleTrials, double InitialStateStd,
    double TargetGain = 1.5, double OutputDriveScale = 1, double FeedbackScale = 1, bool ZeroRecurrentWeights = false)
{
    public static RlsSettings Of(FullForceOptions o) =>
        new(o.Regularization, o.UpdateInterval, o.Seed, o.ShuffleTrials, o.InitialStateStd, TargetGain: o.TargetGain, OutputDriveScale: o.OutputDriveScale,
            ZeroRecurrentWeights: o.ZeroRecurrentWeightsAtStart);

    public static RlsSettings Of(ForceOptions o) =>
        new(o.Regularization, o.UpdateInterval, o.Seed, o.ShuffleTrials, o.InitialStateStd, FeedbackScale: o.FeedbackScale);
}
