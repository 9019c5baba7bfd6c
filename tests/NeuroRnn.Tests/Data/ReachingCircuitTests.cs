using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Data;

public class ReachingCircuitTests
{
    private static readonly ReachingCircuit Circuit = new(new ReachingCircuitOptions { Seed = 5 });
    private static readonly ReachingSession Session = Circuit.Generate();

    [Fact]
    public void Same_seed_gives_identical_sessions_and_other_seeds_differ()
    {
        var again = new ReachingCircuit(new ReachingCircuitOptions { Seed = 5 }).Generate();
        var other = new ReachingCircuit(new ReachingCircuitOptions { Seed = 6 }).Generate();
        Assert.True(Session.Neurons.ContentEquals(again.Neurons));
        Assert.True(Session.Muscles.ContentEquals(again.Muscles));
        Assert.True(Session.Latents.ContentEquals(again.Latents));
        Assert.False(Session.Neurons.ContentEquals(other.Neurons));
        Assert.False(Session.Muscles.ContentEquals(other.Muscles));
        // With noise, still bit-identical from the seed.
        var noisy = new ReachingCircuitOptions { Seed = 5, Units = 30, RateNoiseHz = 3, TrialsPerCondition = 3 };
        Assert.True(new ReachingCircuit(noisy).Generate().Neurons.ContentEquals(new ReachingCircuit(noisy).Generate().Neurons));
    }

    [Fact]
    public void Session_layout_trials_table_and_time_axis()
    {
        var n = Session.Neurons;
        Assert.Equal((200, 140, 8), (n.UnitCount, n.TimeCount, n.TrialCount));
        Assert.Equal((6, 140, 8), (Session.Muscles.UnitCount, Session.Muscles.TimeCount, Session.Muscles.TrialCount));
        Assert.Equal(8, Session.Latents.UnitCount);
        Assert.Equal(-95, n.TimeMs[0]);
        Assert.Equal(1295, n.TimeMs[^1]);
        Assert.Equal(RecordingValueKind.RatesHz, n.ValueKind);
        Assert.Equal([0, 45, 90, 135, 180, 225, 270, 315], Session.DirectionsDeg);
        Assert.Equal(Enumerable.Range(0, 8).Select(c => (double)c), n.Trials.GetDoubles("condition"));
        Assert.All(n.Trials.GetDoubles("go_ms"), g => Assert.Equal(500, g));
        Assert.All(n.Data.ToArray(), v => Assert.True(v > 0 && double.IsFinite(v)));
        Assert.Equal(200, n.Units.GetStrings("unit").Distinct().Count());
        // Before the target the circuit is at rest: every unit at its baseline + gain·softplus(offset), the same in all trials.
        for (int u = 0; u < 200; u += 17)
            for (int k = 1; k < 8; k++) Assert.Equal(n[u, 0, 0], n[u, 9, k]);
    }

    [Fact]
    public void Movement_epoch_dynamics_are_rotational_and_preparatory_ones_are_not()
    {
        var movement = RotationalDynamics.Fit(Session.Neurons, new RotationalDynamicsOptions { StartMs = 500, EndMs = 1000 });
        Assert.True(movement.RSquaredFull > 0.95, movement.ToString());
        Assert.True(movement.RSquaredSkew > 0.8, movement.ToString());
        Assert.True(movement.RotationalFraction > 0.8, movement.ToString());
        // The skew fit recovers rotation frequencies of the designed planes (1.25, 2, 3 Hz) within the band they span.
        Assert.InRange(movement.FrequenciesHz[0], 2.0, 3.5);
        // While the state settles into its preparatory state nothing rotates.
        var delay = RotationalDynamics.Fit(Session.Neurons, new RotationalDynamicsOptions { StartMs = 100, EndMs = 480 });
        Assert.True(delay.RSquaredSkew < 0.2, delay.ToString());
    }

    [Fact]
    public void Population_is_low_dimensional_and_the_latents_are_its_ground_truth()
    {
        var cumulative = PopulationActivity.CumulativeVarianceExplained(Session.Neurons, 5);
        Assert.True(cumulative[4] > 0.92, $"5 PCs explain {cumulative[4]:P1}");
        // The units are a (rectified) mixture of the visible latents: SVCCA with the latent state is high.
        var names = Session.Latents.Units.GetStrings("unit");
        var visible = Session.Latents.SelectUnits(Enumerable.Range(0, names.Length).Where(d => names[d] != "ci_drive").ToArray());
        Assert.Equal(7, visible.UnitCount);
        var svcca = Svcca.Compare(Session.Neurons, visible, new SvccaOptions { Components = 5 });
        Assert.True(svcca.Similarity > 0.95, svcca.ToString());
        // Another population of the same circuit looks the same to SVCCA; one of other dynamics does not.
        var sibling = new ReachingCircuit(new ReachingCircuitOptions { Seed = 5, PopulationSeed = 77 }).Generate();
        Assert.False(sibling.Neurons.ContentEquals(Session.Neurons));
        Assert.True(sibling.Muscles.ContentEquals(Session.Muscles));
        var siblings = Svcca.Compare(Session.Neurons, sibling.Neurons, new SvccaOptions { Components = 5 });
        Assert.True(siblings.Similarity > 0.97, siblings.ToString());
        var slower = new ReachingCircuit(new ReachingCircuitOptions { Seed = 5, PopulationSeed = 77, RotationFrequenciesHz = [0.5, 0.8, 1.2], DecayMs = 150 }).Generate();
        var different = Svcca.Compare(Session.Neurons, slower.Neurons, new SvccaOptions { Components = 5 });
        Assert.True(different.Similarity < siblings.Similarity - 0.05, different.ToString());
    }

    [Fact]
    public void Preparatory_activity_is_output_null_and_muscles_burst_after_the_go_cue()
    {
        var emg = Session.Muscles;
        var time = emg.TimeMs.ToArray();
        int goBin = Array.FindIndex(time, t => t >= 500);
        for (int m = 0; m < emg.UnitCount; m++)
        {
            double rest = emg[m, 0, 0];
            double peakDelay = 0, peakMovement = 0;
            for (int k = 0; k < emg.TrialCount; k++)
            {
                for (int t = 0; t < goBin; t++) peakDelay = Math.Max(peakDelay, Math.Abs(emg[m, t, k] - rest));
                for (int t = goBin; t < time.Length; t++) peakMovement = Math.Max(peakMovement, emg[m, t, k]);
            }
            Assert.True(peakDelay < 1e-9, $"muscle {m} moves by {peakDelay} during the delay");
            Assert.InRange(peakMovement, 0.4, 1.5);
        }
        // Direction tuning: the first burst after the go cue (agonist) differs between opposite reaches.
        double Burst(int m, int k) => Enumerable.Range(goBin, 20).Sum(t => emg[m, t, k]);
        Assert.Contains(Enumerable.Range(0, emg.UnitCount), m => Burst(m, 0) > 2 * Burst(m, 4) || Burst(m, 4) > 2 * Burst(m, 0));
    }

    [Fact]
    public void Held_out_directions_come_from_the_same_circuit()
    {
        var heldOut = Circuit.Generate([22.5, 67.5]);
        var mixed = Circuit.Generate([0, 22.5, 45, 67.5]);
        Assert.True(heldOut.Neurons.ContentEquals(mixed.Neurons.SelectTrials([1, 3]).WithTrials(heldOut.Trials)));
        Assert.True(heldOut.Muscles.ContentEquals(mixed.Muscles.SelectTrials([1, 3]).WithTrials(heldOut.Muscles.Trials)));
        Assert.True(Session.Neurons.SelectTrials([0, 1]).WithTrials(heldOut.Trials).ContentEquals(mixed.Neurons.SelectTrials([0, 2]).WithTrials(heldOut.Trials)));
        // Noisy trials of a direction do not depend on the other directions of the session either.
        var noisy = new ReachingCircuit(new ReachingCircuitOptions { Seed = 5, Units = 20, RateNoiseHz = 2, TrialsPerCondition = 2 });
        var alone = noisy.Generate([22.5]);
        var together = noisy.Generate([0, 22.5]);
        Assert.Equal(alone.Neurons.SelectTrials([1]).Data.ToArray(), together.Neurons.SelectTrials([3]).Data.ToArray());
        Assert.NotEqual(alone.Neurons.SelectTrials([0]).Data.ToArray(), alone.Neurons.SelectTrials([1]).Data.ToArray());
        // A held-out direction's response lies between its neighbours' (smooth dependence on the direction).
        double Distance(Recording a, int ka, Recording b, int kb) =>
            Enumerable.Range(0, a.UnitCount).Sum(u => Enumerable.Range(0, a.TimeCount).Sum(t => Math.Pow(a[u, t, ka] - b[u, t, kb], 2)));
        Assert.True(Distance(heldOut.Neurons, 0, Session.Neurons, 0) < Distance(Session.Neurons, 0, Session.Neurons, 1));
    }

    [Fact]
    public void Task_batch_holds_cue_hold_signal_and_emg_targets()
    {
        var batch = Session.TaskBatch();
        batch.Validate();
        Assert.Equal((140, 8, 3, 6), (batch.Steps, batch.BatchSize, batch.InputCount, batch.OutputCount));
        Assert.Equal(ReachingCircuit.InputNames.Count, batch.InputCount);
        var hold = Session.Hold();
        var time = Session.Neurons.TimeMs.ToArray();
        for (int t = 0; t < batch.Steps; t++)
        {
            Assert.Equal(time[t] >= 0 && time[t] < 500, hold[t]);
            for (int b = 0; b < 8; b++)
            {
                double theta = 45 * b * Math.PI / 180;
                Assert.Equal(hold[t] ? Math.Cos(theta) : 0, batch.Inputs[batch.InputIndex(t, b, 0)], 12);
                Assert.Equal(hold[t] ? Math.Sin(theta) : 0, batch.Inputs[batch.InputIndex(t, b, 1)], 12);
                Assert.Equal(hold[t] ? 1 : 0, batch.Inputs[batch.InputIndex(t, b, 2)]);
                Assert.Equal(Session.Muscles[2, t, b], batch.Targets[batch.OutputIndex(t, b, 2)]);
            }
        }
        Assert.All(batch.Mask, m => Assert.Equal(1, m));
        Assert.Equal(Session.DirectionsDeg, batch.Conditions!["reach_direction_deg"]);
    }

    [Fact]
    public void Unit_sampling_is_seeded_nested_and_rejects_fractions_outside_zero_one()
    {
        var n = Session.Neurons;
        Assert.Equal(2, n.SampleUnitIndices(0.01, 1).Length);
        Assert.Equal(20, n.SampleUnitIndices(0.1, 1).Length);
        Assert.Equal(Enumerable.Range(0, 200), n.SampleUnitIndices(1, 1));
        Assert.Single(n.SampleUnitIndices(1e-9, 1));
        Assert.Equal(n.SampleUnitIndices(0.05, 7), n.SampleUnitIndices(0.05, 7));
        Assert.NotEqual(n.SampleUnitIndices(0.05, 7), n.SampleUnitIndices(0.05, 8));
        var small = n.SampleUnitIndices(0.05, 7);
        Assert.True(small.All(u => n.SampleUnitIndices(0.2, 7).Contains(u)));
        Assert.Equal(small, small.Order());
        var sampled = n.SampleUnits(0.05, 7);
        Assert.Equal(small.Select(u => n.Units.GetStrings("unit")[u]), sampled.Units.GetStrings("unit"));
        foreach (double bad in new[] { 0, -0.1, 1.0001, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<ArgumentException>(() => n.SampleUnits(bad, 1));
            Assert.Equal("fraction", e.ParamName);
            Assert.Contains("(0, 1]", e.Message);
        }
    }

    [Theory]
    [InlineData("Units")]
    [InlineData("RotationFrequenciesHz")]
    [InlineData("PlaneAmplitudes")]
    [InlineData("DirectionsDeg")]
    [InlineData("BinMs")]
    [InlineData("RateNoiseHz")]
    public void Invalid_options_are_named(string option)
    {
        var options = option switch
        {
            "Units" => new ReachingCircuitOptions { Units = 0 },
            "RotationFrequenciesHz" => new ReachingCircuitOptions { RotationFrequenciesHz = [1.0], PlaneAmplitudes = [1.0] },
            "PlaneAmplitudes" => new ReachingCircuitOptions { PlaneAmplitudes = [1.0, 0.5] },
            "DirectionsDeg" => new ReachingCircuitOptions { DirectionsDeg = [0, double.NaN] },
            "BinMs" => new ReachingCircuitOptions { BinMs = 0 },
            _ => new ReachingCircuitOptions { RateNoiseHz = -1 },
        };
        var e = Assert.Throws<ArgumentException>(() => new ReachingCircuit(options));
        Assert.Equal(option, e.ParamName);
        Assert.Contains(option, e.Message);
        Assert.Equal("directionsDeg", Assert.Throws<ArgumentException>(() => Circuit.Generate([])).ParamName);
        Assert.Equal("trialsPerCondition", Assert.Throws<ArgumentException>(() => Circuit.Generate([0], 0)).ParamName);
    }
}
