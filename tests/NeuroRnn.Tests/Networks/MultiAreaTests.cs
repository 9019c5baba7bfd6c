using NeuroRnn.Analysis;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Tests.Networks;

public class MultiAreaTests
{
    [Fact]
    public void TheArchitectureIsFeedForwardDominantExcitatoryAndReadFromTheLastArea()
    {
        var options = new MultiAreaOptions { AreaSizes = [40, 40, 40], FeedforwardDensity = 0.2, FeedbackDensity = 0.05 }
            .Apply(new RateRnnOptions { UnitCount = 120, InputCount = 4, OutputCount = 1 });
        var model = new RateRnn(options);
        var w = model.EffectiveRecurrentWeights();
        int n = 120;
        int forward = 0, backward = 0;
        for (int post = 0; post < n; post++)
            for (int pre = 0; pre < n; pre++)
            {
                double weight = w[pre * n + post];
                int target = post / 40, source = pre / 40;
                if (weight == 0) continue;
                // Dale: the sign is the presynaptic unit's type.
                Assert.Equal(model.IsExcitatory(pre) ? 1 : -1, Math.Sign(weight));
                if (target != source)
                {
                    Assert.True(model.IsExcitatory(pre), $"inhibitory unit {pre} projects out of its area");
                    Assert.True(model.IsExcitatory(post), $"inter-area connection onto inhibitory unit {post} (default: E → E only)");
                    Assert.Equal(1, Math.Abs(target - source));
                    if (target > source) forward++; else backward++;
                }
            }
        Assert.True(forward > 2 * backward, $"forward {forward} vs backward {backward}");
        Assert.True(backward > 0);
        var p = model.GetParameters();
        var win = model.Layout.Slice((ReadOnlySpan<double>)p, ParameterBlock.InputWeights);
        for (int i = 0; i < 4; i++)
            for (int u = 0; u < n; u++) Assert.Equal(u < 40, win[i * n + u] != 0);
        var wout = model.Layout.Slice((ReadOnlySpan<double>)p, ParameterBlock.OutputWeights);
        for (int u = 0; u < n; u++) Assert.Equal(u >= 80 && model.IsExcitatory(u), wout[u] != 0);
    }

    [Fact]
    public void InterAreaProjectionsReachInhibitoryUnitsOnlyWhenAsked()
    {
        static int OntoInhibitory(MultiAreaOptions areas)
        {
            var model = new RateRnn(areas.Apply(new RateRnnOptions { UnitCount = 120, InputCount = 4, OutputCount = 1 }));
            var w = model.EffectiveRecurrentWeights();
            int count = 0;
            for (int post = 0; post < 120; post++)
                for (int pre = 0; pre < 120; pre++)
                    if (post / 40 != pre / 40 && w[pre * 120 + post] != 0 && !model.IsExcitatory(post)) count++;
            return count;
        }
        var areas = new MultiAreaOptions { AreaSizes = [40, 40, 40], FeedforwardDensity = 0.3, FeedbackDensity = 0.1 };
        Assert.Equal(0, OntoInhibitory(areas));
        Assert.True(OntoInhibitory(areas with { InterAreaOntoInhibitory = true }) > 0);
    }

    [Fact]
    public void BalancedInhibitionCancelsEachUnitsSummedInput()
    {
        var options = new MultiAreaOptions { AreaSizes = [30, 30] }.Apply(new RateRnnOptions { UnitCount = 60, InputCount = 1 });
        var w = new RateRnn(options).EffectiveRecurrentWeights();
        for (int post = 0; post < 60; post++)
        {
            double sum = 0, magnitude = 0;
            for (int pre = 0; pre < 60; pre++) { sum += w[pre * 60 + post]; magnitude += Math.Abs(w[pre * 60 + post]); }
            Assert.True(Math.Abs(sum) < 1e-9 * magnitude, $"unit {post}: summed weight {sum}");
        }
    }

    [Fact]
    public void AreaSizesThatDoNotSumToTheNetworkAreAnErrorNamingTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiAreaOptions { AreaSizes = [50, 50] }.Apply(new RateRnnOptions { UnitCount = 120 }));
        Assert.Equal("AreaSizes", e.ParamName);
        Assert.Contains("120", e.Message);
        e = Assert.Throws<ArgumentException>(() => TaskPresets.Checkerboard(20, new MultiAreaOptions { AreaSizes = [50, 0] }));
        Assert.Equal("AreaSizes", e.ParamName);
    }

    [Fact]
    public void TheDecoderFindsALinearlyCodedLabelAndNotNoise()
    {
        var random = new Random(3);
        int n = 200;
        var x = new double[n, 10];
        var labels = new double[n];
        for (int k = 0; k < n; k++)
        {
            labels[k] = k % 2 == 0 ? 1 : -1;
            for (int c = 0; c < 10; c++) x[k, c] = random.NextDouble() - 0.5 + (c == 3 ? 0.8 * labels[k] : 0);
        }
        Assert.True(LinearDecoder.CrossValidatedAccuracy(x, labels) > 0.95);
        var shuffled = labels.OrderBy(_ => random.Next()).ToArray();
        for (int k = 0; k < n; k++) x[k, 3] = random.NextDouble();
        Assert.InRange(LinearDecoder.CrossValidatedAccuracy(x, shuffled), 0.3, 0.7);
    }

    [Fact]
    public void AShortlyTrainedThreeAreaNetworkIsAnalysedPerAreaAndPathway()
    {
        var task = new CheckerboardTask(new CheckerboardTaskOptions { DtMs = 25, CheckerboardMs = 500 });
        // Denser than the defaults: with 10 E units per area and E → E projections only, 10 % forward gives ~10 connections,
        // too few for 3 iterations to carry any choice to area 3 (CP is undefined when every trial ends in one choice).
        var areas = new MultiAreaOptions { AreaSizes = [12, 12, 12], FeedforwardDensity = 0.3, FeedbackDensity = 0.1 };
        var options = TaskPresets.Checkerboard(25, areas) with { Iterations = 3, TestTrials = 100 };
        options = options with { HessianFree = options.HessianFree! with { GradientBatchSize = 100, CurvatureBatchSize = 30, MaxCgIterations = 10 } };
        var network = TaskTraining.Train(task, options);
        var report = MultiAreaAnalysis.Analyse(network, task.SampleBalanced(6, 2), 100, 300, permutations: 50);
        Assert.Equal(["area1", "area2", "area3"], report.Areas.Select(a => a.Area));
        Assert.All(report.Areas, a => Assert.Equal(12, a.Units.Length));
        Assert.All(report.Areas, a => Assert.InRange(a.DirectionDecoding, 0, 1));
        // Only adjacent areas are connected (1↔2, 2↔3).
        Assert.Equal(4, report.Pathways.Count);
        Assert.DoesNotContain(report.Pathways, p => (p.Source, p.Target) is ("area1", "area3") or ("area3", "area1"));
        var e = Assert.Throws<ArgumentException>(() => MultiAreaAnalysis.Analyse(network, task.SampleBalanced(2, 2), 100, 100));
        Assert.Equal("endMs", e.ParamName);
    }
}
