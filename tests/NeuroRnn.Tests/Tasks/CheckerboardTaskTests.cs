using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Tests.Tasks;

public class CheckerboardTaskTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(12345)]
    public void EveryTrialFollowsTheDefinition(int seed)
    {
        var task = new CheckerboardTask(new CheckerboardTaskOptions { NoiseStd = 0 });
        var o = task.Options;
        var batch = task.Sample(300, seed);
        var c = batch.Conditions!;
        for (int b = 0; b < batch.BatchSize; b++)
        {
            double coherence = c["coherence"][b], redSide = c["redSide"][b];
            Assert.Contains(Math.Abs(coherence), o.Coherences);
            Assert.Equal(Math.Abs(coherence), c["coherenceMagnitude"][b]);
            Assert.True(redSide is -1 or 1);
            Assert.Equal(Math.Sign(coherence), c["targetColour"][b]);
            // The reach goes to the side of the dominant colour: red dominates → the red target's side.
            Assert.Equal(Math.Sign(coherence) * redSide, c["target"][b]);
            for (int t = 0; t < batch.Steps; t++)
            {
                Assert.Equal(redSide < 0 ? 1 : 0, batch.Inputs[batch.InputIndex(t, b, CheckerboardTask.RedLeftInput)]);
                Assert.Equal(redSide > 0 ? 1 : 0, batch.Inputs[batch.InputIndex(t, b, CheckerboardTask.RedRightInput)]);
                bool board = t >= o.TargetSteps;
                Assert.Equal(board ? (1 + coherence) / 2 : 0, batch.Inputs[batch.InputIndex(t, b, CheckerboardTask.RedInput)], 12);
                Assert.Equal(board ? (1 - coherence) / 2 : 0, batch.Inputs[batch.InputIndex(t, b, CheckerboardTask.GreenInput)], 12);
                int j = batch.OutputIndex(t, b, 0);
                bool grace = t >= o.TargetSteps && t < o.TargetSteps + o.GraceSteps;
                Assert.Equal(grace ? 0 : 1, batch.Mask[j]);
                Assert.Equal(t < o.TargetSteps ? 0 : grace ? 0 : c["target"][b], batch.Targets[j]);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(99)]
    public void TheTargetConfigurationAndTheColourAreIndependentAndBalanced(int seed)
    {
        var batch = new CheckerboardTask().Sample(4000, seed);
        var c = batch.Conditions!;
        int[,] counts = new int[2, 2];
        for (int b = 0; b < batch.BatchSize; b++) counts[c["redSide"][b] > 0 ? 1 : 0, c["targetColour"][b] > 0 ? 1 : 0]++;
        foreach (int n in counts) Assert.InRange(n, 850, 1150); // 1000 ± 4.7 s.d.
    }

    [Fact]
    public void TheNoiseHasTheStatedStandardDeviationAndMean()
    {
        var task = new CheckerboardTask(new CheckerboardTaskOptions { DtMs = 5, NoiseStd = 0.5 });
        var batch = task.Sample(200, 4);
        var c = batch.Conditions!;
        double sum = 0, squares = 0;
        int count = 0;
        for (int b = 0; b < batch.BatchSize; b++)
            for (int t = task.Options.TargetSteps; t < batch.Steps; t++)
            {
                double residual = batch.Inputs[batch.InputIndex(t, b, CheckerboardTask.RedInput)] - (1 + c["coherence"][b]) / 2;
                sum += residual; squares += residual * residual; count++;
            }
        double sd = Math.Sqrt(squares / count);
        Assert.Equal(0.5 * Math.Sqrt(10.0 / 5), sd, 0.02);
        Assert.Equal(0, sum / count, 0.01);
    }

    [Fact]
    public void SamplingIsDeterministicInTheSeed()
    {
        var task = new CheckerboardTask();
        Assert.Equal(task.Sample(20, 5).Inputs, task.Sample(20, 5).Inputs);
        Assert.NotEqual(task.Sample(20, 5).Inputs, task.Sample(20, 6).Inputs);
    }

    [Fact]
    public void TheBalancedBatchHoldsEveryConditionEquallyOften()
    {
        var task = new CheckerboardTask();
        var batch = task.SampleBalanced(3, 1);
        Assert.Equal(14 * 2 * 3, batch.BatchSize);
        var groups = Enumerable.Range(0, batch.BatchSize).GroupBy(b => (batch.Conditions!["coherence"][b], batch.Conditions["redSide"][b])).ToArray();
        Assert.Equal(28, groups.Length);
        Assert.All(groups, g => Assert.Equal(3, g.Count()));
    }

    [Fact]
    public void PsychometricCountsRedChoicesAndReactionTimesReadTheThreshold()
    {
        var task = new CheckerboardTask(new CheckerboardTaskOptions { NoiseStd = 0 });
        var batch = task.SampleBalanced(1, 1);
        var o = task.Options;
        // A perfect observer whose output ramps linearly after checkerboard onset and crosses 0.5 at the 5th step.
        var outputs = new double[batch.Targets.Length];
        for (int b = 0; b < batch.BatchSize; b++)
            for (int t = o.TargetSteps; t < batch.Steps; t++)
                outputs[batch.OutputIndex(t, b, 0)] = batch.Conditions!["target"][b] * Math.Min(1, 0.1 * (t - o.TargetSteps + 1));
        Assert.Equal(0, task.Score(batch, outputs).ErrorRate);
        foreach (var point in task.Psychometric(batch, outputs))
            Assert.Equal(point.Coherence > 0 ? 1 : 0, point.ChoicePlusFraction);
        var rts = task.ReactionTimes(batch, outputs);
        Assert.All(rts, rt => Assert.Equal(5 * o.DtMs, rt, 9));
        var colour = CheckerboardTask.ColourChoices(batch, outputs);
        for (int b = 0; b < batch.BatchSize; b++) Assert.Equal(batch.Conditions!["targetColour"][b], colour[b]);
        var curve = task.ReactionTimeCurve(batch, outputs);
        Assert.Equal(o.Coherences.Count, curve.Count);
        Assert.All(curve, p => { Assert.Equal(1, p.Accuracy); Assert.Equal(5 * o.DtMs, p.MeanMs, 9); });
    }

    [Fact]
    public void BadOptionsNameTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new CheckerboardTask(new CheckerboardTaskOptions { Coherences = [0.2, 1.5] }));
        Assert.Contains("Coherences", e.Message);
        e = Assert.Throws<ArgumentException>(() => new CheckerboardTask(new CheckerboardTaskOptions { DecisionGraceMs = 800 }));
        Assert.Equal("DecisionGraceMs", e.ParamName);
    }

    [Fact]
    public void TheRegistryAndThePresetKnowTheTask()
    {
        var task = TaskRegistry.Create("checkerboard", 500);
        Assert.Equal(500, TaskRegistry.LengthOf(task));
        var preset = TaskPresets.For(task);
        Assert.Equal(3, preset.Network!.Areas!.Count);
        Assert.True(preset.Network.DalesLaw);
        Assert.Equal(((ITimedTask)task).DtMs, preset.Network.Dt);
    }
}
