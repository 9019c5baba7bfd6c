namespace NeuroRnn.Networks;

/// <summary>Which optimizer <see cref="TaskTraining.Train"/> uses.</summary>
public enum TaskOptimizer
{
    /// <summary>Hessian-free optimization (Martens &amp; Sutskever 2011) with <see cref="TaskTrainingOptions.HessianFree"/>.</summary>
    HessianFree,

    /// <summary>Adam with gradient clipping, with <see cref="TaskTrainingOptions.Adam"/>.</summary>
    Adam,
}
