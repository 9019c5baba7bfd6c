using NeuroRnn.Tasks;
using NeuroRnn.Trials;
using NeuroRnn;

namespace NeuroRnn.Tests.Tasks;

public class PathologicalTaskTests
{
    private static int MaskedSteps(TrialBatch batch, int b, out int lastMasked)
    {
        int count = 0; lastMasked = -1;
        for (int t = 0; t < batch.Steps; t++)
            for (int o = 0; o < batch.OutputCount; o++)
                if (batch.Mask[batch.OutputIndex(t, b, o)] != 0) { count++; lastMasked = t; break; }
        return count;
    }

    [Theory]
    [InlineData("addition")]
    [InlineData("multiplication")]
    [InlineData("xor")]
    [InlineData("temporal-order")]
    [InlineData("mante")]
    [InlineData("perceptual-decision")]
    [InlineData("delayed-response")]
    public void SamplesAreDeterministicValidAndSeedDependent(string name)
    {
        var task = TaskRegistry.Create(name);
        var a = task.Sample(40, 17);
        var b = task.Sample(40, 17);
        var c = task.Sample(40, 18);
        a.Validate();
        Assert.Equal(a.Inputs, b.Inputs);
        Assert.Equal(a.Targets, b.Targets);
        Assert.Equal(a.Mask, b.Mask);
        Assert.NotEqual(a.Inputs, c.Inputs);
        Assert.Equal(task.InputCount, a.InputCount);
        Assert.Equal(task.OutputCount, a.OutputCount);
        Assert.Equal(40, a.BatchSize);
        Assert.NotNull(a.Conditions);
        // Perfect outputs score perfectly.
        var perfect = (double[])a.Targets.Clone();
        Assert.Equal(0, task.Score(a, perfect).ErrorRate);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(30)]
    public void AdditionMatchesWorkloadW1(int length)
    {
        var task = new AdditionTask(length);
        var batch = task.Sample(500, 3);
        Assert.Equal((int)Math.Floor(1.1 * length), batch.Steps);
        int shortest = int.MaxValue, longest = 0;
        for (int b = 0; b < batch.BatchSize; b++)
        {
            int l = batch.Lengths![b];
            shortest = Math.Min(shortest, l); longest = Math.Max(longest, l);
            Assert.InRange(l, length, (int)Math.Floor(1.1 * length));
            var markers = Enumerable.Range(0, batch.Steps).Where(t => batch.Inputs[batch.InputIndex(t, b, 1)] == 1).ToArray();
            Assert.Equal(2, markers.Length);
            Assert.InRange(markers[0], 0, l / 10 - 1);
            Assert.InRange(markers[1], l / 10, l / 2 - 1);
            for (int t = 0; t < l; t++) Assert.InRange(batch.Inputs[batch.InputIndex(t, b, 0)], 0, 1);
            for (int t = l; t < batch.Steps; t++)
            {
                Assert.Equal(0, batch.Inputs[batch.InputIndex(t, b, 0)]);
                Assert.Equal(0, batch.Inputs[batch.InputIndex(t, b, 1)]);
            }
            Assert.Equal(1, MaskedSteps(batch, b, out int last));
            Assert.Equal(l - 1, last);
            double v1 = batch.Inputs[batch.InputIndex(markers[0], b, 0)], v2 = batch.Inputs[batch.InputIndex(markers[1], b, 0)];
            Assert.Equal((v1 + v2) / 2, batch.Targets[batch.OutputIndex(l - 1, b, 0)]);
            Assert.Equal(markers[0], batch.Conditions!["t1"][b]);
        }
        Assert.Equal(length, shortest);
        Assert.Equal((int)Math.Floor(1.1 * length), longest);
    }

    [Fact]
    public void MultiplicationTargetsTheProduct()
    {
        var batch = new MultiplicationTask(50).Sample(20, 1);
        for (int b = 0; b < 20; b++)
        {
            int l = batch.Lengths![b];
            int t1 = (int)batch.Conditions!["t1"][b], t2 = (int)batch.Conditions["t2"][b];
            Assert.Equal(batch.Inputs[batch.InputIndex(t1, b, 0)] * batch.Inputs[batch.InputIndex(t2, b, 0)], batch.Targets[batch.OutputIndex(l - 1, b, 0)]);
        }
    }

    [Fact]
    public void XorUsesItsOwnWindowsAndBinaryTargets()
    {
        const int T = 100;
        var batch = new XorTask(T).Sample(300, 4);
        for (int b = 0; b < 300; b++)
        {
            int l = batch.Lengths![b];
            Assert.InRange(l, T / 2, 55);
            int t1 = (int)batch.Conditions!["t1"][b], t2 = (int)batch.Conditions["t2"][b];
            Assert.InRange(t1, 1, 10);
            Assert.InRange(t2, 15, 25);
            int x1 = (int)batch.Inputs[batch.InputIndex(t1, b, 0)], x2 = (int)batch.Inputs[batch.InputIndex(t2, b, 0)];
            Assert.Equal(x1 ^ x2, batch.Targets[batch.OutputIndex(l - 1, b, 0)]);
            Assert.Equal(1, MaskedSteps(batch, b, out int last));
            Assert.Equal(l - 1, last);
        }
        Assert.Equal(OutputKind.LogisticCrossEntropy, new XorTask(T).OutputKind);
    }

    [Fact]
    public void TemporalOrderPlacesSymbolsAndClasses()
    {
        const int T = 100;
        var batch = new TemporalOrderTask(T).Sample(200, 5);
        for (int b = 0; b < 200; b++)
        {
            int l = batch.Lengths![b];
            int Symbol(int t) => Enumerable.Range(0, 8).Single(i => batch.Inputs[batch.InputIndex(t, b, i)] == 1);
            Assert.Equal(6, Symbol(0));
            Assert.Equal(7, Symbol(l - 1));
            var specials = Enumerable.Range(0, l).Where(t => Symbol(t) is 4 or 5).ToArray();
            Assert.Equal(2, specials.Length);
            Assert.InRange(specials[0], 10, 20);
            Assert.InRange(specials[1], 50, 60);
            int expected = 2 * (Symbol(specials[0]) - 4) + (Symbol(specials[1]) - 4);
            Assert.Equal(1, batch.Targets[batch.OutputIndex(l - 1, b, expected)]);
            Assert.Equal(expected, batch.Conditions!["class"][b]);
            Assert.Equal(1, MaskedSteps(batch, b, out _));
        }
    }

    [Fact]
    public void RealValuedScoringUsesThe004Tolerance()
    {
        var task = new AdditionTask(20);
        var batch = task.Sample(10, 2);
        var outputs = (double[])batch.Targets.Clone();
        int j0 = batch.OutputIndex(batch.Lengths![0] - 1, 0, 0), j1 = batch.OutputIndex(batch.Lengths[1] - 1, 1, 0);
        outputs[j0] += 0.039;
        outputs[j1] -= 0.041;
        var score = task.Score(batch, outputs);
        Assert.Equal(0.1, score.ErrorRate, 12);
        // Unmasked entries never count.
        outputs[batch.OutputIndex(0, 3, 0)] = 1e6;
        Assert.Equal(0.1, task.Score(batch, outputs).ErrorRate, 12);
        outputs[j0] = double.NaN;
        Assert.Equal(0.2, task.Score(batch, outputs).ErrorRate, 12);
        Assert.Throws<ArgumentException>(() => task.Score(batch, new double[3]));
    }

    [Fact]
    public void ClassScoringUsesArgmax()
    {
        var task = new TemporalOrderTask(20);
        var batch = task.Sample(4, 1);
        var outputs = new double[batch.Targets.Length];
        for (int j = 0; j < outputs.Length; j++) outputs[j] = 0.1 + 0.7 * batch.Targets[j];
        Assert.Equal(0, task.Score(batch, outputs).ErrorRate);
        int l = batch.Lengths![2];
        int cls = (int)batch.Conditions!["class"][2];
        outputs[batch.OutputIndex(l - 1, 2, (cls + 1) % 4)] = 0.95;
        Assert.Equal(0.25, task.Score(batch, outputs).ErrorRate);
    }

    [Fact]
    public void RegistryListsTasksAndRejectsUnknownNamesAndBadLengths()
    {
        Assert.Contains("addition", TaskRegistry.Names);
        Assert.Equal(8, TaskRegistry.Names.Count); // incl. checkerboard
        Assert.Contains("checkerboard", TaskRegistry.Names);
        var e = Assert.Throws<ArgumentException>(() => TaskRegistry.Create("adition"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("temporal-order", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => TaskRegistry.Create("addition", 3));
        Assert.Equal("length", e2.ParamName);
        Assert.Equal(30, ((AdditionTask)TaskRegistry.Create("ADDITION", 30)).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdditionTask(30).Sample(0, 1));
    }

    [Fact]
    public void SliceKeepsTrialsLengthsAndConditions()
    {
        var batch = new AdditionTask(20).Sample(10, 9);
        var part = batch.Slice(3, 4);
        part.Validate();
        for (int t = 0; t < batch.Steps; t++)
            for (int b = 0; b < 4; b++)
            {
                Assert.Equal(batch.Inputs[batch.InputIndex(t, b + 3, 0)], part.Inputs[part.InputIndex(t, b, 0)]);
                Assert.Equal(batch.Mask[batch.OutputIndex(t, b + 3, 0)], part.Mask[part.OutputIndex(t, b, 0)]);
            }
        Assert.Equal(batch.Lengths![3..7], part.Lengths);
        Assert.Equal(batch.Conditions!["t2"][3..7], part.Conditions!["t2"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Slice(8, 3));
    }

    [Fact]
    public void SeededRandomIsUniformEnoughAndStable()
    {
        var r = new SeededRandom(42);
        var first = r.NextUInt64();
        Assert.Equal(first, new SeededRandom(42).NextUInt64());
        var counts = new int[5];
        for (int i = 0; i < 50_000; i++) counts[r.NextInt(0, 4)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        double sum = 0, sq = 0;
        for (int i = 0; i < 50_000; i++) { double g = r.NextGaussian(); sum += g; sq += g * g; }
        Assert.InRange(sum / 50_000, -0.02, 0.02);
        Assert.InRange(sq / 50_000, 0.97, 1.03);
        Assert.NotEqual(SeededRandom.Derive(1, 1, 0), SeededRandom.Derive(1, 1, 1));
        Assert.NotEqual(SeededRandom.Derive(1, 1, 0), SeededRandom.Derive(1, 2, 0));
        Assert.Equal(SeededRandom.Derive(7, 1, 3), SeededRandom.Derive(7, 1, 3));
    }
}
