using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Analysis;

public class TuningTests
{
    private static readonly double[] Directions = Enumerable.Range(0, 12).Select(i => i * 30.0).ToArray();

    [Fact]
    public void Osi_and_dsi_on_known_cases()
    {
        var flat = Directions.Select(_ => 5.0).ToArray();
        Assert.Equal(0, OrientationSelectivity.Osi(Directions, flat), 12);
        Assert.Equal(0, OrientationSelectivity.Dsi(Directions, flat), 12);
        var delta = Directions.Select(d => d == 60 ? 3.0 : 0).ToArray();
        Assert.Equal(1, OrientationSelectivity.Osi(Directions, delta), 12);
        Assert.Equal(1, OrientationSelectivity.Dsi(Directions, delta), 12);
        Assert.Equal(60, OrientationSelectivity.VectorSumOrientationDeg(Directions, delta), 9);
        Assert.Equal(60, OrientationSelectivity.VectorSumDirectionDeg(Directions, delta), 9);
        // Both directions of one orientation: perfectly orientation selective, not direction selective.
        var bidirectional = Directions.Select(d => d is 60 or 240 ? 3.0 : 0).ToArray();
        Assert.Equal(1, OrientationSelectivity.Osi(Directions, bidirectional), 12);
        Assert.Equal(0, OrientationSelectivity.Dsi(Directions, bidirectional), 12);
        // Negative responses are clipped; an all-zero curve is undefined.
        Assert.Equal(1, OrientationSelectivity.Osi(Directions, Directions.Select(d => d == 90 ? 1.0 : -1).ToArray()), 12);
        Assert.True(double.IsNaN(OrientationSelectivity.Osi(Directions, new double[12])));
        Assert.Throws<ArgumentException>(() => OrientationSelectivity.Osi(Directions, new double[3]));
    }

    [Theory]
    [InlineData(20.0, 2.0, 10.0, 1.0)]
    [InlineData(135.0, 0.5, 4.0, 2.0)]
    [InlineData(170.0, 8.0, 30.0, 0.0)]
    [InlineData(3.0, 4.0, 1.0, 5.0)]
    public void Von_mises_fit_recovers_known_parameters(double phi, double kappa, double amplitude, double baseline)
    {
        var truth = new VonMisesFit(phi, kappa, amplitude, baseline, 1, 0);
        var angles = Enumerable.Range(0, 16).Select(i => i * 22.5).ToArray();
        var responses = angles.Select(truth.Evaluate).ToArray();
        var fit = VonMisesFitter.Fit(angles, responses);
        Assert.Equal(0, TuningComparison.OrientationDifferenceDeg(phi, fit.PreferredOrientationDeg), 4);
        Assert.Equal(kappa, fit.Kappa, 4);
        Assert.Equal(amplitude, fit.Amplitude, 4);
        Assert.Equal(baseline, fit.Baseline, 4);
        Assert.Equal(1, fit.RSquared, 8);
    }

    [Fact]
    public void Von_mises_fit_is_robust_to_noise_and_reports_width()
    {
        var rng = new Xoshiro256StarStar(5);
        var truth = new VonMisesFit(100, 3, 10, 2, 1, 0);
        var responses = Directions.Select(d => truth.Evaluate(d) + 0.3 * rng.Normal()).ToArray();
        var fit = VonMisesFitter.Fit(Directions, responses);
        Assert.InRange(Math.Abs(TuningComparison.OrientationDifferenceDeg(100, fit.PreferredOrientationDeg)), 0, 3);
        Assert.InRange(fit.RSquared, 0.95, 1);
        // HWHM of κ = 3: ½ arccos(1 + ln ½ / 3) ≈ 19.9°.
        Assert.Equal(0.5 * Math.Acos(1 + Math.Log(0.5) / 3) * 180 / Math.PI, truth.HalfWidthDeg, 12);
        Assert.Equal(90, new VonMisesFit(0, 0.2, 1, 0, 1, 0).HalfWidthDeg);
        Assert.Throws<ArgumentException>(() => VonMisesFitter.Fit(new double[] { 0, 1, 2 }, new double[] { 1, 2, 3 }));
    }

    [Fact]
    public void Orientation_differences_wrap_at_180_degrees()
    {
        Assert.Equal(10, TuningComparison.OrientationDifferenceDeg(175, 5), 12);
        Assert.Equal(-10, TuningComparison.OrientationDifferenceDeg(5, 175), 12);
        Assert.Equal(90, TuningComparison.OrientationDifferenceDeg(0, 90), 12);
        Assert.Equal(0, TuningComparison.OrientationDifferenceDeg(30, 210), 12);
    }

    [Fact]
    public void Tuning_curves_average_the_window_per_angle()
    {
        // 1 unit, 2 bins, 4 trials: directions 0, 90, 0, 90; values chosen so the means are known.
        var data = new double[1, 2, 4] { { { 1, 5, 3, 7 }, { 1, 5, 3, 7 } } };
        var trials = new ColumnTable(4, new TableColumn[] { new DoubleColumn("direction_deg", new double[] { 0, 90, 0, 90 }) });
        var r = Recording.Create(data, new double[] { 5, 15 }, trials, Recording.DefaultUnits(1), RecordingValueKind.RatesHz);
        var curve = Assert.Single(TuningCurves.Compute(r));
        Assert.Equal(new double[] { 0, 90 }, curve.AnglesDeg);
        Assert.Equal(new double[] { 2, 6 }, curve.Mean);
        Assert.Equal(new[] { 1.0, 1.0 }, curve.Sem); // SD √2 over 2 trials → SEM 1
        Assert.Equal(new[] { 2, 2 }, curve.TrialCounts);
        Assert.Equal("u0", curve.UnitId);
        Assert.Throws<ArgumentException>(() => TuningCurves.Compute(r, new TuningCurveOptions { AngleColumn = "nope" }));
    }

    [Fact]
    public void On_the_shipped_dataset_selective_units_recover_their_ground_truth()
    {
        var r = RecordingNpz.Read(Path.Combine(NeuroRnn.Tests.Data.TestData.RepoRoot, "data", "v1-gratings.npz"));
        var curves = TuningCurves.Compute(r, new TuningCurveOptions { WindowStartMs = 50, WindowEndMs = 900 });
        var fits = VonMisesFitter.FitAll(curves);
        var truth = r.Units.GetDoubles("pref_orientation_deg");
        var kappa = r.Units.GetDoubles("kappa");
        var osi = curves.Select(OrientationSelectivity.Osi).ToArray();
        var selective = Enumerable.Range(0, r.UnitCount).Where(u => osi[u] > 0.3 && fits[u].RSquared > 0.8).ToArray();
        Assert.True(selective.Length > 50, $"only {selective.Length} selective units");
        var errors = selective.Select(u => Math.Abs(TuningComparison.OrientationDifferenceDeg(truth[u], fits[u].PreferredOrientationDeg))).Order().ToArray();
        Assert.True(errors[errors.Length / 2] < 5, $"median error {errors[errors.Length / 2]:0.0}°");
        Assert.True(errors.Count(e => e < 15) > 0.9 * errors.Length);
        // Inhibitory units (broad tuning) have lower OSI than excitatory ones.
        var types = r.Units.GetStrings("cell_type");
        Assert.True(Enumerable.Range(0, r.UnitCount).Where(u => types[u] == "I").Average(u => osi[u])
            < Enumerable.Range(0, r.UnitCount).Where(u => types[u] == "E").Average(u => osi[u]));
        _ = kappa;
    }

    [Fact]
    public void Compare_puts_data_and_model_side_by_side()
    {
        var options = new V1GratingOptions { Units = 10, Directions = 12, TrialsPerDirection = 10, Seed = 9 };
        var data = V1GratingGenerator.Generate(options);
        var model = data.ToRatesHz().Smooth(20); // a stand-in "model" with the same tuning
        var window = new TuningCurveOptions { WindowStartMs = 50, WindowEndMs = 900 };
        var comparison = TuningComparison.Compare(data, model, window);
        Assert.Equal(10, comparison.Length);
        var selective = comparison.Where(c => c.FirstOsi > 0.3).ToArray();
        Assert.NotEmpty(selective);
        Assert.All(selective, c => Assert.InRange(Math.Abs(c.PreferredOrientationDifferenceDeg), 0, 10));
        var diffs = TuningComparison.PreferredOrientationDifferences(comparison.Select(c => c.First).ToArray(), comparison.Select(c => c.Second).ToArray());
        Assert.Equal(comparison.Select(c => c.PreferredOrientationDifferenceDeg), diffs);
        Assert.Throws<ArgumentException>(() => TuningComparison.Compare(data, data.SelectUnits(new[] { 0 })));
    }
}
