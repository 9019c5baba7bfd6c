using System.Globalization;

namespace NeuroRnn.Analysis;

/// <summary>
/// A maximum-likelihood psychometric function P(x) = γ + (1 − γ − λ)·F(s·(x − b)) fitted by
/// <see cref="PsychometricFitter"/>: bias b (the stimulus where F = ½, the point of subjective equality when the
/// lapses are equal), slope s, lower lapse γ and upper lapse λ, each with a bootstrap confidence interval.
/// </summary>
public sealed class PsychometricFit
{
    internal PsychometricFit(PsychometricFunction function, double[] parameters, double logLikelihood, double deviance,
        ConfidenceInterval[] intervals, double[] levels, int[] trials, int[] choices, int bootstrapCount)
    {
        Function = function;
        Bias = parameters[0];
        Slope = parameters[1];
        LowerLapse = parameters[2];
        UpperLapse = parameters[3];
        LogLikelihood = logLikelihood;
        Deviance = deviance;
        BiasInterval = intervals[0];
        SlopeInterval = intervals[1];
        LowerLapseInterval = intervals[2];
        UpperLapseInterval = intervals[3];
        Levels = levels;
        Trials = trials;
        Choices = choices;
        BootstrapCount = bootstrapCount;
    }

    /// <summary>The sigmoid F.</summary>
    public PsychometricFunction Function { get; }

    /// <summary>b: the stimulus level at which F = ½.</summary>
    public double Bias { get; }

    /// <summary>s, in 1/stimulus units (1/σ for the cumulative Gaussian); negative when choices decrease with the stimulus.</summary>
    public double Slope { get; }

    /// <summary>γ: P(x) → γ as s·(x − b) → −∞.</summary>
    public double LowerLapse { get; }

    /// <summary>λ: P(x) → 1 − λ as s·(x − b) → +∞.</summary>
    public double UpperLapse { get; }

    /// <summary>Σ k ln P + (n − k) ln(1 − P) at the fit (without the binomial coefficients).</summary>
    public double LogLikelihood { get; }

    /// <summary>Deviance against the saturated model (one proportion per level): 2 Σ [k ln(k/nP) + (n − k) ln((n − k)/(n(1 − P)))].</summary>
    public double Deviance { get; }

    /// <summary>Bootstrap percentile interval of the bias (NaN without bootstrap).</summary>
    public ConfidenceInterval BiasInterval { get; }

    /// <summary>Bootstrap percentile interval of the slope.</summary>
    public ConfidenceInterval SlopeInterval { get; }

    /// <summary>Bootstrap percentile interval of the lower lapse ([0, 0] when it is not fitted).</summary>
    public ConfidenceInterval LowerLapseInterval { get; }

    /// <summary>Bootstrap percentile interval of the upper lapse ([0, 0] when it is not fitted).</summary>
    public ConfidenceInterval UpperLapseInterval { get; }

    /// <summary>The stimulus levels fitted.</summary>
    public double[] Levels { get; }

    /// <summary>Trials per level.</summary>
    public int[] Trials { get; }

    /// <summary>Choices counted (e.g. "+1" or "right") per level.</summary>
    public int[] Choices { get; }

    /// <summary>The observed proportions Choices/Trials per level.</summary>
    public double[] Proportions => Choices.Select((k, i) => (double)k / Trials[i]).ToArray();

    /// <summary>Bootstrap fits the intervals come from.</summary>
    public int BootstrapCount { get; }

    /// <summary>P(x).</summary>
    public double Evaluate(double x) => PsychometricLikelihood.Probability(Function, [Bias, Slope, LowerLapse, UpperLapse], x);

    /// <summary>P at each of <paramref name="x"/> (e.g. a fine grid for plotting the curve).</summary>
    public double[] Evaluate(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Select(Evaluate).ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Function == PsychometricFunction.Logistic ? "logistic" : "cumulative Gaussian")} fit: bias {Bias:G4} {BiasInterval}, slope {Slope:G4} {SlopeInterval}, lapses {LowerLapse:G3} {LowerLapseInterval} / {UpperLapse:G3} {UpperLapseInterval} ({Levels.Length} levels, {Trials.Sum()} trials, deviance {Deviance:G4})");
}
