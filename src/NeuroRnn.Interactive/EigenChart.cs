using NeuroRnn.Charts;
using NeuroRnn.Dynamics;

namespace NeuroRnn.Interactive;

/// <summary>Spectra of linearised dynamics (<see cref="Linearization"/>).</summary>
public static class EigenChart
{
    /// <summary>
    /// The continuous-time eigenvalues of each linearisation (e.g. at a slow point of each context) in the complex plane,
    /// with the imaginary axis as the stability boundary.
    /// </summary>
    /// <exception cref="ArgumentException">No linearisation, or the counts of linearisations and names differ.</exception>
    public static Figure Spectra(IReadOnlyList<Linearization> linearizations, IReadOnlyList<string> names, string title = "Eigenvalues of the linearised dynamics")
    {
        Check(linearizations, names);
        return NeuroCharts.EigenvalueSpectra(linearizations.Select(l => (IReadOnlyList<System.Numerics.Complex>)l.Eigenvalues).ToArray(),
            new EigenvalueSpectraOptions { Title = title, Names = names, Dynamics = DynamicsKind.ContinuousTime });
    }

    /// <summary>
    /// The time constants τ = −1/Re λ of each linearisation's modes, slowest first, on a log axis (in the units of the
    /// model's τ: ms for the shipped tasks) — an approximate line attractor shows one mode far slower than the rest.
    /// </summary>
    /// <exception cref="ArgumentException">No linearisation, or the counts of linearisations and names differ.</exception>
    public static Figure TimeConstants(IReadOnlyList<Linearization> linearizations, IReadOnlyList<string> names, string timeUnit = "ms",
        string title = "Time constants of the modes")
    {
        Check(linearizations, names);
        return NeuroCharts.TimeConstants(linearizations.Select(l => (IReadOnlyList<System.Numerics.Complex>)l.Eigenvalues).ToArray(),
            new EigenvalueSpectraOptions { Title = title, Names = names, TimeUnit = timeUnit });
    }

    private static void Check(IReadOnlyList<Linearization> linearizations, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(linearizations);
        ArgumentNullException.ThrowIfNull(names);
        if (linearizations.Count == 0) throw new ArgumentException("linearizations is empty.", nameof(linearizations));
        if (names.Count != linearizations.Count)
            throw new ArgumentException($"names has {names.Count} entries for {linearizations.Count} linearisations.", nameof(names));
    }
}
