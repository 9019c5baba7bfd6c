using NeuroRnn.Tasks;

namespace NeuroRnn.Tests.Tasks;

public class DecisionTaskTests
{
    [Fact]
    public void ContextIntegrationCuesTheContextAndTargetsTheRelevantSign()
    {
        var task = new ContextIntegrationTask();
        var o = task.Options;
        var batch = task.Sample(400, 3);
        var c = batch.Conditions!;
        for (int b = 0; b < 400; b++)
        {
            int context = (int)c["context"][b];
            for (int t = 0; t < batch.Steps; t++)
            {
                Assert.Equal(1, batch.Inputs[batch.InputIndex(t, b, 2 + context)]);
                Assert.Equal(0, batch.Inputs[batch.InputIndex(t, b, 3 - context)]);
            }
            Assert.Equal(0, batch.Inputs[batch.InputIndex(0, b, 0)]);
            double relevant = context == 0 ? c["motionCoherence"][b] : c["colourCoherence"][b];
            Assert.Equal(Math.Sign(relevant), c["target"][b]);
            for (int t = 0; t < batch.Steps; t++)
            {
                bool response = t >= o.Steps - o.ResponseSteps;
                Assert.Equal(response ? 1 : 0, batch.Mask[batch.OutputIndex(t, b, 0)]);
                if (response) Assert.Equal(c["target"][b], batch.Targets[batch.OutputIndex(t, b, 0)]);
            }
        }
        // The evidence mean follows the coherence.
        double sumHigh = 0; int n = 0;
        for (int b = 0; b < 400; b++)
            if (c["motionCoherence"][b] == 0.5)
                for (int t = o.FixationSteps; t < o.FixationSteps + o.StimulusSteps; t++) { sumHigh += batch.Inputs[batch.InputIndex(t, b, 0)]; n++; }
        Assert.InRange(sumHigh / n, 0.4, 0.6);
    }

    [Fact]
    public void PsychometricFunctionsOfAnIdealObserver()
    {
        var task = new ContextIntegrationTask();
        var batch = task.Sample(2000, 8);
        // An ideal observer's output: the sign of the relevant coherence (known from the conditions).
        var outputs = new double[batch.Targets.Length];
        for (int b = 0; b < batch.BatchSize; b++)
            for (int t = 0; t < batch.Steps; t++) outputs[batch.OutputIndex(t, b, 0)] = batch.Conditions!["target"][b];
        Assert.Equal(1, task.Score(batch, outputs).Accuracy);
        Assert.Equal(1, task.AccuracyAtCoherence(batch, outputs, 0.5));
        var points = task.Psychometric(batch, outputs);
        Assert.Equal(2 * 2 * 6, points.Count);
        foreach (var p in points)
        {
            if (p.Relevant) Assert.Equal(p.Coherence > 0 ? 1 : 0, p.ChoicePlusFraction);
            else Assert.InRange(p.ChoicePlusFraction, 0.3, 0.7);
            Assert.True(p.Trials > 0);
        }
        Assert.Equal(2000, points.Where(p => p.Input == "motion").Sum(p => p.Trials));
    }

    [Fact]
    public void PerceptualDecisionReportsTheEvidenceSign()
    {
        var task = new PerceptualDecisionTask(new DecisionTaskOptions { StimulusSteps = 20, NoiseStd = 0 });
        var batch = task.Sample(50, 1);
        for (int b = 0; b < 50; b++)
        {
            double coherence = batch.Conditions!["coherence"][b];
            Assert.Equal(coherence, batch.Inputs[batch.InputIndex(task.Options.FixationSteps, b, 0)]);
            Assert.Equal(Math.Sign(coherence), batch.Targets[batch.OutputIndex(batch.Steps - 1, b, 0)]);
        }
        var wrong = new double[batch.Targets.Length];
        for (int j = 0; j < wrong.Length; j++) wrong[j] = -batch.Targets[j];
        Assert.Equal(1, task.Score(batch, wrong).ErrorRate);
        Assert.NotEmpty(task.Psychometric(batch, batch.Targets));
    }

    [Fact]
    public void DelayedResponseHasCueDelayGoAndResponse()
    {
        var task = new DelayedResponseTask();
        var o = task.Options;
        var batch = task.Sample(100, 2);
        for (int b = 0; b < 100; b++)
        {
            double cue = batch.Conditions!["cue"][b];
            int delay = (int)batch.Conditions["delay"][b];
            Assert.InRange(delay, o.MinDelaySteps, o.MaxDelaySteps);
            int go = o.CueSteps + delay;
            Assert.Equal(cue, batch.Inputs[batch.InputIndex(0, b, 0)]);
            Assert.Equal(0, batch.Inputs[batch.InputIndex(o.CueSteps, b, 0)]);
            Assert.Equal(1, batch.Inputs[batch.InputIndex(go, b, 1)]);
            Assert.Equal(go + o.ResponseSteps, batch.Lengths![b]);
            Assert.Equal(cue, batch.Targets[batch.OutputIndex(go, b, 0)]);
            Assert.Equal(0, batch.Targets[batch.OutputIndex(go - 1, b, 0)]);
            Assert.Equal(1, batch.Mask[batch.OutputIndex(go - 1, b, 0)]);
        }
    }

    [Fact]
    public void InvalidOptionsNameTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new ContextIntegrationTask(new DecisionTaskOptions { Coherences = [0.1, -0.2] }));
        Assert.Equal("Coherences", e.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => new DelayedResponseTask(new DelayedResponseOptions { MaxDelaySteps = 2 }));
        Assert.Equal("MaxDelaySteps", e2.ParamName);
    }
}
