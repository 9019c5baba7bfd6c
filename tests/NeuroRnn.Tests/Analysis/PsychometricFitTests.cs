using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Tasks;

namespace NeuroRnn.Tests.Analysis;

public class PsychometricFitTests
{
    private static readonly double[] Levels = Enumerable.Range(0, 11).Select(i => -0.5 + 0.1 * i).ToArray();

    /// <summary>Choice counts drawn from a known psychometric function, 300 trials per level.</summary>
    private static int[] Simulate(PsychometricFunction function, double bias, double slope, double lower, double upper, int seed, int trials = 300)
    {
        var random = new SeededRandom(seed);
        return Levels.Select(x =>
        {
            double z = slope * (x - bias);
            double f = function == PsychometricFunction.Logistic ? 1 / (1 + Math.Exp(-z)) : 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            double p = lower + (1 - lower - upper) * f;
            int k = 0;
            for (int t = 0; t < trials; t++) if (random.NextDouble() < p) k++;
            return k;
        }).ToArray();
    }

    private static int[] Trials(int n = 300) => Levels.Select(_ => n).ToArray();

    [Theory]
    [InlineData(PsychometricFunction.Logistic, PsychometricBootstrap.Parametric, 0.05, 12.0, 0.04, 0.06, 1)]
    [InlineData(PsychometricFunction.CumulativeGaussian, PsychometricBootstrap.NonParametric, -0.08, 8.0, 0.02, 0.05, 2)]
    [InlineData(PsychometricFunction.Logistic, PsychometricBootstrap.NonParametric, 0.0, -15.0, 0.08, 0.03, 3)]
    public void Planted_bias_slope_and_lapses_lie_in_their_bootstrap_intervals(PsychometricFunction function, PsychometricBootstrap bootstrap,
        double bias, double slope, double lower, double upper, int seed)
    {
        var choices = Simulate(function, bias, slope, lower, upper, seed);

        var fit = PsychometricFitter.Fit(Levels, Trials(), choices, new PsychometricFitOptions { Function = function, Bootstrap = bootstrap, BootstrapCount = 400, Seed = seed });

        Assert.True(fit.BiasInterval.Contains(bias), $"bias {bias} not in {fit}");
        Assert.True(fit.SlopeInterval.Contains(slope), $"slope {slope} not in {fit}");
        Assert.True(fit.LowerLapseInterval.Contains(lower), $"lower lapse {lower} not in {fit}");
        Assert.True(fit.UpperLapseInterval.Contains(upper), $"upper lapse {upper} not in {fit}");
        // The intervals are informative, not the whole parameter range.
        Assert.True(fit.BiasInterval.High - fit.BiasInterval.Low < 0.1, fit.ToString());
        Assert.True(fit.SlopeInterval.High - fit.SlopeInterval.Low < Math.Abs(slope), fit.ToString());
        Assert.True(fit.Deviance < 30, $"an adequate fit of 11 levels has a deviance near 7: {fit}");
        Assert.Equal(400, fit.BootstrapCount);
    }

    [Fact]
    public void The_maximum_likelihood_point_is_a_stationary_point_of_the_likelihood()
    {
        var choices = Simulate(PsychometricFunction.Logistic, 0.1, 10, 0.05, 0.05, 5);
        var fit = PsychometricFitter.Fit(Levels, Trials(), choices, new PsychometricFitOptions { BootstrapCount = 0 });
        double LogLikelihood(double b, double s, double g, double l) => Levels.Select((x, i) =>
        {
            double p = g + (1 - g - l) / (1 + Math.Exp(-s * (x - b)));
            return choices[i] * Math.Log(p) + (300 - choices[i]) * Math.Log(1 - p);
        }).Sum();
        double best = LogLikelihood(fit.Bias, fit.Slope, fit.LowerLapse, fit.UpperLapse);
        Assert.Equal(best, fit.LogLikelihood, 9);
        foreach (var (db, ds, dg, dl) in new[] { (1e-3, 0.0, 0.0, 0.0), (-1e-3, 0, 0, 0), (0, 1e-2, 0, 0), (0, -1e-2, 0, 0), (0, 0, 1e-3, 0), (0, 0, -1e-3, 0), (0, 0, 0, 1e-3), (0, 0, 0, -1e-3) })
            Assert.True(LogLikelihood(fit.Bias + db, fit.Slope + ds, fit.LowerLapse + dg, fit.UpperLapse + dl) <= best + 1e-9,
                $"moving by ({db}, {ds}, {dg}, {dl}) increases the likelihood above the fit's {best}");
        Assert.True(double.IsNaN(fit.SlopeInterval.Low));
        Assert.Equal(fit.LowerLapse + (1 - fit.LowerLapse - fit.UpperLapse) / 2, fit.Evaluate(fit.Bias), 12);
    }

    [Fact]
    public void Fixed_lapses_stay_at_zero_and_a_lapse_free_curve_is_recovered()
    {
        var choices = Simulate(PsychometricFunction.CumulativeGaussian, 0.02, 6, 0, 0, 7);
        var fit = PsychometricFitter.Fit(Levels, Trials(), choices,
            new PsychometricFitOptions { Function = PsychometricFunction.CumulativeGaussian, FitLowerLapse = false, FitUpperLapse = false, BootstrapCount = 200 });
        Assert.Equal(0, fit.LowerLapse);
        Assert.Equal(0, fit.UpperLapse);
        Assert.Equal(new ConfidenceInterval(0, 0), fit.UpperLapseInterval);
        Assert.True(fit.SlopeInterval.Contains(6) && fit.BiasInterval.Contains(0.02), fit.ToString());
    }

    [Fact]
    public void Trials_tables_and_task_points_give_the_same_fit_as_counts()
    {
        var choices = Simulate(PsychometricFunction.Logistic, 0.0, 10, 0.02, 0.02, 11, trials: 20);
        var options = new PsychometricFitOptions { BootstrapCount = 50 };
        var fromCounts = PsychometricFitter.Fit(Levels, Trials(20), choices, options);

        var stimulus = new List<double>();
        var choice = new List<double>();
        for (int i = 0; i < Levels.Length; i++)
            for (int t = 0; t < 20; t++) { stimulus.Add(Levels[i]); choice.Add(t < choices[i] ? 1 : -1); }
        var table = new ColumnTable(stimulus.Count, [new DoubleColumn("coherence", stimulus), new DoubleColumn("choice", choice)]);
        var fromTable = PsychometricFitter.Fit(table, "coherence", "choice", options: options);
        var points = Levels.Select((x, i) => new PsychometricPoint("motion", "motion", true, x, choices[i] / 20.0, 20));
        var fromPoints = PsychometricFitter.Fit(points, options);

        Assert.Equal(fromCounts.Bias, fromTable.Bias);
        Assert.Equal(fromCounts.SlopeInterval, fromTable.SlopeInterval);
        Assert.Equal(fromCounts.Slope, fromPoints.Slope);
        Assert.Equal(choices, fromTable.Choices);
        // Counting the other choice mirrors the curve: the slope changes sign.
        var mirrored = PsychometricFitter.Fit(table, "coherence", "choice", countedChoice: -1, options: options);
        Assert.True(mirrored.Slope < 0 && Math.Abs(mirrored.Slope + fromCounts.Slope) < 0.5, $"{mirrored.Slope} vs {fromCounts.Slope}");
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1, 0.1, 0.1], [10, 10, 10], [3, 4, 5]));
        Assert.Equal("levels", e.ParamName);
        Assert.Contains("at least two distinct stimulus levels", e.Message);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1], [10], [3]));
        Assert.Equal("levels", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1, 0.2], [10, 10], [3, 11]));
        Assert.Equal("choices", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1, 0.2], [10], [3, 4]));
        Assert.Equal("trials", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1, double.NaN], [10, 10], [3, 4]));
        Assert.Equal("levels", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit([0.1, 0.2], [10, 10], [3, 4], new PsychometricFitOptions { MaxLapse = 0.5 }));
        Assert.Equal("MaxLapse", e.ParamName);
        var table = new ColumnTable(3, [new DoubleColumn("coherence", [0.1, 0.2, 0.3]), new DoubleColumn("choice", [1, 2, 3])]);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit(table, "coherence", "choice"));
        Assert.Equal("choiceColumn", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => PsychometricFitter.Fit(table, "contrast", "choice"));
        Assert.Equal("stimulusColumn", e.ParamName);
    }
}
