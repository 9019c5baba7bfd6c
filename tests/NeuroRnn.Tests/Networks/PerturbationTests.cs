using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Networks;

public class PerturbationTests
{
    private static readonly PerceptualDecisionTask Task = TaskTrainingTests.SmallDecision;
    private const int N = 16;

    private static TrainedNetwork Network(Func<RateRnnOptions, RateRnnOptions>? change = null)
    {
        var options = TaskTrainingTests.Small(Task) with { Iterations = 0 };
        var network = options.Network! with { Gain = 1.5 };
        return TaskTraining.Train(Task, options with { Network = change is null ? network : change(network) });
    }

    private static TrialBatch Batch => Task.Sample(20, 5);

    [Theory]
    [InlineData(PerturbationKind.Silence, 1.0)]
    [InlineData(PerturbationKind.Clamp, 1.0)]
    [InlineData(PerturbationKind.Stimulate, 3.0)]
    public void Perturbing_an_isolated_unit_changes_nothing_else(PerturbationKind kind, double strength)
    {
        // Unit 5 has no outgoing recurrent connections (its mask column is empty) and a zero readout weight.
        const int isolated = 5;
        var mask = new bool[N, N];
        for (int post = 0; post < N; post++)
            for (int pre = 0; pre < N; pre++) mask[post, pre] = pre != isolated;
        var trained = Network(o => o with { RecurrentMask = mask });
        var parameters = trained.Model.GetParameters();
        var layout = trained.Model.Layout;
        parameters[layout.Offset(ParameterBlock.OutputWeights) + isolated] = 0; // W_out is 1×N: entry (0, unit)
        trained.Model.SetParameters(parameters);

        var result = trained.Perturb(Batch, [new Perturbation { Kind = kind, Units = [isolated], Strength = strength, ClampValue = 2.0 }]);
        var c = result.Control;
        var p = result.Perturbed;
        bool changed = false;
        for (int u = 0; u < N; u++)
            for (int t = 0; t < c.TimeCount; t++)
                for (int b = 0; b < c.TrialCount; b++)
                {
                    if (u == isolated) changed |= c[u, t, b] != p[u, t, b];
                    else Assert.Equal(c[u, t, b], p[u, t, b]);
                }
        Assert.True(changed, "the perturbation did not change the perturbed unit");
        Assert.True(result.ControlOutputs.Data.SequenceEqual(result.PerturbedOutputs.Data));
        Assert.Equal(0, result.OutputChange);
        Assert.Equal(0, result.ChoiceFlipFraction);
    }

    [Theory]
    [InlineData(PerturbationKind.Silence)]
    [InlineData(PerturbationKind.Clamp)]
    [InlineData(PerturbationKind.Stimulate)]
    public void A_zero_strength_perturbation_is_the_identity(PerturbationKind kind)
    {
        var result = Network().Perturb(Batch, [new Perturbation { Kind = kind, Units = [0, 3, 7, 15], Strength = 0, ClampValue = 1.5 }]);
        Assert.True(result.Control.Data.SequenceEqual(result.Perturbed.Data));
        Assert.True(result.ControlOutputs.Data.SequenceEqual(result.PerturbedOutputs.Data));
        Assert.True(result.Control.Trials.ContentEquals(result.Perturbed.Trials));
    }

    [Fact]
    public void Silencing_every_unit_leaves_the_readout_bias_and_a_window_confines_the_effect()
    {
        var trained = Network();
        double bias = trained.Model.GetParameters()[trained.Model.Layout.Offset(ParameterBlock.OutputBias)];
        var all = Enumerable.Range(0, N).ToArray();
        // Window from 0 ms (stimulus onset; steps of 10 ms, fixation 20 ms): the state after step t is at (t + 1)·10 − 20 ms.
        var result = trained.Perturb(Batch, [new Perturbation { Units = all, StartMs = 0 }]);
        int first = 1; // (1 + 1)·10 − 20 = 0 ms
        for (int t = 0; t < result.Control.TimeCount; t++)
            for (int b = 0; b < result.Control.TrialCount; b++)
            {
                if (t < first) Assert.Equal(result.ControlOutputs[0, t, b], result.PerturbedOutputs[0, t, b]);
                else
                {
                    Assert.Equal(bias, result.PerturbedOutputs[0, t, b], 14);
                    Assert.Equal(0, result.Perturbed[3, t, b]);
                }
            }
        Assert.True(result.OutputChange > 0);

        // Stimulation in [30, 60) ms only: identical before, different inside.
        var pulse = trained.Perturb(Batch, [new Perturbation { Kind = PerturbationKind.Stimulate, Units = [2], Strength = 2, StartMs = 30, EndMs = 60 }]);
        var time = pulse.Control.GetTimeMs();
        for (int t = 0; t < time.Length && time[t] < 30; t++)
            Assert.Equal(pulse.Control[2, t, 0], pulse.Perturbed[2, t, 0]);
        int inside = Array.FindIndex(time, x => x >= 30);
        Assert.NotEqual(pulse.Control[2, inside, 0], pulse.Perturbed[2, inside, 0]);
        Assert.NotNull(pulse.ControlPsychometric);
        Assert.Contains("accuracy", pulse.ToString());
    }

    [Fact]
    public void Cell_type_filters_reach_only_excitatory_or_inhibitory_units_of_a_Dale_network()
    {
        var trained = Network(o => o with { DalesLaw = true, ExcitatoryFraction = 0.75 });
        var all = Enumerable.Range(0, N).ToArray();
        var result = trained.Perturb(Batch, [new Perturbation { Units = all, CellTypes = UnitTypeFilter.Excitatory }]);
        for (int u = 0; u < N; u++)
        {
            bool silenced = Enumerable.Range(0, result.Perturbed.TimeCount).All(t => result.Perturbed[u, t, 0] == 0);
            Assert.Equal(trained.Model.IsExcitatory(u), silenced);
        }
    }

    [Fact]
    public void Rates_read_later_are_those_of_the_call_even_after_the_parameters_change()
    {
        // The rate recordings are simulated when first read (a scored-only result keeps outputs alone); they must equal the
        // recordings of the runs as they were at the call: Record for the control, the perturbed simulation for the other.
        var trained = Network();
        var batch = Batch;
        var perturbation = new Perturbation { Units = [1, 4, 9], Strength = 0.7, StartMs = 10 };
        var result = trained.Perturb(batch, [perturbation]);
        var recorded = trained.Record(batch);
        var (dt, onset) = ActivityRecordings.Timing(Task, trained.Model);
        var compiled = perturbation.Compile(trained.Model, ActivityRecordings.TimeAxis(batch.Steps, dt, onset), "p");
        var direct = trained.Model.RunWith(batch, new UnitInterventions([compiled]));
        var expectedPerturbed = ActivityRecordings.FromTrajectory(direct, batch, RecordedSignal.Rates, result.PerturbedOutputs.Trials,
            ActivityRecordings.UnitsTable(trained.Model), dt, onset, "expected");
        var expectedOutputs = ActivityRecordings.FromTrajectory(direct, batch, RecordedSignal.Outputs, result.PerturbedOutputs.Trials,
            ActivityRecordings.UnitsTable(trained.Model), dt, onset, "expected");

        var parameters = trained.Model.GetParameters();
        trained.Model.SetParameters(parameters.Select(p => p * 0.5).ToArray()); // after the call: must not leak into the result
        Assert.True(result.Control.Data.SequenceEqual(recorded.Data));
        Assert.True(result.Control.Trials.ContentEquals(recorded.Trials));
        Assert.True(result.Control.Units.ContentEquals(recorded.Units));
        Assert.True(result.Control.GetTimeMs().SequenceEqual(recorded.GetTimeMs()));
        Assert.True(result.Perturbed.Data.SequenceEqual(expectedPerturbed.Data));
        Assert.True(result.PerturbedOutputs.Data.SequenceEqual(expectedOutputs.Data));
        Assert.False(result.Control.Data.SequenceEqual(result.Perturbed.Data));
        Assert.Same(result.Control, result.Control); // simulated once, then kept
        Assert.Contains("perturbed", result.Perturbed.Name);
    }

    [Fact]
    public void Bad_perturbations_are_rejected_naming_the_argument_and_the_field()
    {
        var trained = Network();
        void Rejects(Perturbation p, string text)
        {
            var e = Assert.Throws<ArgumentException>(() => trained.Perturb(Batch, [new Perturbation { Units = [1] }, p]));
            Assert.Equal("perturbations", e.ParamName);
            Assert.Contains("perturbations[1]", e.Message);
            Assert.Contains(text, e.Message);
        }
        Rejects(new Perturbation { Units = [3, 16] }, "Units[1] = 16 is not a unit of the 16-unit network");
        Rejects(new Perturbation { Units = [-1] }, "Units[0] = -1");
        Rejects(new Perturbation { Units = [] }, "Units is empty");
        Rejects(new Perturbation { Units = [2, 2] }, "twice");
        Rejects(new Perturbation { Units = [2], Strength = 1.5 }, "Strength");
        Rejects(new Perturbation { Units = [2], StartMs = 50, EndMs = 50 }, "empty");
        Rejects(new Perturbation { Units = [2], CellTypes = UnitTypeFilter.Inhibitory }, "Dale");
        Rejects(new Perturbation { Kind = PerturbationKind.Stimulate, Units = [2], Strength = double.NaN }, "finite");
        Assert.Throws<ArgumentException>(() => trained.Perturb(Batch, []));
    }
}
