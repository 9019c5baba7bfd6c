using NeuroRnn.Analysis;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Analysis;

public class ExcitationInhibitionTests
{
    // Three units: 0 and 1 excitatory, 2 inhibitory. W[post, pre] (column-major: pre·3 + post).
    private static readonly double[,] W = { { 0, 2, -1 }, { 1, 0, -3 }, { 0.5, 0.5, 0 } };

    private static double[] ColumnMajor(double[,] m)
    {
        int n = m.GetLength(0);
        var w = new double[n * n];
        for (int post = 0; post < n; post++) for (int pre = 0; pre < n; pre++) w[pre * n + post] = m[post, pre];
        return w;
    }

    [Fact]
    public void CurrentsOfAHandBuiltNetworkMatchHandComputation()
    {
        // One step, two trials; rates [unit, time, trial].
        double[] rates = [1, 2, /* unit 1 */ 0.5, 0, /* unit 2 */ 2, 1];
        double[] external = [0.1, 0.1, 0, 0, -0.2, 0];
        var c = ExcitationInhibition.Currents(ColumnMajor(W), [true, true, false], rates, external, [10], 2);
        // Unit 0, trial 0: E = 2·0.5 = 1, I = −1·2 = −2; trial 1: E = 0, I = −1.
        Assert.Equal(1, c.Excitatory[c.Index(0, 0, 0)], 12);
        Assert.Equal(-2, c.Inhibitory[c.Index(0, 0, 0)], 12);
        Assert.Equal(-0.9, c.Net[c.Index(0, 0, 0)], 12);
        Assert.Equal(0, c.Excitatory[c.Index(0, 0, 1)], 12);
        Assert.Equal(-1, c.Inhibitory[c.Index(0, 0, 1)], 12);
        // Unit 1, trial 0: E = 1·1 = 1, I = −3·2 = −6; trial 1: E = 2, I = −3.
        Assert.Equal(1, c.Excitatory[c.Index(1, 0, 0)], 12);
        Assert.Equal(-6, c.Inhibitory[c.Index(1, 0, 0)], 12);
        Assert.Equal(2, c.Excitatory[c.Index(1, 0, 1)], 12);
        Assert.Equal(-3, c.Inhibitory[c.Index(1, 0, 1)], 12);
        // Unit 2 (only E inputs): trial 0: 0.5·1 + 0.5·0.5 = 0.75; trial 1: 1.
        Assert.Equal(0.75, c.Excitatory[c.Index(2, 0, 0)], 12);
        Assert.Equal(0, c.Inhibitory[c.Index(2, 0, 0)], 12);
        Assert.Equal(0.55, c.Net[c.Index(2, 0, 0)], 12);
        Assert.Equal("presynaptic type", c.SplitBy);
    }

    [Fact]
    public void WithoutDalesLawEachConnectionIsSplitByItsSign()
    {
        double[,] mixed = { { 0, 2, -1 }, { -1, 0, 3 }, { 0, 0, 0 } };
        var c = ExcitationInhibition.Currents(ColumnMajor(mixed), null, [1, 1, 1], null, [0], 1);
        // Unit 1: +3·r2 excitatory, −1·r0 inhibitory.
        Assert.Equal(3, c.Excitatory[c.Index(1, 0, 0)], 12);
        Assert.Equal(-1, c.Inhibitory[c.Index(1, 0, 0)], 12);
        Assert.Equal("weight sign", c.SplitBy);
    }

    [Fact]
    public void ADaleViolationNamesTheUnit()
    {
        double[,] bad = { { 0, 2, 1 }, { 1, 0, -3 }, { 0.5, 0.5, 0 } };
        var e = Assert.Throws<ArgumentException>(() => ExcitationInhibition.Currents(ColumnMajor(bad), [true, true, false], new double[3], null, [0], 1));
        Assert.Contains("Unit 2 is inhibitory", e.Message);
    }

    [Fact]
    public void BalanceIndicesOfKnownCurrents()
    {
        // One unit, four steps, two trials (stimuli 0 and 1): I = −E exactly on trial 0, no inhibition on trial 1.
        var e = new double[] { 1, 1, 2, 2, 3, 3, 4, 4 };      // [t, k] for unit 0: (t·2 + k)
        var i = new double[] { -1, 0, -2, 0, -3, 0, -4, 0 };
        var net = e.Zip(i, (a, b) => a + b).ToArray();
        var currents = new SynapticCurrents(1, 4, 2, [0, 1, 2, 3], e, i, new double[8], net, [true], "presynaptic type");
        var report = ExcitationInhibition.Balance(currents, 0, 4, [0, 1]);
        var u = report.Units[0];
        Assert.Equal(2.5, u.MeanExcitatory, 12);
        Assert.Equal(-1.25, u.MeanInhibitory, 12);
        Assert.Equal(2, u.Ratio, 12);
        // Σ|E + I| = 0 + 10, Σ(E + |I|) = 20 + 10 → 1 − 10/30.
        Assert.Equal(1 - 10.0 / 30, u.Cancellation, 12);
        // Trial 0: E and |I| perfectly correlated; trial 1: |I| constant → NaN, left out.
        Assert.Equal(1, u.TemporalCorrelation, 12);
        Assert.Equal([2.5, 2.5], u.ExcitatoryTuning);
        Assert.Equal([2.5, 0], u.InhibitoryTuning);
        Assert.Throws<ArgumentException>(() => ExcitationInhibition.Balance(currents, 10, 20));
    }

    [Fact]
    public void TheNetCurrentOfASimulatedNetworkDrivesItsEulerUpdate()
    {
        var options = new RateRnnOptions
        {
            UnitCount = 12, InputCount = 2, OutputCount = 1, Dt = 2, Tau = 10, DalesLaw = true, Nonlinearity = Nonlinearity.Softplus,
            LearnInitialState = false, Seed = 5,
        };
        var model = new RateRnn(options);
        var random = new Random(1);
        int steps = 6, trials = 3;
        var inputs = Enumerable.Range(0, steps * trials * 2).Select(_ => random.NextDouble()).ToArray();
        var batch = new TrialBatch(steps, trials, 2, 1, inputs, new double[steps * trials], new double[steps * trials], null, null);
        var c = NetworkCurrents.Of(model, batch, 2);
        var run = model.Run(batch);
        double alpha = options.Alpha;
        for (int t = 0; t < steps; t++)
            for (int k = 0; k < trials; k++)
                for (int u = 0; u < 12; u++)
                {
                    double expected = (1 - alpha) * run.State(t, k, u) + alpha * c.Net[c.Index(u, t, k)];
                    Assert.Equal(expected, run.State(t + 1, k, u), 10);
                    Assert.True(c.Excitatory[c.Index(u, t, k)] >= 0 && c.Inhibitory[c.Index(u, t, k)] <= 0);
                }
        Assert.Equal(2, c.TimeMs[0]);
    }
}
