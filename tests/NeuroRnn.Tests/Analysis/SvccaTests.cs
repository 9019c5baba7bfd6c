using NeuroRnn.Analysis;
using NeuroRnn.Data;
using static NeuroRnn.Tests.Analysis.CcaTests;

namespace NeuroRnn.Tests.Analysis;

public class SvccaTests
{
    /// <summary>Samples × units: <paramref name="rank"/> smooth latent signals of decreasing size mixed into the units, plus optional noise.</summary>
    private static double[,] LowRank(int samples, int units, int rank, int seed, double noise = 0)
    {
        var latent = new double[samples, rank];
        for (int i = 0; i < samples; i++)
            for (int k = 0; k < rank; k++) latent[i, k] = Math.Pow(0.7, k) * Math.Sin(0.013 * (k + 1) * i + 0.5 * k + seed);
        var m = Multiply(latent, Gaussian(rank, units, seed));
        if (noise > 0)
        {
            var n = Gaussian(samples, units, seed + 1000);
            for (int i = 0; i < samples; i++)
                for (int u = 0; u < units; u++) m[i, u] += noise * n[i, u];
        }
        return m;
    }

    [Fact]
    public void Svcca_is_invariant_to_invertible_linear_maps()
    {
        var a = LowRank(600, 40, 6, 1, noise: 0.05);
        var b = LowRank(600, 30, 6, 1, noise: 0.05); // same latents, other mixing and noise
        var map = Gaussian(30, 30, 7);               // invertible (a Gaussian matrix is, almost surely)
        for (int i = 0; i < 30; i++) map[i, i] += 3;  // and well conditioned
        var mapped = Multiply(b, map);
        // Keeping every direction: CCA's invariance carries over exactly.
        var all = new SvccaOptions { VarianceFraction = 1 };
        var before = Svcca.Compare(a, b, all);
        var after = Svcca.Compare(a, mapped, all);
        Assert.Equal(before.Correlations.Length, after.Correlations.Length);
        for (int i = 0; i < before.Correlations.Length; i++) Assert.Equal(before.Correlations[i], after.Correlations[i], 1e-10);
        // Exactly low-rank data keeping its rank: the kept sample-space subspace is the same after any invertible map.
        var exact = LowRank(600, 30, 6, 2);
        var fixedRank = new SvccaOptions { Components = 6 };
        var r1 = Svcca.Compare(a, exact, fixedRank);
        var r2 = Svcca.Compare(a, Multiply(exact, map), fixedRank);
        Assert.Equal(r1.Similarity, r2.Similarity, 1e-10);
        Assert.Equal(1.0, Svcca.Compare(exact, Multiply(exact, map), fixedRank).Similarity, 1e-10);
    }

    [Fact]
    public void Shared_latents_score_high_unrelated_ones_low_and_the_baselines_sit_near_chance()
    {
        var a = LowRank(800, 50, 5, 3, noise: 0.02);
        var same = Svcca.Compare(a, LowRank(800, 20, 5, 3, noise: 0.02), new SvccaOptions { Components = 5, Baseline = SimilarityBaseline.ShuffledTime });
        Assert.True(same.Similarity > 0.95, same.ToString());
        Assert.Equal(5, same.TopK);
        Assert.Equal(5, same.ComponentsA);
        Assert.True(same.VarianceExplainedA[^1] > 0.9);
        Assert.NotNull(same.Baseline);
        Assert.Equal(20, same.Baseline!.Samples.Length);
        // A shuffled alignment of 5 dimensions over 800 samples: E[Σρ²] = 25/799, so ρ ≈ 0.1 at most.
        Assert.True(same.Baseline.Mean < 0.15, same.Baseline.ToString());
        var units = Svcca.Compare(a, LowRank(800, 20, 5, 3, noise: 0.02), new SvccaOptions { Components = 5, Baseline = SimilarityBaseline.ShuffledUnits, BaselineRepeats = 5 });
        Assert.True(units.Baseline!.Mean < 0.2, units.Baseline.ToString());
        Assert.Equal(units.Similarity, same.Similarity, 1e-12);
        // Other latent signals: far lower.
        var other = Svcca.Compare(a, Gaussian(800, 20, 99), new SvccaOptions { Components = 5 });
        Assert.True(other.Similarity < 0.2, other.ToString());
        // TopK averages only the leading correlations.
        var top1 = Svcca.Compare(a, LowRank(800, 20, 5, 3, noise: 0.02), new SvccaOptions { Components = 5, TopK = 1 });
        Assert.Equal(same.Correlations[0], top1.Similarity, 12);
        // Seeded baselines are reproducible.
        var again = Svcca.Compare(a, LowRank(800, 20, 5, 3, noise: 0.02), new SvccaOptions { Components = 5, Baseline = SimilarityBaseline.ShuffledTime });
        Assert.Equal(same.Baseline.Samples, again.Baseline!.Samples);
    }

    [Fact]
    public void Variance_fraction_picks_the_number_of_components()
    {
        var a = LowRank(500, 30, 4, 5); // exactly rank 4
        var result = Svcca.Compare(a, a, new SvccaOptions { VarianceFraction = 0.99 });
        Assert.InRange(result.ComponentsA, 1, 4);
        Assert.True(result.VarianceExplainedA[^1] >= 0.99 - 1e-12);
        var everything = Svcca.Compare(a, a, new SvccaOptions { VarianceFraction = 1 });
        Assert.Equal(4, everything.ComponentsA);                // capped at the rank, not the 30 units
        Assert.Equal(1.0, everything.Similarity, 1e-10);
        Assert.Equal(4, Svcca.Compare(a, a, new SvccaOptions { Components = 50 }).ComponentsA);
    }

    private static Recording Rec(double[,] samplesByUnit, int trials, double[] directions, double timeOffset = 0, string name = "r")
    {
        int n = samplesByUnit.GetLength(0), units = samplesByUnit.GetLength(1), T = n / trials;
        var data = new double[units * T * trials];
        for (int u = 0; u < units; u++)
            for (int t = 0; t < T; t++)
                for (int k = 0; k < trials; k++) data[(u * T + t) * trials + k] = samplesByUnit[k * T + t, u];
        var tableColumns = new TableColumn[] { new DoubleColumn("reach_direction_deg", directions) };
        return Recording.Create(data, Enumerable.Range(0, T).Select(t => t * 10.0 + timeOffset).ToArray(),
            new ColumnTable(trials, tableColumns), Recording.DefaultUnits(units), RecordingValueKind.Other, name);
    }

    [Fact]
    public void Recordings_are_compared_on_matching_conditions_and_time_axes()
    {
        double[] dirs = [0, 90, 180, 270];
        var a = Rec(LowRank(400, 30, 5, 8), 4, dirs, name: "model");
        var b = Rec(LowRank(400, 12, 5, 8), 4, dirs, name: "data");
        var byPosition = Svcca.Compare(a, b, new SvccaOptions { Components = 5 });
        Assert.True(byPosition.Similarity > 0.99, byPosition.ToString());
        Assert.Equal(400, byPosition.SampleCount);
        // Matching by condition value puts b's trials in a's order.
        var shuffled = b.SelectTrials([2, 0, 3, 1]);
        var byValue = Svcca.Compare(a, shuffled, new SvccaOptions { Components = 5, ConditionColumns = ["reach_direction_deg"] });
        Assert.Equal(byPosition.Similarity, byValue.Similarity, 1e-10);
        Assert.True(Svcca.Compare(a, shuffled, new SvccaOptions { Components = 5 }).Similarity < byValue.Similarity);

        // Bad input: another condition set, another trial count, another time axis, a missing column.
        var other = Rec(LowRank(400, 12, 5, 8), 4, [0, 90, 180, 45]);
        var e = Assert.Throws<ArgumentException>(() => Svcca.Compare(a, other, new SvccaOptions { ConditionColumns = ["reach_direction_deg"] }));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("missing in b: 270", e.Message);
        Assert.Contains("not in a: 45", e.Message);
        e = Assert.Throws<ArgumentException>(() => Svcca.Compare(a, b.SelectTrials([0, 1, 2])));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("3 trials", e.Message);
        e = Assert.Throws<ArgumentException>(() => Svcca.Compare(a, Rec(LowRank(400, 12, 5, 8), 4, dirs, timeOffset: 5)));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("same time axis", e.Message);
        e = Assert.Throws<ArgumentException>(() => Svcca.Compare(a, b.SelectTime(0, 500)));
        Assert.Equal("b", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Svcca.Compare(a, b, new SvccaOptions { ConditionColumns = ["nope"] }));
        Assert.Equal("a", e.ParamName);
        Assert.Equal("Components", Assert.Throws<ArgumentException>(() => Svcca.Compare(a, b, new SvccaOptions { Components = 0 })).ParamName);
        Assert.Equal("VarianceFraction", Assert.Throws<ArgumentException>(() => Svcca.Compare(a, b, new SvccaOptions { VarianceFraction = 0 })).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Svcca.Compare(new double[10, 2], new double[9, 2])).ParamName);
    }

    [Fact]
    public void Procrustes_disparity_is_zero_for_congruent_configurations_and_matches_the_closed_form()
    {
        var a = Gaussian(100, 3, 30);
        var moved = Multiply(a, RandomRotation(3, 31));
        for (int i = 0; i < 100; i++)
            for (int j = 0; j < 3; j++) moved[i, j] = 2.5 * moved[i, j] + j; // rotated, scaled and shifted
        var same = Procrustes.Compare(a, moved);
        Assert.Equal(0, same.Disparity, 1e-12);
        Assert.Equal(0, same.AngularDistance, 1e-6);
        // Two segments of different length and direction: congruent after centring, scaling and a rotation.
        Assert.Equal(0, Procrustes.Compare(new double[,] { { 0, 0 }, { 1, 0 } }, new double[,] { { 0, 0 }, { 0, 3 } }).Disparity, 1e-12);
        // Square vs a collapsed square, by hand: A = (±1, ±1)/√8 and B = (±1, 0)/2 after normalising, so AᵀB = diag(1/√2, 0),
        // Σσ = 1/√2, disparity 1 − 1/2 and angle π/4.
        var square = new double[,] { { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 } };
        var line = new double[,] { { 1, 0 }, { 1, 0 }, { -1, 0 }, { -1, 0 } };
        var r = Procrustes.Compare(square, line);
        Assert.Equal(0.5, r.Disparity, 1e-12);
        Assert.Equal(Math.PI / 4, r.AngularDistance, 1e-12);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Procrustes.Compare(square, new double[4, 3])).ParamName);

        double[] dirs = [0, 90, 180, 270];
        var ra = Rec(LowRank(400, 30, 5, 8), 4, dirs);
        var rb = Rec(Multiply(LowRank(400, 30, 5, 8), RandomRotation(30, 3)), 4, dirs);
        Assert.Equal(0, Procrustes.Compare(ra, rb, 5).Disparity, 1e-9);
        Assert.Equal("components", Assert.Throws<ArgumentException>(() => Procrustes.Compare(ra, rb, 31)).ParamName);
    }

    [Fact]
    public void Rotational_dynamics_fit_tells_rotation_from_decay()
    {
        // Six units carrying a 2 Hz rotation in one plane and a 3.5 Hz one in another, from 8 initial conditions.
        int T = 60, K = 8;
        double dt = 0.01;
        var rotating = new double[K * T, 6];
        var decaying = new double[K * T, 6];
        var mix = RandomRotation(6, 40);
        for (int k = 0; k < K; k++)
            for (int t = 0; t < T; t++)
            {
                double phase = 2 * Math.PI * k / K, time = t * dt;
                var z = new[]
                {
                    Math.Cos(2 * Math.PI * 2 * time + phase), Math.Sin(2 * Math.PI * 2 * time + phase),
                    0.5 * Math.Cos(2 * Math.PI * 3.5 * time - phase), 0.5 * Math.Sin(2 * Math.PI * 3.5 * time - phase),
                    0.3 * Math.Cos(phase), 0.2 * Math.Sin(phase),
                };
                var d = new[] { Math.Cos(phase) * Math.Exp(-time / 0.2), Math.Sin(phase) * Math.Exp(-time / 0.3), 0.5 * Math.Cos(2 * phase) * Math.Exp(-time / 0.1), 0.4 * Math.Sin(2 * phase) * Math.Exp(-time / 0.25), 0.3 * Math.Cos(3 * phase) * Math.Exp(-time / 0.15), 0.2 * Math.Sin(3 * phase) * Math.Exp(-time / 0.4) };
                for (int u = 0; u < 6; u++)
                    for (int j = 0; j < 6; j++)
                    {
                        rotating[k * T + t, u] += mix[u, j] * z[j];
                        decaying[k * T + t, u] += mix[u, j] * d[j];
                    }
            }
        var options = new RotationalDynamicsOptions { SoftNormalization = null, SubtractConditionMean = false, Components = 4 };
        double[] dirs = Enumerable.Range(0, K).Select(k => 45.0 * k).ToArray();
        var rot = RotationalDynamics.Fit(Rec(rotating, K, dirs), options);
        Assert.True(rot.RSquaredSkew > 0.99, rot.ToString());
        Assert.Equal(3.5, rot.FrequenciesHz[0], 0.1);
        Assert.Equal(2.0, rot.FrequenciesHz[1], 0.1);
        Assert.Equal(K, rot.PlaneProjections.Length);
        var dec = RotationalDynamics.Fit(Rec(decaying, K, dirs), options);
        Assert.True(dec.RSquaredFull > 0.9, dec.ToString());
        Assert.True(dec.RSquaredSkew < 0.1, dec.ToString());
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => RotationalDynamics.Fit(Rec(decaying, K, dirs), options with { Components = 3 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => RotationalDynamics.Fit(Rec(decaying, K, dirs), options with { StartMs = 1000 })).ParamName);
    }
}
