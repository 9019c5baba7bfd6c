namespace NeuroRnn.Models;

/// <summary>The rate function r = f(x) of the hidden units. All are monotone non-decreasing, so f′ ≥ 0.</summary>
public enum Nonlinearity
{
    /// <summary>r = tanh(x); f′ = 1 − r².</summary>
    Tanh,
    /// <summary>r = max(0, x); f′ = 1 for x &gt; 0, else 0.</summary>
    Relu,
    /// <summary>r = ln(1 + eˣ); f′ = 1/(1 + e⁻ˣ).</summary>
    Softplus,
    /// <summary>r = max(0, tanh(x)); f′ = 1 − r² for x &gt; 0, else 0.</summary>
    RectifiedTanh,
    /// <summary>r = 1/(1 + e⁻ˣ); f′ = r(1 − r).</summary>
    Sigmoid,
    /// <summary>
    /// r = R·tanh(softplus(x)/R) with R = <see cref="NonlinearityFunctions.SaturatingSoftplusCeiling"/>: softplus near threshold,
    /// saturating at R instead of growing without bound; f′ = (1 − (r/R)²)/(1 + e⁻ˣ). Real neurons have a maximum rate, so a
    /// perturbed network that would run away to infinity under softplus rises to R here.
    /// </summary>
    SaturatingSoftplus,
}
