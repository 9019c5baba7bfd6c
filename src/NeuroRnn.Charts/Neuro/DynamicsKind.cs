namespace NeuroRnn.Charts;

/// <summary>Whether eigenvalues belong to a discrete-time map or a continuous-time system, which sets the stability boundary.</summary>
public enum DynamicsKind
{
    /// <summary>x_{t+1} = f(x_t): stable inside the unit circle |λ| &lt; 1.</summary>
    DiscreteTime,

    /// <summary>dx/dt = f(x): stable left of the imaginary axis, Re λ &lt; 0.</summary>
    ContinuousTime,
}
