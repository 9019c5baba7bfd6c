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
        var task = new PerceptualDecisionTask(new DecisionTaskOptions { StimulusMs = 200, NoiseStd = 0 });
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

public class ContextIntegrationTaskTests
{
    [Fact]
    public void Defaults_follow_Mante_2013_a_750_ms_stimulus_and_six_signed_coherences_per_stream()
    {
        var task = new ContextIntegrationTask();
        Assert.Equal(750, task.Options.StimulusSteps * task.DtMs);
        Assert.Equal(new[] { 0.03, 0.12, 0.5 }, task.Options.Coherences);
        var batch = task.SampleBalanced(1, 3);
        Assert.Equal(72, batch.BatchSize);
        var c = batch.Conditions!;
        Assert.Equal(6, c["motionCoherence"].Distinct().Count());
        Assert.Equal(6, c["colourCoherence"].Distinct().Count());
        Assert.Equal(72, Enumerable.Range(0, 72).Select(b => (c["context"][b], c["motionCoherence"][b], c["colourCoherence"][b])).Distinct().Count());
        Assert.Equal(task.Options.FixationSteps * task.DtMs, task.StimulusOnsetMs);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(10.0)]
    public void The_ideal_observer_matches_the_accuracy_of_the_summed_relevant_evidence(double dtMs)
    {
        // The sign of the summed relevant evidence, on 20,000 sampled trials, is right as often as the closed form says,
        // whatever the step (the noise scales with √(10 ms / dt)).
        var task = new ContextIntegrationTask(new DecisionTaskOptions { DtMs = dtMs });
        var o = task.Options;
        var batch = task.Sample(20_000, 11);
        var c = batch.Conditions!;
        int right = 0;
        for (int b = 0; b < batch.BatchSize; b++)
        {
            int input = c["context"][b] == 0 ? ContextIntegrationTask.MotionInput : ContextIntegrationTask.ColourInput;
            double sum = 0;
            for (int t = o.FixationSteps; t < o.FixationSteps + o.StimulusSteps; t++) sum += batch.Inputs[batch.InputIndex(t, b, input)];
            if (Math.Sign(sum) == c["target"][b]) right++;
        }
        double ideal = task.IdealObserverAccuracy(), observed = right / 20_000.0;
        double se = Math.Sqrt(ideal * (1 - ideal) / 20_000);
        Assert.InRange(observed, ideal - 4 * se, ideal + 4 * se);
        Assert.Equal(new DecisionTaskOptions().IdealObserverAccuracy(), ideal, 2);
        // Φ(c·√75): the exact value at the reference step.
        Assert.Equal(0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(0.12 * Math.Sqrt(75) / Math.Sqrt(2))), new DecisionTaskOptions { DtMs = 10 }.IdealObserverAccuracy(0.12), 14);
    }

    [Fact]
    public void A_delay_separates_the_stimulus_from_the_response_window_with_the_output_unconstrained()
    {
        var task = new ContextIntegrationTask(new DecisionTaskOptions { DtMs = 10, FixationMs = 20, StimulusMs = 100, DelayMs = 50, ResponseMs = 30 });
        var o = task.Options;
        Assert.Equal(2 + 10 + 5 + 3, o.Steps);
        var batch = task.Sample(8, 2);
        for (int b = 0; b < 8; b++)
            for (int t = 0; t < batch.Steps; t++)
            {
                bool stimulus = t >= 2 && t < 12, response = t >= 17;
                Assert.Equal(response ? 1 : 0, batch.Mask[batch.OutputIndex(t, b, 0)]);
                if (!stimulus) Assert.Equal(0, batch.Inputs[batch.InputIndex(t, b, ContextIntegrationTask.MotionInput)]);
            }
    }

    [Fact]
    public void Durations_that_round_to_no_step_are_rejected_naming_the_field()
    {
        var e = Assert.Throws<ArgumentException>(() => new ContextIntegrationTask(new DecisionTaskOptions { StimulusMs = 1 }));
        Assert.Equal("StimulusMs", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new ContextIntegrationTask(new DecisionTaskOptions { DtMs = 0 }));
        Assert.Equal("DtMs", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new ContextIntegrationTask(new DecisionTaskOptions { DelayMs = -5 }));
        Assert.Equal("DelayMs", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new ContextIntegrationTask(new DecisionTaskOptions { DtMs = 0 }));
        Assert.Equal("DtMs", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContextIntegrationTask().SampleBalanced(0, 1));
    }
}
