namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>
    /// Gaussian smoothing along time with standard deviation <paramref name="sigmaMs"/> (kernel truncated at ±4σ). Near the
    /// edges the kernel is renormalised over the bins that exist, so a constant trace stays constant and edges are not
    /// pulled towards zero. NaN values are skipped the same way. Assumes uniform bins (uses <see cref="BinWidthMs"/>).
    /// </summary>
    /// <exception cref="ArgumentException">σ is not positive and finite.</exception>
    public Recording Smooth(double sigmaMs)
    {
        if (!(sigmaMs > 0) || !double.IsFinite(sigmaMs)) throw new ArgumentException($"sigmaMs must be positive and finite, not {sigmaMs}.", nameof(sigmaMs));
        if (TimeCount < 2) return WithOwnedData((double[])data.Clone());
        double sigmaBins = sigmaMs / BinWidthMs;
        int half = (int)Math.Min(Math.Ceiling(4 * sigmaBins), TimeCount - 1);
        var kernel = new double[2 * half + 1];
        for (int i = -half; i <= half; i++) kernel[i + half] = Math.Exp(-0.5 * i * i / (sigmaBins * sigmaBins));
        var result = new double[data.Length];
        int T = TimeCount, K = TrialCount;
        for (int u = 0; u < UnitCount; u++)
        {
            for (int t = 0; t < T; t++)
            {
                int lo = Math.Max(0, t - half), hi = Math.Min(T - 1, t + half);
                for (int k = 0; k < K; k++)
                {
                    double sum = 0, weight = 0;
                    for (int s = lo; s <= hi; s++)
                    {
                        double v = data[(u * T + s) * K + k];
                        if (double.IsNaN(v)) continue;
                        double w = kernel[s - t + half];
                        sum += w * v;
                        weight += w;
                    }
                    result[(u * T + t) * K + k] = weight > 0 ? sum / weight : double.NaN;
                }
            }
        }
        return WithOwnedData(result);
    }

    /// <summary>
    /// Per-unit z-scoring: subtracts each unit's mean over all time bins and trials and divides by its standard deviation.
    /// A unit with zero variance becomes all zeros. NaN values stay NaN and are ignored in the statistics.
    /// </summary>
    public Recording ZScoreUnits() => NormalizeUnits((mean, sd, min, max) => (mean, sd > 0 ? sd : double.PositiveInfinity));

    /// <summary>
    /// Per-unit soft normalisation (Churchland et al. 2012): r / (range + <paramref name="softConstant"/>), where range is the
    /// unit's max − min over all bins and trials. <paramref name="softConstant"/> = 0 scales each unit to a range of 1.
    /// </summary>
    /// <exception cref="ArgumentException">The constant is negative or not finite.</exception>
    public Recording SoftNormalizeUnits(double softConstant = 5)
    {
        if (!(softConstant >= 0) || !double.IsFinite(softConstant)) throw new ArgumentException($"softConstant must be ≥ 0, not {softConstant}.", nameof(softConstant));
        return NormalizeUnits((mean, sd, min, max) =>
        {
            double denominator = max - min + softConstant;
            return (0, denominator > 0 ? denominator : double.PositiveInfinity);
        });
    }

    private Recording NormalizeUnits(Func<double, double, double, double, (double Offset, double Scale)> choose)
    {
        var result = new double[data.Length];
        int rowLength = TimeCount * TrialCount;
        for (int u = 0; u < UnitCount; u++)
        {
            var row = data.AsSpan(u * rowLength, rowLength);
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            int n = 0;
            foreach (double v in row)
            {
                if (double.IsNaN(v)) continue;
                sum += v;
                n++;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            double mean = n > 0 ? sum / n : 0, ss = 0;
            foreach (double v in row) if (!double.IsNaN(v)) ss += (v - mean) * (v - mean);
            double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
            var (offset, scale) = choose(mean, sd, min, max);
            var dst = result.AsSpan(u * rowLength, rowLength);
            for (int i = 0; i < row.Length; i++) dst[i] = (row[i] - offset) / scale;
        }
        return WithOwnedData(result, RecordingValueKind.Normalized);
    }

    /// <summary>Counts per bin divided by the bin width in seconds: a frame of firing rates in Hz.</summary>
    /// <exception cref="InvalidOperationException">The frame does not hold counts, or has fewer than two bins.</exception>
    public Recording ToRatesHz()
    {
        if (ValueKind != RecordingValueKind.Counts) throw new InvalidOperationException($"ToRatesHz needs counts, but this frame holds {ValueKind}.");
        double width = BinWidthMs;
        if (!(width > 0)) throw new InvalidOperationException("ToRatesHz needs the bin width: the frame has fewer than two time bins and declares none (use WithBinWidth).");
        var result = new double[data.Length];
        double scale = 1000.0 / width;
        for (int i = 0; i < result.Length; i++) result[i] = data[i] * scale;
        return WithOwnedData(result, RecordingValueKind.RatesHz);
    }
}
