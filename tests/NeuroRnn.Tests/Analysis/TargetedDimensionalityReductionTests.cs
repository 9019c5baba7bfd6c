using NeuroRnn.Analysis;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Analysis;

public class TargetedDimensionalityReductionTests
{
    private static readonly string[] Variables = ["choice", "motion", "colour", "context"];

    /// <summary>
    /// Synthetic population with planted encoding: r_i(t, k) = μ_i + s_i Σ_v β_v,i g_v(t) F_v(k) + noise, where g_v is a
    /// bump peaking at bin <see cref="PeakBins"/>[v] and the variables take every combination of choice ±1, six signed
    /// motion and colour coherences and context ±1 (144 conditions, 3 trials each).
    /// </summary>
    private sealed class PlantedPopulation
    {
        public static readonly int[] PeakBins = [12, 4, 8, 2];
        public const int Units = 30, Times = 16, TrialsPerCondition = 3;
        public readonly double[][] Beta = new double[4][];
        public readonly double[] Scale = new double[Units];
        public readonly Recording Recording;

        public PlantedPopulation(int seed, double noise)
        {
            var random = new SeededRandom(seed);
            for (int v = 0; v < 4; v++) Beta[v] = Enumerable.Range(0, Units).Select(_ => random.NextGaussian()).ToArray();
            var offset = Enumerable.Range(0, Units).Select(_ => 5 * random.NextDouble()).ToArray();
            for (int i = 0; i < Units; i++) Scale[i] = 0.5 + 1.5 * random.NextDouble();
            double[] coherences = [-0.5, -0.15, -0.05, 0.05, 0.15, 0.5];
            var rows = new List<double[]>();
            foreach (double choice in new[] { -1.0, 1.0 })
                foreach (double motion in coherences)
                    foreach (double colour in coherences)
                        foreach (double context in new[] { -1.0, 1.0 })
                            for (int r = 0; r < TrialsPerCondition; r++) rows.Add([choice, 2 * motion, 2 * colour, context]);
            int trials = rows.Count;
            var data = new double[Units, Times, trials];
            for (int i = 0; i < Units; i++)
                for (int t = 0; t < Times; t++)
                    for (int k = 0; k < trials; k++)
                    {
                        double signal = 0;
                        for (int v = 0; v < 4; v++) signal += Beta[v][i] * Bump(t, PeakBins[v]) * rows[k][v];
                        data[i, t, k] = offset[i] + Scale[i] * signal + noise * random.NextGaussian();
                    }
            var table = new ColumnTable(trials, Enumerable.Range(0, 4).Select(v => (TableColumn)new DoubleColumn(Variables[v], rows.Select(r => r[v]))));
            Recording = Recording.Create(data, Enumerable.Range(0, Times).Select(t => 10.0 * t).ToArray(), table, Recording.DefaultUnits(Units), RecordingValueKind.Other);
        }

        public static double Bump(int t, int peak) => Math.Exp(-0.5 * (t - peak) * (t - peak) / 4.0);

        /// <summary>Per-unit SD over all single-trial values (n − 1), the TDR z-score scale.</summary>
        public double[] UnitSd()
        {
            var result = new double[Units];
            int row = Recording.TimeCount * Recording.TrialCount;
            for (int i = 0; i < Units; i++)
            {
                var values = Recording.Data.Slice(i * row, row).ToArray();
                double mean = values.Average();
                result[i] = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1));
            }
            return result;
        }
    }

    [Fact]
    public void Recovers_planted_axes_after_z_scoring_denoising_and_orthogonalisation()
    {
        var population = new PlantedPopulation(seed: 3, noise: 1.0);

        var axes = TargetedDimensionalityReduction.Fit(population.Recording, Variables);

        // In z-scored coordinates variable v is encoded along (s_i β_v,i / sd_i); the expected axes are their QR in order.
        var sd = population.UnitSd();
        var expected = Gram(Enumerable.Range(0, 4).Select(v => Enumerable.Range(0, PlantedPopulation.Units).Select(i => population.Scale[i] * population.Beta[v][i] / sd[i]).ToArray()).ToArray());
        for (int v = 0; v < 4; v++)
        {
            double cosine = Dot(axes.Axes[v], expected[v]);
            Assert.True(cosine > 0.99, $"{Variables[v]}: cos(recovered, planted) = {cosine:F4}");
            Assert.Equal(10.0 * PlantedPopulation.PeakBins[v], axes.PeakTimeMs[v]);
            for (int w = 0; w < 4; w++)
                Assert.Equal(v == w ? 1.0 : 0.0, Dot(axes.Axes[v], axes.Axes[w]), 12);
        }
        Assert.Equal(12, axes.PrincipalComponents);
        Assert.Equal(144, axes.ConditionCount);
        Assert.Same(axes.Axes[1], axes.Axis("motion"));
        Assert.Contains("choice @ 120 ms", axes.ToString());
    }

    [Fact]
    public void Without_normalisation_or_denoising_the_regression_vectors_are_the_planted_coefficients()
    {
        var population = new PlantedPopulation(seed: 8, noise: 0.2);

        var axes = TargetedDimensionalityReduction.Fit(population.Recording, Variables, new TdrOptions { ZScore = false, PrincipalComponents = 0 });

        for (int v = 0; v < 4; v++)
        {
            var planted = Enumerable.Range(0, PlantedPopulation.Units).Select(i => population.Scale[i] * population.Beta[v][i]).ToArray();
            double error = Math.Sqrt(planted.Zip(axes.RegressionVectors[v], (a, b) => (a - b) * (a - b)).Sum() / planted.Sum(a => a * a));
            Assert.True(error < 0.02, $"{Variables[v]}: relative error of the regression vector {error:F4}");
        }
        Assert.Equal(0, axes.PrincipalComponents);
    }

    [Fact]
    public void Projected_trajectories_separate_along_their_own_axis_only()
    {
        var population = new PlantedPopulation(seed: 5, noise: 1.0);
        var axes = TargetedDimensionalityReduction.Fit(population.Recording, Variables);

        var byChoice = axes.Project(population.Recording, "choice");

        Assert.Equal(2, byChoice.ConditionCount);
        Assert.Equal(new[] { -1.0, 1.0 }, byChoice.Conditions.GetDoubles("choice"));
        Assert.Equal(new[] { 216.0, 216.0 }, byChoice.Conditions.GetDoubles("n_trials"));
        int peak = PlantedPopulation.PeakBins[0];
        double separation = byChoice.Trajectory(1, "choice")[peak] - byChoice.Trajectory(0, "choice")[peak];
        Assert.True(separation > 1, $"choice +1 and −1 should separate on the choice axis: {separation:F3}");
        // Averaging over the other variables' balanced values leaves nothing on their axes.
        foreach (var other in new[] { "motion", "colour", "context" })
            Assert.True(Math.Abs(byChoice.Trajectory(1, other)[peak] - byChoice.Trajectory(0, other)[peak]) < 0.2 * separation, $"choice leaks onto the {other} axis");
        Assert.Equal(16, byChoice.TimeMs.Length);
    }

    [Fact]
    public void Bad_variables_are_rejected_naming_the_column()
    {
        var population = new PlantedPopulation(seed: 1, noise: 1.0);
        var recording = population.Recording;

        var e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(recording, ["choice", "speed"]));
        Assert.Equal("variables", e.ParamName);
        Assert.Contains("'speed'", e.Message);
        var withText = recording.WithTrials(recording.Trials.With("label", Enumerable.Repeat<string?>("a", recording.TrialCount)));
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(withText, ["choice", "label"]));
        Assert.Contains("'label' holds text", e.Message);
        var withNaN = recording.WithTrials(recording.Trials.With("motion", recording.Trials.GetDoubles("motion").Select((x, k) => k == 7 ? double.NaN : x)));
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(withNaN, Variables));
        Assert.Contains("trial 7", e.Message);
        var choice = recording.Trials.GetDoubles("choice");
        var sum = recording.Trials.GetDoubles("motion").Select((x, k) => x + choice[k]);
        var collinear = recording.WithTrials(recording.Trials.With("sum", sum));
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(collinear, ["choice", "motion", "sum"]));
        Assert.Contains("'sum' is constant or a linear combination of the intercept and choice, motion", e.Message);
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(recording.SelectTrials([0, 1, 2, 3]), ["choice", "motion", "colour"]));
        Assert.Contains("take 1 distinct combination, but a regression on 3 variables and an intercept needs at least 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(recording, []));
        Assert.Equal("variables", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(recording, Variables).Project(recording.SelectUnits([0, 1]), "choice"));
        Assert.Equal("recording", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => TargetedDimensionalityReduction.Fit(recording, Variables, new TdrOptions { PrincipalComponents = -1 }));
        Assert.Equal("PrincipalComponents", e.ParamName);
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double[][] Gram(double[][] vectors)
    {
        var result = new double[vectors.Length][];
        for (int v = 0; v < vectors.Length; v++)
        {
            var q = (double[])vectors[v].Clone();
            for (int k = 0; k < v; k++)
            {
                double s = Dot(q, result[k]);
                for (int i = 0; i < q.Length; i++) q[i] -= s * result[k][i];
            }
            double norm = Math.Sqrt(Dot(q, q));
            result[v] = q.Select(x => x / norm).ToArray();
        }
        return result;
    }
}
