using NeuroRnn.Dynamics;
using NeuroRnn.Models;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Dynamics;

public class FixedPointFinderTests
{
    private static readonly FixedPointOptions NoOutlierCheck = new() { OutlierDistanceScale = null };

    [Fact]
    public void Linear_network_has_its_one_fixed_point_at_the_solution_of_the_linear_system()
    {
        // ReLU with non-negative weights and positive drive: the fixed point x* = (I − W)⁻¹(W_in u + b) is positive, where
        // the network is linear.
        const int n = 20;
        var random = new SeededRandom(1);
        var w = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w[i, j] = 1.6 * random.NextDouble() / n;
        var win = new double[n, 2];
        for (int i = 0; i < n; i++) { win[i, 0] = random.NextDouble(); win[i, 1] = random.NextDouble(); }
        var b = Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var model = TestNetworks.Build(w, win, b, Nonlinearity.Relu);
        double[] input = [0.7, -0.2];
        var drive = Enumerable.Range(0, n).Select(i => win[i, 0] * input[0] + win[i, 1] * input[1] + b[i]).ToArray();
        var expected = Solve(Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => (i == j ? 1 : 0) - w[i, j]).ToArray()).ToArray(), drive);
        Assert.True(expected.All(v => v > 0.1), "the test network's fixed point should lie in the linear (positive) region");
        var starts = Enumerable.Range(0, 16).Select(_ => expected.Select(v => v + 0.05 * random.NextGaussian()).ToArray()).ToArray();

        var result = FixedPointFinder.FindFrom(model, starts, input, NoOutlierCheck);

        var point = Assert.Single(result.Points);
        Assert.Equal(FixedPointKind.Fixed, point.Kind);
        Assert.True(TestNetworks.Distance(point.State, expected) < 1e-8, $"distance {TestNetworks.Distance(point.State, expected):G3}; {result}");
        Assert.Equal(15, result.DuplicateCount);
        Assert.Equal(input, point.Input);
        Assert.True(point.Iterations <= 8, $"damped Newton on a linear system converges in a few steps; took {point.Iterations}");
    }

    [Fact]
    public void Bistable_pair_has_two_stable_fixed_points_and_a_saddle_at_the_origin()
    {
        // x = 2·tanh of the other unit: fixed points 0 and ±(s, s) with s = 2 tanh s.
        var model = TestNetworks.Build(new double[,] { { 0, 2 }, { 2, 0 } }, new double[2, 0], [0, 0], Nonlinearity.Tanh);
        double s = TestNetworks.SelfConsistentRate(2);
        var random = new SeededRandom(5);
        var starts = Enumerable.Range(0, 60).Select(_ => new[] { 6 * random.NextDouble() - 3, 6 * random.NextDouble() - 3 }).ToArray();

        var result = FixedPointFinder.FindFrom(model, starts, options: NoOutlierCheck);

        Assert.Equal(3, result.FixedPoints.Count);
        Assert.Empty(result.SlowPoints);
        var byFirst = result.Points.OrderBy(p => p.State[0]).ToArray();
        double[][] expected = [[-s, -s], [0, 0], [s, s]];
        for (int k = 0; k < 3; k++)
            Assert.True(TestNetworks.Distance(byFirst[k].State, expected[k]) < 1e-8, $"point {k}: ({byFirst[k].State[0]:R}, {byFirst[k].State[1]:R}), expected ({expected[k][0]:R}, {expected[k][1]:R})");
        Assert.Equal(1, byFirst[1].Linearize().UnstableModeCount);
        Assert.Equal(0, byFirst[0].Linearize().UnstableModeCount);
        Assert.Equal(0, byFirst[2].Linearize().UnstableModeCount);
        // At (s, s) the eigenvalues are (−1 ± 2 f′(s))/τ.
        double slope = 1 - Math.Tanh(s) * Math.Tanh(s);
        var lin = byFirst[2].Linearize();
        Assert.Equal((-1 + 2 * slope) / 10, lin.Eigenvalues[0].Real, 12);
        Assert.Equal((-1 - 2 * slope) / 10, lin.Eigenvalues[1].Real, 12);
        Assert.Same(lin, byFirst[2].Linearize());
    }

    [Fact]
    public void Ring_attractor_points_lie_on_the_ring_with_one_zero_mode_along_it()
    {
        const int n = 64;
        var (model, amplitude) = TestNetworks.Ring(n, coupling: 4);
        var random = new SeededRandom(9);
        var starts = Enumerable.Range(0, 40).Select(_ =>
        {
            double phi = 2 * Math.PI * random.NextDouble();
            return Enumerable.Range(0, n).Select(i => 0.8 * amplitude * Math.Cos(TestNetworks.Angle(i, n) - phi) + 0.1 * random.NextGaussian()).ToArray();
        }).ToArray();

        var result = FixedPointFinder.FindFrom(model, starts);

        Assert.True(result.FixedPoints.Count >= 20, $"a continuum of fixed points should give many distinct points from 40 starts: {result}");
        foreach (var point in result.Points)
        {
            Assert.Equal(FixedPointKind.Fixed, point.Kind);
            double c = 0, sn = 0;
            for (int i = 0; i < n; i++) { c += point.State[i] * Math.Cos(TestNetworks.Angle(i, n)); sn += point.State[i] * Math.Sin(TestNetworks.Angle(i, n)); }
            double phi = Math.Atan2(sn, c);
            var onRing = Enumerable.Range(0, n).Select(i => amplitude * Math.Cos(TestNetworks.Angle(i, n) - phi)).ToArray();
            var tangent = Enumerable.Range(0, n).Select(i => Math.Sin(TestNetworks.Angle(i, n) - phi)).ToArray();
            Assert.True(TestNetworks.Distance(point.State, onRing) < 1e-8, $"distance to the ring {TestNetworks.Distance(point.State, onRing):G3} at φ = {phi:F4}");
            var lin = point.Linearize();
            var zero = lin.Eigenvalues[lin.SlowestMode];
            Assert.True(zero.Magnitude < 1e-10, $"the mode along the ring should have λ = 0, got {zero}");
            double alignment = Math.Abs(Cosine(lin.SlowDirection!, tangent));
            Assert.True(alignment > 1 - 1e-8, $"slow direction ∦ ring tangent: |cos| = {alignment:R}");
            Assert.True(lin.SlowModeSeparation > 1e6, $"the zero mode should stand apart from the rest: {lin}");
        }
    }

    [Fact]
    public void Search_from_trajectories_is_reproducible_for_a_seed_and_reports_what_it_dropped()
    {
        var model = new RateRnn(new RateRnnOptions { UnitCount = 30, InputCount = 2, Gain = 1.6, Seed = 4 });
        var batch = ConstantInputBatch(steps: 60, trials: 6, [0.3, -0.5], seed: 2);
        var trajectory = model.Run(batch);
        var options = new FixedPointOptions { StartCount = 48, StartNoiseStd = 0.05, Seed = 11 };

        var first = FixedPointFinder.Find(model, trajectory, [0.3, -0.5], options);
        var second = FixedPointFinder.Find(model, trajectory, [0.3, -0.5], options);

        Assert.NotEmpty(first.Points);
        Assert.Equal(first.Points.Select(p => p.StartIndex), second.Points.Select(p => p.StartIndex));
        for (int k = 0; k < first.Points.Count; k++) Assert.Equal(first.Points[k].State, second.Points[k].State);
        Assert.Equal(48, first.StartCount);
        Assert.Equal(48, first.Points.Count + first.DuplicateCount + first.OutlierCount + first.RejectedCount);
        // Fixed points first, then by ascending q.
        for (int k = 1; k < first.Points.Count; k++)
            Assert.True(first.Points[k - 1].Kind < first.Points[k].Kind || (first.Points[k - 1].Kind == first.Points[k].Kind && first.Points[k - 1].Q <= first.Points[k].Q));
        foreach (var p in first.Points)
        {
            var velocity = RateRnnDynamics.Of(model).Velocity(p.State, [0.3, -0.5]);
            Assert.Equal(p.Speed, Math.Sqrt(velocity.Sum(v => v * v)), 1e-12);
        }
        Assert.Contains("from 48 starts", first.ToString());
        Assert.Equal(first.Points.Count, first.States().GetLength(0));
    }

    [Fact]
    public void Stopping_at_slow_points_keeps_points_with_q_between_the_two_tolerances()
    {
        var (model, amplitude) = TestNetworks.Ring(16, coupling: 4);
        var starts = new[] { Enumerable.Range(0, 16).Select(i => 0.9 * amplitude * Math.Cos(TestNetworks.Angle(i, 16))).ToArray() };
        var options = new FixedPointOptions { StopAtSlowPoints = true, SlowPointTolerance = 1e-6, FixedPointTolerance = 1e-20 };

        var point = Assert.Single(FixedPointFinder.FindFrom(model, starts, options: options).Points);

        Assert.Equal(FixedPointKind.Slow, point.Kind);
        Assert.InRange(point.Q, 1e-20, 1e-6);
        Assert.Contains("slow point", point.ToString());
    }

    [Fact]
    public void Starts_are_drawn_only_from_the_chosen_trials()
    {
        // Two trials with opposite constant inputs drive a bistable pair to opposite attractors; starts from trial 1 only
        // (and the trial-1 input) can only find the attractor on trial 1's side.
        var model = TestNetworks.Build(new double[,] { { 0, 2 }, { 2, 0 } }, new double[,] { { 1 }, { 1 } }, [0, 0], Nonlinearity.Tanh);
        var builder = new TrialBatchBuilder(80, 2, 1, 1);
        for (int t = 0; t < 80; t++) { builder.SetInput(t, 0, 0, 1); builder.SetInput(t, 1, 0, -1); }
        var trajectory = model.Run(builder.Build(variableLengths: false));
        var result = FixedPointFinder.Find(model, trajectory, [0.0], new FixedPointOptions { Trials = [1], StartCount = 20 });
        Assert.All(result.Points, p => Assert.True(p.State[0] < 0, $"found {p.State[0]} from trial 1, which ends negative"));
    }

    [Fact]
    public void Wrong_sizes_NaN_and_invalid_options_are_rejected_naming_the_argument()
    {
        var model = new RateRnn(new RateRnnOptions { UnitCount = 5, InputCount = 2 });
        var other = new RateRnn(new RateRnnOptions { UnitCount = 6, InputCount = 2 });
        var trajectory = model.Run(ConstantInputBatch(5, 2, [0, 0], 1));
        double[][] starts = [new double[5]];

        var e = Assert.Throws<ArgumentException>(() => FixedPointFinder.Find(model, trajectory, [1.0, 2, 3]));
        Assert.Equal("input", e.ParamName);
        Assert.Contains("3 values", e.Message);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.Find(other, trajectory));
        Assert.Equal("trajectory", e.ParamName);
        Assert.Contains("6", e.Message);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, [new double[] { 0, 0, double.NaN, 0, 0 }]));
        Assert.Equal("starts", e.ParamName);
        Assert.Contains("NaN", e.Message);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, [new double[4]]));
        Assert.Equal("starts", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, starts, [double.NaN, 0]));
        Assert.Equal("input", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, []));
        Assert.Equal("starts", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, starts, options: new FixedPointOptions { StartCount = 0 }));
        Assert.Equal("StartCount", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.FindFrom(model, starts, options: new FixedPointOptions { SlowPointTolerance = 1e-30 }));
        Assert.Equal("SlowPointTolerance", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPointFinder.Find(model, trajectory, options: new FixedPointOptions { Trials = [2] }));
        Assert.Equal("Trials", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => RateRnnDynamics.Of(model).Linearize([0, 0, 0, double.PositiveInfinity, 0]));
        Assert.Equal("state", e.ParamName);
    }

    internal static TrialBatch ConstantInputBatch(int steps, int trials, double[] input, int seed)
    {
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(steps, trials, input.Length, 1);
        for (int b = 0; b < trials; b++)
        {
            // A random kick in the first step spreads the trials over state space.
            for (int i = 0; i < input.Length; i++) builder.SetInput(0, b, i, 5 * random.NextGaussian());
            for (int t = 1; t < steps; t++)
                for (int i = 0; i < input.Length; i++) builder.SetInput(t, b, i, input[i]);
        }
        return builder.Build(variableLengths: false);
    }

    private static double Cosine(double[] a, double[] b) =>
        a.Zip(b, (x, y) => x * y).Sum() / Math.Sqrt(a.Sum(x => x * x) * b.Sum(y => y * y));

    private static double[] Solve(double[][] a, double[] b)
    {
        int n = b.Length;
        var m = a.Select(r => (double[])r.Clone()).ToArray();
        var x = (double[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int p = Enumerable.Range(k, n - k).MaxBy(i => Math.Abs(m[i][k]));
            (m[k], m[p]) = (m[p], m[k]);
            (x[k], x[p]) = (x[p], x[k]);
            for (int i = k + 1; i < n; i++)
            {
                double f = m[i][k] / m[k][k];
                for (int j = k; j < n; j++) m[i][j] -= f * m[k][j];
                x[i] -= f * x[k];
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            for (int j = k + 1; j < n; j++) x[k] -= m[k][j] * x[j];
            x[k] /= m[k][k];
        }
        return x;
    }
}
