namespace NeuroRnn.Analysis;

/// <summary>The sigmoid F of a psychometric function P(x) = γ + (1 − γ − λ)·F(s·(x − b)).</summary>
public enum PsychometricFunction
{
    /// <summary>F(z) = 1/(1 + e⁻ᶻ): the midpoint slope of P is (1 − γ − λ)·s/4.</summary>
    Logistic,
    /// <summary>F(z) = Φ(z), the standard normal CDF (s = 1/σ): the midpoint slope of P is (1 − γ − λ)·s/√(2π).</summary>
    CumulativeGaussian,
}

/// <summary>How <see cref="PsychometricFitter"/> resamples the data for its confidence intervals.</summary>
public enum PsychometricBootstrap
{
    /// <summary>Choice counts drawn from the fitted function: k* ~ Binomial(n, P̂(x)).</summary>
    Parametric,
    /// <summary>Choice counts drawn from the observed proportions: k* ~ Binomial(n, k/n) (resampling trials within each level).</summary>
    NonParametric,
}
