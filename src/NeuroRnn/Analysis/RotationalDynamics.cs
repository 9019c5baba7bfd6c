using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="RotationalDynamics.Fit"/>.</summary>
public sealed record RotationalDynamicsOptions
{
    /// <summary>Start of the analysed window in ms (bin centres ≥ start); null = the start of the recording.</summary>
    public double? StartMs { get; init; }

    /// <summary>End of the analysed window in ms (bin centres &lt; end); null = the end of the recording.</summary>
    public double? EndMs { get; init; }

    /// <summary>Principal components the dynamics are fitted in (even, default 6 as in Churchland et al. 2012).</summary>
    public int Components { get; init; } = 6;

    /// <summary>Subtract the mean over trials at every time bin first, leaving the condition-specific part (default true, as jPCA does).</summary>
    public bool SubtractConditionMean { get; init; } = true;

    /// <summary>Soft-normalise every unit by its range + this constant first (Churchland et al. use 5 Hz); null = no normalisation (default 5).</summary>
    public double? SoftNormalization { get; init; } = 5;
}

/// <summary>How well linear dynamics, and rotational (skew-symmetric) dynamics in particular, describe the population.</summary>
/// <param name="RSquaredFull">Fraction of Σ‖dX/dt‖² explained by the best unconstrained linear fit dX/dt ≈ M X.</param>
/// <param name="RSquaredSkew">Fraction explained by the best skew-symmetric M (pure rotations).</param>
/// <param name="FrequenciesHz">Rotation frequencies of the skew-symmetric fit's planes, |Im λ| / 2π, descending (one per plane).</param>
/// <param name="Components">Principal components the fit used.</param>
/// <param name="VarianceExplained">Fraction of the (preprocessed) population variance in those components.</param>
/// <param name="PlaneProjections">Per trial, the trajectory (bins × 2) in the plane of the fastest rotation of the skew fit
/// (the first jPCA plane), for plotting.</param>
/// <param name="TimeMs">Bin centres of the window.</param>
public sealed record RotationalDynamicsResult(double RSquaredFull, double RSquaredSkew, double[] FrequenciesHz, int Components,
    double VarianceExplained, double[][,] PlaneProjections, double[] TimeMs)
{
    /// <summary>R²(skew) / R²(full): how much of what linear dynamics explain is rotation (≈ 1 for purely rotational dynamics).</summary>
    public double RotationalFraction => RSquaredSkew / RSquaredFull;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"rotational dynamics in {Components} PCs ({VarianceExplained:P0} of variance): R² skew-symmetric {RSquaredSkew:F3}, unconstrained {RSquaredFull:F3} (ratio {RotationalFraction:F2}); rotation frequencies {string.Join(", ", FrequenciesHz.Select(f => f.ToString("F2", CultureInfo.InvariantCulture)))} Hz");
}

/// <summary>
/// A jPCA-style test for rotational population dynamics (Churchland et al. 2012): project the (normalised,
/// condition-mean-subtracted) population onto its leading principal components X(t), and fit dX/dt ≈ M X by least
/// squares once with M unconstrained and once with M skew-symmetric. Rotational dynamics leave most of dX/dt explained
/// by the skew-symmetric fit. Derivatives are forward differences between consecutive bins, regressed on the midpoint
/// states; R² is 1 − SSE / Σ‖dX/dt‖² (the model has no intercept).
/// </summary>
public static class RotationalDynamics
{
    /// <summary>Fits the linear and rotational dynamics of <paramref name="recording"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid, the window holds fewer than three bins, or the
    /// recording has fewer units than components.</exception>
    public static RotationalDynamicsResult Fit(Recording recording, RotationalDynamicsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new RotationalDynamicsOptions();
        int k = options.Components;
        if (k < 2 || k % 2 != 0) throw new ArgumentException($"RotationalDynamicsOptions.Components must be even and ≥ 2, got {k}.", nameof(options));
        if (options.SoftNormalization is { } soft && (!(soft >= 0) || !double.IsFinite(soft)))
            throw new ArgumentException($"RotationalDynamicsOptions.SoftNormalization must be ≥ 0, got {soft}.", nameof(options));
        if (k > recording.UnitCount) throw new ArgumentException($"RotationalDynamicsOptions.Components = {k} exceeds the {recording.UnitCount} units.", nameof(options));
        var data = recording;
        if (options.SoftNormalization is { } c) data = data.SoftNormalizeUnits(c);
        double start = options.StartMs ?? double.NegativeInfinity, end = options.EndMs ?? double.PositiveInfinity;
        var time = recording.GetTimeMs();
        int first = Array.FindIndex(time, t => t >= start), last = Array.FindLastIndex(time, t => t < end);
        int T = first < 0 || last < first ? 0 : last - first + 1;
        if (T < 3) throw new ArgumentException($"The window [{start}, {end}) ms holds {T} bin(s); the fit needs at least three.", nameof(options));
        int U = data.UnitCount, K = data.TrialCount, full = data.TimeCount;
        var values = data.Data;
        var matrix = new double[T * K, U];
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
            {
                double mean = 0;
                if (options.SubtractConditionMean)
                {
                    for (int trial = 0; trial < K; trial++) mean += values[(u * full + first + t) * K + trial];
                    mean /= K;
                }
                for (int trial = 0; trial < K; trial++) matrix[trial * T + t, u] = values[(u * full + first + t) * K + trial] - mean;
            }
        var svd = CenteredSvd.Of(matrix, nameof(recording));
        if (svd.Rank < k) throw new ArgumentException($"The preprocessed population has rank {svd.Rank} < {k} components.", nameof(recording));
        var scores = svd.Scores(k); // (T·K) × k, column-major
        int n = T * K;
        double dtSeconds = (time[first + 1] - time[first]) / 1000.0;
        int rows = (T - 1) * K;
        var x = Matrix<double>.Build.Dense(rows, k);
        var dx = Matrix<double>.Build.Dense(rows, k);
        for (int trial = 0, row = 0; trial < K; trial++)
            for (int t = 0; t + 1 < T; t++, row++)
                for (int j = 0; j < k; j++)
                {
                    double now = scores[j * n + trial * T + t], next = scores[j * n + trial * T + t + 1];
                    x[row, j] = (now + next) / 2;
                    dx[row, j] = (next - now) / dtSeconds;
                }
        double total = dx.Enumerate().Sum(v => v * v);
        var mFullT = x.QR().Solve(dx); // dx ≈ x Mᵀ
        double r2Full = 1 - (dx - x * mFullT).Enumerate().Sum(v => v * v) / total;

        // Skew-symmetric M = Σ_{a<b} h_ab (E_ab − E_ba): (M x)_a gains h_ab x_b, (M x)_b loses h_ab x_a.
        int pairs = k * (k - 1) / 2;
        var design = Matrix<double>.Build.Dense(rows * k, pairs);
        var target = Vector<double>.Build.Dense(rows * k);
        for (int row = 0; row < rows; row++)
        {
            for (int i = 0; i < k; i++) target[row * k + i] = dx[row, i];
            for (int a = 0, p = 0; a < k; a++)
                for (int b = a + 1; b < k; b++, p++)
                {
                    design[row * k + a, p] = x[row, b];
                    design[row * k + b, p] = -x[row, a];
                }
        }
        var h = design.QR().Solve(target);
        double r2Skew = 1 - (target - design * h).Enumerate().Sum(v => v * v) / total;
        var skew = Matrix<double>.Build.Dense(k, k);
        for (int a = 0, p = 0; a < k; a++)
            for (int b = a + 1; b < k; b++, p++)
            {
                skew[a, b] = h[p];
                skew[b, a] = -h[p];
            }
        var evd = skew.Evd();
        var order = Enumerable.Range(0, k).Where(i => evd.EigenValues[i].Imaginary > 0).OrderByDescending(i => evd.EigenValues[i].Imaginary).ToArray();
        var frequencies = order.Select(i => evd.EigenValues[i].Imaginary / (2 * Math.PI)).ToArray();
        var projections = PlaneProjections(skew, scores, n, T, K, k);
        double variance = svd.CumulativeVariance(k)[^1];
        return new RotationalDynamicsResult(r2Full, r2Skew, frequencies, k, variance, projections, time[first..(last + 1)]);
    }

    /// <summary>Projects every trial onto the plane of the skew-symmetric fit's fastest rotation.</summary>
    private static double[][,] PlaneProjections(Matrix<double> skew, double[] scores, int n, int T, int K, int k)
    {
        // For a real skew-symmetric matrix, −M² is symmetric positive semi-definite with eigenvalues ω² in pairs; its top
        // eigenvectors span the fastest rotation plane. Orient the pair so that the rotation runs counter-clockwise.
        var evd = (-(skew * skew)).Evd(Symmetricity.Symmetric);
        var v1 = evd.EigenVectors.Column(k - 1);
        var v2 = skew * v1;
        double norm = v2.L2Norm();
        v2 = norm > 0 ? v2 / norm : evd.EigenVectors.Column(k - 2);
        var result = new double[K][,];
        for (int trial = 0; trial < K; trial++)
        {
            var m = new double[T, 2];
            for (int t = 0; t < T; t++)
                for (int j = 0; j < k; j++)
                {
                    double s = scores[j * n + trial * T + t];
                    m[t, 0] += s * v1[j];
                    m[t, 1] += s * v2[j];
                }
            result[trial] = m;
        }
        return result;
    }
}
