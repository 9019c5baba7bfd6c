namespace NeuroRnn.Analysis;

/// <summary>
/// The bounded least-squares set-up that the von Mises fitters share (<see cref="VonMisesFitter"/>,
/// <see cref="DirectionVonMisesFitter"/>): the finite points in radians, a grid start over φ and κ whose amplitudes come
/// from a linear solve, Levenberg–Marquardt with κ on a log scale inside its bounds, what a κ on a bound means, and R².
/// Each fitter keeps only its model, its linear solve and what its own amplitudes on a bound mean.
/// </summary>
internal static class VonMisesFitting
{
    /// <summary>κ values of the grid start (from nearly flat to narrower than 15° sampling resolves).</summary>
    private static readonly double[] KappaGrid = { 0.1, 0.3, 0.7, 1.5, 3, 6, 12, 25 };

    /// <summary>
    /// Points whose angle and response are both finite, angles in radians.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or fewer than <paramref name="minPoints"/> finite points (<paramref name="what"/> names the fit and why it needs them).</exception>
    public static (double[] Theta, double[] R) FinitePoints(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses, int minPoints, string what)
    {
        if (anglesDeg.Length != responses.Length) throw new ArgumentException($"{anglesDeg.Length} angles but {responses.Length} responses.", nameof(responses));
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < anglesDeg.Length; i++)
            if (double.IsFinite(anglesDeg[i]) && double.IsFinite(responses[i])) { x.Add(anglesDeg[i] * Math.PI / 180); y.Add(responses[i]); }
        if (x.Count < minPoints) throw new ArgumentException($"{what} at least {minPoints} finite points, got {x.Count}.", nameof(responses));
        return (x.ToArray(), y.ToArray());
    }

    /// <summary>
    /// The grid start: every φ of <paramref name="gridPhis"/> (after <paramref name="vectorSumDeg"/>, tried first unless NaN)
    /// with every κ of the grid; <paramref name="linear"/>(κ, φ) gives the parameters with the amplitudes solved linearly
    /// (null when singular or an amplitude is negative). Returns the one of least squared error, else the mean with no
    /// peak: (mean, 0, …, 0 [log κ = 0], first φ) — baseline, <paramref name="amplitudes"/> amplitudes, log κ, φ, as
    /// <see cref="Fit"/> takes them.
    /// </summary>
    public static double[] GridStart(BoundedLeastSquares.Model model, double[] r, double vectorSumDeg, IEnumerable<double> gridPhis,
        Func<double, double, double[]?> linear, int amplitudes)
    {
        var phis = gridPhis.ToList();
        if (!double.IsNaN(vectorSumDeg)) phis.Insert(0, vectorSumDeg * Math.PI / 180);
        var start = new double[amplitudes + 3];
        start[0] = r.Average();
        start[^1] = phis[0];
        double bestSse = double.PositiveInfinity;
        foreach (double phi in phis)
            foreach (double kappa in KappaGrid)
            {
                if (linear(kappa, phi) is not { } p) continue;
                double sse = BoundedLeastSquares.Sse(model, r, p);
                if (sse < bestSse) { bestSse = sse; start = p; }
            }
        return start;
    }

    /// <summary>
    /// Bounded Levenberg–Marquardt from <paramref name="start"/>: baseline (index 0) and φ (last) free, the amplitudes
    /// (1 … <paramref name="amplitudes"/>) ≥ 0, log κ (next) inside the options' κ bounds.
    /// </summary>
    public static BoundedLeastSquares.Result Fit(BoundedLeastSquares.Model model, double[] r, double[] start, int amplitudes, VonMisesFitOptions options)
    {
        var lower = new double[amplitudes + 3];
        var upper = new double[amplitudes + 3];
        Array.Fill(upper, double.PositiveInfinity);
        lower[0] = double.NegativeInfinity;
        lower[^1] = double.NegativeInfinity;
        lower[amplitudes + 1] = Math.Log(options.MinKappa);
        upper[amplitudes + 1] = Math.Log(options.MaxKappa);
        return BoundedLeastSquares.Fit(model, r, start, lower, upper, options.MaxIterations, options.Tolerance);
    }

    /// <summary>What a κ that ended on a bound means (<paramref name="flat"/> says what the lower bound makes flat); null for an interior κ.</summary>
    public static string? KappaAtBound(BoundedLeastSquares.Result fit, int amplitudes, VonMisesFitOptions options, string flat)
    {
        int k = amplitudes + 1;
        if (!fit.AtBound[k]) return null;
        return fit.Parameters[k] <= Math.Log(options.MinKappa) + 1e-9
            ? $"Kappa at its lower bound {options.MinKappa} ({flat})"
            : $"Kappa at its upper bound {options.MaxKappa} (narrower than the angle sampling resolves)";
    }

    /// <summary>1 − SSE/SST (NaN for constant responses).</summary>
    public static double RSquared(double[] r, double sse)
    {
        double mean = r.Average(), sst = r.Sum(v => (v - mean) * (v - mean));
        return sst > 0 ? 1 - sse / sst : double.NaN;
    }
}
