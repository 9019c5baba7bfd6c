namespace NeuroRnn.Analysis;

/// <summary>How <see cref="PsychometricFitter"/> resamples the data for its confidence intervals.</summary>
public enum PsychometricBootstrap
{
    /// <summary>Choice counts drawn from the fitted function: k* ~ Binomial(n, P̂(x)).</summary>
    Parametric,
    /// <summary>Choice counts drawn from the observed proportions: k* ~ Binomial(n, k/n) (resampling trials within each level).</summary>
    NonParametric,
}
