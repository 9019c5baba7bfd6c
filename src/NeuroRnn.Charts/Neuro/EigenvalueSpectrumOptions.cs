namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.EigenvalueSpectrum(IReadOnlyList{System.Numerics.Complex}, EigenvalueSpectrumOptions?)"/>.</summary>
public sealed record EigenvalueSpectrumOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Eigenvalue spectrum";

    /// <summary>Which stability boundary is drawn: the unit circle (default) or the line Re = 0.</summary>
    public DynamicsKind Dynamics { get; init; } = DynamicsKind.DiscreteTime;

    /// <summary>Legend name of the eigenvalues.</summary>
    public string Name { get; init; } = "eigenvalues";

    /// <summary>Marker size in px.</summary>
    public double MarkerSize { get; init; } = 7;
}
