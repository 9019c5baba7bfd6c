namespace NeuroRnn.Models;

/// <summary>Scalar evaluation of the rate functions and their derivatives (for analyses such as fixed-point Jacobians).</summary>
public static class NonlinearityFunctions
{
    /// <summary>r = f(x).</summary>
    public static double Apply(Nonlinearity nonlinearity, double x) => nonlinearity switch
    {
        Nonlinearity.Tanh => Math.Tanh(x),
        Nonlinearity.Relu => Math.Max(0, x),
        Nonlinearity.Softplus => RateKernels.Softplus(x),
        Nonlinearity.RectifiedTanh => Math.Max(0, Math.Tanh(x)),
        Nonlinearity.Sigmoid => 1 / (1 + Math.Exp(-x)),
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
            default: throw new ArgumentException($"Unknown nonlinearity {(int)nonlinearity}.", nameof(nonlinearity));
        }
    }
}
