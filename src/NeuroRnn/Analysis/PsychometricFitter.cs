using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Tasks;

namespace NeuroRnn.Analysis;

/// <summary>
/// Fits psychometric functions P(x) = γ + (1 − γ − λ)·F(s·(x − b)) (logistic or cumulative Gaussian F, with lapse
/// rates) to choice counts by maximum likelihood, with parametric or non-parametric bootstrap confidence intervals.
/// The search starts from the best points of a grid over (b, s) and refines the best three by Fisher scoring, so a
/// fit does not depend on a user-supplied start. Deterministic for a given seed.
/// </summary>
public static class PsychometricFitter
{
    /// <summary>Fits counts per stimulus level.</summary>
    /// <param name="levels">Stimulus level of each row (e.g. signed coherence); at least two distinct values.</param>
    /// <param name="trials">Trials at each level (positive).</param>
    /// <param name="choices">Trials at each level with the counted choice (e.g. "+1"), in [0, trials].</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than two distinct levels, a non-finite level, or a count out of range (the message names the argument).</exception>
    public static PsychometricFit Fit(double[] levels, int[] trials, int[] choices, PsychometricFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(choices);
        options ??= new PsychometricFitOptions();
        options.Validate();
        if (trials.Length != levels.Length) throw new ArgumentException($"trials has {trials.Length} entries but levels has {levels.Length}.", nameof(trials));
        if (choices.Length != levels.Length) throw new ArgumentException($"choices has {choices.Length} entries but levels has {levels.Length}.", nameof(choices));
        for (int i = 0; i < levels.Length; i++)
        {
            if (!double.IsFinite(levels[i])) throw new ArgumentException($"levels[{i}] is {levels[i]}; stimulus levels must be finite.", nameof(levels));
            if (trials[i] <= 0) throw new ArgumentException($"trials[{i}] is {trials[i]}; every level needs at least one trial.", nameof(trials));
            if (choices[i] < 0 || choices[i] > trials[i]) throw new ArgumentException($"choices[{i}] is {choices[i]} but must lie in [0, trials[{i}] = {trials[i]}].", nameof(choices));
        }
        var distinct = levels.Distinct().ToArray();
        if (distinct.Length < 2)
            throw new ArgumentException(
                $"A psychometric fit needs at least two distinct stimulus levels; levels holds {(distinct.Length == 0 ? "none" : "only " + distinct[0].ToString(CultureInfo.InvariantCulture))}.", nameof(levels));

        levels = (double[])levels.Clone();
        trials = (int[])trials.Clone();
        choices = (int[])choices.Clone();
        var likelihood = new PsychometricLikelihood(options.Function, levels, trials, options);
        var best = FitFromGrid(likelihood, levels, choices, options);
        double nll = likelihood.NegativeLogLikelihood(best, choices);

        var intervals = new ConfidenceInterval[4];
        if (options.BootstrapCount > 0)
        {
            var samples = Bootstrap(likelihood, best, levels, trials, choices, options);
            for (int k = 0; k < 4; k++) intervals[k] = ConfidenceInterval.Percentile(samples[k], options.IntervalLevel);
        }
        else for (int k = 0; k < 4; k++) intervals[k] = new ConfidenceInterval(double.NaN, double.NaN);
        return new PsychometricFit(options.Function, best, -nll, Deviance(options.Function, best, levels, trials, choices),
            intervals, levels, trials, choices, options.BootstrapCount);
    }

    /// <summary>
    /// Fits the trials of a trials table: groups them by <paramref name="stimulusColumn"/> and counts, per level, the trials
    /// whose <paramref name="choiceColumn"/> equals <paramref name="countedChoice"/> (default: the larger of the two choice values).
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing, not numeric or has missing values, the choices take more than two values (or one, without <paramref name="countedChoice"/>), or see <see cref="Fit(double[], int[], int[], PsychometricFitOptions)"/>.</exception>
    public static PsychometricFit Fit(ColumnTable trials, string stimulusColumn, string choiceColumn, double? countedChoice = null, PsychometricFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var stimulus = ChoiceProbability.NumericColumn(trials, stimulusColumn, nameof(stimulusColumn));
        var choice = ChoiceProbability.NumericColumn(trials, choiceColumn, nameof(choiceColumn));
        for (int k = 0; k < trials.RowCount; k++)
        {
            if (!double.IsFinite(stimulus[k])) throw new ArgumentException($"Column '{stimulusColumn}' is {stimulus[k]} on trial {k}; select the trials with a stimulus first.", nameof(stimulusColumn));
            if (!double.IsFinite(choice[k])) throw new ArgumentException($"Column '{choiceColumn}' is {choice[k]} on trial {k}; select the trials with a choice first.", nameof(choiceColumn));
        }
        var values = choice.Distinct().OrderBy(c => c).ToArray();
        if (values.Length > 2)
            throw new ArgumentException($"Column '{choiceColumn}' takes {values.Length} values; a psychometric function needs a two-alternative choice.", nameof(choiceColumn));
        double counted = countedChoice ?? (values.Length == 2 ? values[1]
            : throw new ArgumentException($"Column '{choiceColumn}' holds one choice ({values.FirstOrDefault()}); say which choice to count with countedChoice.", nameof(countedChoice)));
        var byLevel = stimulus.Select((s, k) => (s, k)).GroupBy(p => p.s).OrderBy(g => g.Key).ToArray();
        return Fit(
            byLevel.Select(g => g.Key).ToArray(),
            byLevel.Select(g => g.Count()).ToArray(),
            byLevel.Select(g => g.Count(p => choice[p.k] == counted)).ToArray(),
            options);
    }

    /// <summary>Fits psychometric points (e.g. one curve of a task's <c>Psychometric</c>: select one context and input first).</summary>
    /// <exception cref="ArgumentException">See <see cref="Fit(double[], int[], int[], PsychometricFitOptions)"/>.</exception>
    public static PsychometricFit Fit(IEnumerable<PsychometricPoint> points, PsychometricFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToArray();
        return Fit(list.Select(p => p.Coherence).ToArray(), list.Select(p => p.Trials).ToArray(),
            list.Select(p => (int)Math.Round(p.ChoicePlusFraction * p.Trials)).ToArray(), options);
    }

    private static double[] FitFromGrid(PsychometricLikelihood likelihood, double[] levels, int[] choices, PsychometricFitOptions options)
    {
        double min = levels.Min(), max = levels.Max(), range = max - min;
        double lapse = Math.Min(0.02, options.MaxLapse / 2);
        var grid = new List<(double Nll, double[] Theta)>();
        for (int b = 0; b <= 8; b++)
            foreach (double magnitude in new[] { 0.5, 2, 8, 32 })
                foreach (double sign in new[] { 1.0, -1.0 })
                {
                    double[] theta = [min + range * b / 8, sign * magnitude / range, options.FitLowerLapse ? lapse : 0, options.FitUpperLapse ? lapse : 0];
                    grid.Add((likelihood.NegativeLogLikelihood(theta, choices), theta));
                }
        double[]? best = null;
        double bestNll = double.PositiveInfinity;
        foreach (var (_, start) in grid.OrderBy(g => g.Nll).Take(3))
        {
            var theta = likelihood.Maximize(start, choices);
            double nll = likelihood.NegativeLogLikelihood(theta, choices);
            if (nll < bestNll) { bestNll = nll; best = theta; }
        }
        return best!;
    }

    /// <summary>samples[parameter][b] over the bootstrap fits that came out finite.</summary>
    private static double[][] Bootstrap(PsychometricLikelihood likelihood, double[] fit, double[] levels, int[] trials, int[] choices, PsychometricFitOptions options)
    {
        var random = new SeededRandom(options.Seed);
        var resampled = new int[levels.Length];
        var samples = Enumerable.Range(0, 4).Select(_ => new List<double>(options.BootstrapCount)).ToArray();
        for (int b = 0; b < options.BootstrapCount; b++)
        {
            for (int i = 0; i < levels.Length; i++)
            {
                double p = options.Bootstrap == PsychometricBootstrap.Parametric
                    ? PsychometricLikelihood.Probability(options.Function, fit, levels[i])
                    : (double)choices[i] / trials[i];
                int k = 0;
                for (int t = 0; t < trials[i]; t++) if (random.NextDouble() < p) k++;
                resampled[i] = k;
            }
            // Each resample starts from the fit to the data, near which its optimum lies.
            var theta = likelihood.Maximize(fit, resampled);
            if (!theta.All(double.IsFinite)) continue;
            for (int k = 0; k < 4; k++) samples[k].Add(theta[k]);
        }
        return samples.Select(s => s.ToArray()).ToArray();
    }

    private static double Deviance(PsychometricFunction function, double[] theta, double[] levels, int[] trials, int[] choices)
    {
        double deviance = 0;
        for (int i = 0; i < levels.Length; i++)
        {
            double p = Math.Clamp(PsychometricLikelihood.Probability(function, theta, levels[i]), 1e-12, 1 - 1e-12);
            double n = trials[i], k = choices[i];
            if (k > 0) deviance += 2 * k * Math.Log(k / (n * p));
            if (k < n) deviance += 2 * (n - k) * Math.Log((n - k) / (n * (1 - p)));
        }
        return deviance;
    }
}
