namespace NeuroRnn.Models;

/// <summary>Scalar evaluation of the rate functions and their derivatives (for analyses such as fixed-point Jacobians).</summary>
public static class NonlinearityFunctions
{
    /// <summary>
    /// The ceiling R of <see cref="Nonlinearity.SaturatingSoftplus"/>, in the same units as the other rate functions. Recording
    /// fits scale each unit's recorded peak (of its condition averages) to 2 for this function, as for softplus, so R = 6 lets a
    /// unit fire up to 3 × its recorded peak: headroom for a perturbation to drive it well above anything seen, with a finite
    /// maximum (at the recorded peak the tanh compresses softplus by 3.5 %).
    /// </summary>
    public const double SaturatingSoftplusCeiling = 6;

    /// <summary>r = f(x).</summary>
    public static double Apply(Nonlinearity nonlinearity, double x) => nonlinearity switch
    {
        Nonlinearity.Tanh => Math.Tanh(x),
        Nonlinearity.Relu => Math.Max(0, x),
        Nonlinearity.Softplus => RateKernels.Softplus(x),
        Nonlinearity.RectifiedTanh => Math.Max(0, Math.Tanh(x)),
        Nonlinearity.Sigmoid => 1 / (1 + Math.Exp(-x)),
        Nonlinearity.SaturatingSoftplus => SaturatingSoftplusCeiling * Math.Tanh(RateKernels.Softplus(x) / SaturatingSoftplusCeiling),
        _ => throw new ArgumentException($"Unknown nonlinearity {(int)nonlinearity}.", nameof(nonlinearity)),
    };

    /// <summary>f′(x) (0 at the kink of ReLU and rectified tanh, matching the simulation).</summary>
    public static double Derivative(Nonlinearity nonlinearity, double x)
    {
        switch (nonlinearity)
        {
            case Nonlinearity.Tanh: { double r = Math.Tanh(x); return 1 - r * r; }
            case Nonlinearity.Relu: return x > 0 ? 1 : 0;
            case Nonlinearity.Softplus: return 1 / (1 + Math.Exp(-x));
            case Nonlinearity.RectifiedTanh: { double r = Math.Tanh(x); return x > 0 ? 1 - r * r : 0; }
            case Nonlinearity.Sigmoid: { double s = 1 / (1 + Math.Exp(-x)); return s * (1 - s); }
            case Nonlinearity.SaturatingSoftplus:
                { double t = Math.Tanh(RateKernels.Softplus(x) / SaturatingSoftplusCeiling); return (1 - t * t) / (1 + Math.Exp(-x)); }
            default: throw new ArgumentException($"Unknown nonlinearity {(int)nonlinearity}.", nameof(nonlinearity));
        }
    }
}
