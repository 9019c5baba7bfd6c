using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Tasks;

namespace NeuroRnn.Interactive;

/// <summary>Psychometric curves of a decision task's behaviour (<see cref="PsychometricPoint"/>s), with fits.</summary>
public static class PsychometricChart
{
    /// <summary>
    /// P(choice +1) against the signed coherence of <paramref name="input"/>, one curve per context (Mante et al. 2013,
    /// Fig. 1: the stream is relevant in one context and irrelevant in the other), with binomial error bars and, when
    /// <paramref name="fit"/>, a logistic fit per context (<see cref="PsychometricFitter"/>, no lapse rates) shaded by the
    /// envelope of its bias and slope confidence intervals.
    /// </summary>
    /// <param name="points">The task's psychometric points, e.g. <c>network.Psychometric(batch)</c>.</param>
    /// <param name="input">The evidence stream on the x axis ("motion", "colour", or "evidence" for one-stream tasks).</param>
    /// <param name="fit">Whether to fit and draw the curves.</param>
    /// <param name="title">Figure title; default "Choices against {input} coherence".</param>
    /// <exception cref="ArgumentException">No point has that input.</exception>
    public static Figure FromPoints(IReadOnlyList<PsychometricPoint> points, string input, bool fit = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(input);
        var selected = points.Where(p => p.Input == input).ToArray();
        if (selected.Length == 0)
            throw new ArgumentException($"No psychometric point has input \"{input}\" (inputs: {string.Join(", ", points.Select(p => p.Input).Distinct())}).", nameof(input));
        var contexts = selected.Select(p => p.Context).Distinct().ToArray();
        var levels = selected.Select(p => p.Coherence).Distinct().Order().ToArray();
        var curves = contexts.Select(c => Curve(selected.Where(p => p.Context == c).ToArray(), levels)).ToArray();
        var names = contexts.Select(c =>
        {
            bool relevant = selected.First(p => p.Context == c).Relevant;
            return c == "none" ? input : $"{c} context ({(relevant ? "relevant" : "irrelevant")})";
        }).ToArray();
        var options = new PsychometricOptions
        {
            Title = title ?? $"Choices against {input} coherence",
            ContextNames = names,
            TrialCounts = curves.Select(c => (IReadOnlyList<int>)c.Trials).ToArray(),
            CoherenceTitle = $"{input} coherence",
            ChoiceTitle = "P(choice +1)",
        };
        if (fit)
        {
            var fits = contexts.Select(c => PsychometricFitter.Fit(selected.Where(p => p.Context == c),
                new PsychometricFitOptions { FitLowerLapse = false, FitUpperLapse = false, BootstrapCount = 200 })).ToArray();
            options = options with
            {
                Fits = fits.Select(f => (Func<double, double>)f.Evaluate).ToArray(),
                FitLower = fits.Select(f => (Func<double, double>)(x => Envelope(f, x).Low)).ToArray(),
                FitUpper = fits.Select(f => (Func<double, double>)(x => Envelope(f, x).High)).ToArray(),
            };
        }
        return NeuroCharts.PsychometricCurves(levels, curves.Select(c => (IReadOnlyList<double>)c.Fraction).ToArray(), options);
    }

    /// <summary>
    /// The same curves before and after a perturbation: for each context, P(choice +1) against the relevant stream's
    /// coherence without (solid) and with (second colour) the perturbation.
    /// </summary>
    /// <exception cref="ArgumentException">The lists are empty or hold no relevant-stream points.</exception>
    public static Figure Compare(IReadOnlyList<PsychometricPoint> control, IReadOnlyList<PsychometricPoint> perturbed, string title = "Choices with and without the perturbation")
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(perturbed);
        var before = control.Where(p => p.Relevant).ToArray();
        var after = perturbed.Where(p => p.Relevant).ToArray();
        if (before.Length == 0 || after.Length == 0) throw new ArgumentException("Both lists need points of the relevant stream.", before.Length == 0 ? nameof(control) : nameof(perturbed));
        var contexts = before.Select(p => p.Context).Distinct().ToArray();
        var levels = before.Select(p => p.Coherence).Concat(after.Select(p => p.Coherence)).Distinct().Order().ToArray();
        var rows = new List<(string Name, (double[] Fraction, int[] Trials) Curve)>();
        foreach (var c in contexts)
        {
            string name = c == "none" ? "" : $"{c} context, ";
            rows.Add(($"{name}control", Curve(before.Where(p => p.Context == c).ToArray(), levels)));
            rows.Add(($"{name}perturbed", Curve(after.Where(p => p.Context == c).ToArray(), levels)));
        }
        return NeuroCharts.PsychometricCurves(levels, rows.Select(r => (IReadOnlyList<double>)r.Curve.Fraction).ToArray(), new PsychometricOptions
        {
            Title = title,
            ContextNames = rows.Select(r => r.Name).ToArray(),
            TrialCounts = rows.Select(r => (IReadOnlyList<int>)r.Curve.Trials).ToArray(),
            CoherenceTitle = "relevant coherence",
            ChoiceTitle = "P(choice +1)",
        });
    }

    private static (double[] Fraction, int[] Trials) Curve(PsychometricPoint[] points, double[] levels)
    {
        var fraction = new double[levels.Length];
        var trials = new int[levels.Length];
        for (int i = 0; i < levels.Length; i++)
        {
            var p = points.FirstOrDefault(q => q.Coherence == levels[i]);
            fraction[i] = p?.ChoicePlusFraction ?? double.NaN;
            trials[i] = p?.Trials ?? 0;
        }
        return (fraction, trials);
    }

    /// <summary>The range of the fitted function at x over the corners of its bias and slope intervals (lapses as fitted).</summary>
    private static (double Low, double High) Envelope(PsychometricFit fit, double x)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double b in new[] { fit.BiasInterval.Low, fit.BiasInterval.High })
            foreach (double s in new[] { fit.SlopeInterval.Low, fit.SlopeInterval.High })
            {
                double z = s * (x - b);
                double f = fit.Function == PsychometricFunction.Logistic ? 1 / (1 + Math.Exp(-z)) : 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
                double p = fit.LowerLapse + (1 - fit.LowerLapse - fit.UpperLapse) * f;
                low = Math.Min(low, p);
                high = Math.Max(high, p);
            }
        return double.IsFinite(low) ? (low, high) : (fit.Evaluate(x), fit.Evaluate(x));
    }
}
