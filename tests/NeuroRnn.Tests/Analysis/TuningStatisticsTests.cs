using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Analysis;

/// <summary>Permutation tests, bootstrap intervals and the two-peak direction model on simulated units with known tuning.</summary>
public class TuningStatisticsTests
{
    /// <summary>Poisson counts in one 1-s window: 8 directions × <paramref name="trialsPerDirection"/>, rate per unit from <paramref name="rate"/>.</summary>
    private static Recording Simulate(Func<int, double, double> rate, int units, int trialsPerDirection, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var directions = Enumerable.Range(0, 8 * trialsPerDirection).Select(k => 45.0 * (k % 8)).ToArray();
        var data = new double[units * directions.Length];
        for (int u = 0; u < units; u++)
            for (int k = 0; k < directions.Length; k++)
            {
                double lambda = rate(u, directions[k]), p = Math.Exp(-lambda), product = rng.NextDouble();
                int n = 0;
                while (product > p) { product *= rng.NextDouble(); n++; } // Knuth's Poisson sampler
                data[u * directions.Length + k] = n;
            }
        var trials = new ColumnTable(directions.Length, new TableColumn[] { new DoubleColumn("direction_deg", directions) });
        return Recording.Create(data, new double[] { 500 }, trials, Recording.DefaultUnits(units), RecordingValueKind.Counts).WithBinWidth(1000);
    }

    private static double VonMises(double direction, double preferred, double kappa) => Math.Exp(kappa * (Math.Cos((direction - preferred) * Math.PI / 180) - 1));

    [Fact]
    public void Untuned_units_are_significant_at_about_the_nominal_rate_and_tuned_ones_always()
    {
        var flat = TuningStatistics.Compute(Simulate((u, d) => 8, 200, 6, 11), new TuningStatisticsOptions { Permutations = 199, BootstrapSamples = 10 });
        double falsePositives = flat.Count(s => s.OsiPValue < 0.05) / 200.0;
        Assert.InRange(falsePositives, 0.01, 0.10); // nominal 5 %; binomial sd over 200 units ≈ 1.5 %
        Assert.All(flat, s => Assert.Equal("Hz", s.ResponseUnit));
        // Orientation-tuned units (equal peaks 180° apart) have the smallest possible OSI p-value; direction-tuned
        // units (one peak) the smallest DSI p-value.
        var orientationTuned = TuningStatistics.Compute(Simulate((u, d) => 2 + 20 * (VonMises(d, 45 * (u % 4), 3) + VonMises(d, 45 * (u % 4) + 180, 3)), 20, 6, 12),
            new TuningStatisticsOptions { Permutations = 199, BootstrapSamples = 10 });
        Assert.All(orientationTuned, s => Assert.Equal(1 / 200.0, s.OsiPValue));
        var directionTuned = TuningStatistics.Compute(Simulate((u, d) => 2 + 20 * VonMises(d, 45 * (u % 8), 2), 20, 6, 14),
            new TuningStatisticsOptions { Permutations = 199, BootstrapSamples = 10 });
        Assert.All(directionTuned, s => Assert.Equal(1 / 200.0, s.DsiPValue));
    }

    [Fact]
    public void Bootstrap_intervals_of_the_preferred_direction_cover_the_truth_near_the_nominal_rate()
    {
        // 120 units, preferred directions spread over the circle; the 90 % interval should contain the true direction
        // in about 90 % of units (the vector-sum direction of 8 evenly spaced samples of a symmetric curve is unbiased).
        const int units = 120;
        double Preferred(int u) => 3.0 * u;
        var stats = TuningStatistics.Compute(Simulate((u, d) => 3 + 15 * VonMises(d, Preferred(u), 1.5), units, 8, 13),
            new TuningStatisticsOptions { Permutations = 1, BootstrapSamples = 400, ConfidenceLevel = 0.9 });
        int covered = 0;
        for (int u = 0; u < units; u++)
        {
            var ci = stats[u].PreferredDirectionInterval;
            double truth = Preferred(u) % 360;
            bool inside = ci.Low <= ci.High ? truth >= ci.Low && truth <= ci.High : truth >= ci.Low || truth <= ci.High;
            if (inside) covered++;
        }
        Assert.InRange(covered / (double)units, 0.80, 0.97);
        Assert.All(stats, s => Assert.InRange(s.Osi, s.OsiInterval.Low - 1e-12, s.OsiInterval.High + 1e-12 + 0.2));
    }

    [Fact]
    public void Two_peak_direction_model_recovers_known_parameters()
    {
        var angles = Enumerable.Range(0, 16).Select(i => 22.5 * i).ToArray();
        var truth = new DirectionVonMisesFit(112.5, 2.5, 30, 12, 4, 1, 0);
        var responses = angles.Select(truth.Evaluate).ToArray();
        var fit = DirectionVonMisesFitter.Fit(angles, responses);
        Assert.Equal(112.5, fit.PreferredDirectionDeg, 6);
        Assert.Equal(2.5, fit.Kappa, 6);
        Assert.Equal(30, fit.PreferredAmplitude, 6);
        Assert.Equal(12, fit.OppositeAmplitude, 6);
        Assert.Equal(4, fit.Baseline, 6);
        Assert.Equal(18.0 / 42, fit.ModelDsi, 6);
        Assert.False(fit.IsAtBound);
        Assert.Equal(1, fit.RSquared, 9);
    }

    [Fact]
    public void Fits_report_parameters_that_sit_on_a_bound()
    {
        var angles = Enumerable.Range(0, 8).Select(i => 45.0 * i).ToArray();
        // A unit that only dips: no positive peak exists, so the amplitude sits at 0 and the angle means nothing.
        var dip = angles.Select(a => 10 - 6 * VonMises(a, 90, 2)).ToArray();
        var orientation = VonMisesFitter.Fit(angles, dip);
        Assert.True(orientation.IsAtBound);
        Assert.Contains(orientation.ParametersAtBounds, p => p.StartsWith("Amplitude", StringComparison.Ordinal) || p.StartsWith("Kappa", StringComparison.Ordinal));
        // A unit responding to one direction only: the opposite peak sits at 0, and says so.
        var oneSided = angles.Select(a => 2 + 20 * VonMises(a, 180, 3)).ToArray();
        var direction = DirectionVonMisesFitter.Fit(angles, oneSided);
        Assert.Equal(180, direction.PreferredDirectionDeg, 6);
        Assert.Contains(direction.ParametersAtBounds, p => p.StartsWith("OppositeAmplitude", StringComparison.Ordinal));
        // A well-tuned orientation curve has none.
        Assert.False(VonMisesFitter.Fit(angles, angles.Select(a => 3 + 10 * Math.Exp(2 * (Math.Cos(2 * (a - 60) * Math.PI / 180) - 1))).ToArray()).IsAtBound);
    }
}
