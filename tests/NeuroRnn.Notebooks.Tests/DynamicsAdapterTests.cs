using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Dynamics;
using NeuroRnn.Interactive;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The adapters from a trained network's behaviour, activity and dynamics to the decision and dynamics charts.</summary>
public class DynamicsAdapterTests
{
    private static readonly ContextIntegrationTask Task = new(new DecisionTaskOptions { DtMs = 10, FixationMs = 30, StimulusMs = 200, ResponseMs = 50 });

    private static readonly Lazy<TrainedNetwork> Network = new(() => TaskTraining.Train(Task, new TaskTrainingOptions
    {
        Iterations = 3, TestTrials = 100,
        Network = TaskPresets.For(Task).Network! with { UnitCount = 24 },
        HessianFree = TaskPresets.For(Task).HessianFree! with { GradientBatchSize = 200, CurvatureBatchSize = 50, MaxCgIterations = 20 },
    }));

    [Fact]
    public void Psychometric_curves_per_context_carry_fits_bands_and_error_bars()
    {
        var points = Network.Value.Psychometric(Task.SampleBalanced(4, 1));
        var figure = PsychometricChart.FromPoints(points, "motion");
        // Per context: markers, band, fit.
        Assert.Equal(6, figure.Data.Count);
        Assert.Contains(figure.Data, t => t.Name == "motion context (relevant)");
        Assert.Contains(figure.Data, t => t.Name == "colour context (irrelevant)");
        Assert.Equal(2, figure.Data.OfType<ScatterTrace>().Count(t => t.Fill == "toself"));
        Assert.Throws<ArgumentException>(() => PsychometricChart.FromPoints(points, "sound"));
        var compare = PsychometricChart.Compare(points, points);
        Assert.Equal(4, compare.Data.Count);
    }

    [Fact]
    public void Slow_points_and_their_spectra_are_drawn_per_context()
    {
        var network = Network.Value;
        var batch = Task.SampleBalanced(2, 3);
        var trajectory = network.Model.Run(batch);
        var contexts = batch.Conditions!["context"];
        var searches = Enumerable.Range(0, 2).Select(c => FixedPointFinder.Find(network.Model, trajectory, c == 0 ? [0, 0, 1, 0] : [0, 0, 0, 1],
            new FixedPointOptions { StartCount = 16, StopAtSlowPoints = true, SlowPointTolerance = 1e-3, Trials = Enumerable.Range(0, batch.BatchSize).Where(b => contexts[b] == c).ToArray() })).ToArray();
        Assert.All(searches, s => Assert.NotEmpty(s.Points));
        var states = network.Record(batch, RecordedSignal.States).GroupTrials("context", "motionCoherence").Mean;
        var map = FixedPointChart.FromSearches(searches, ["motion", "colour"], states, "context");
        Assert.Equal(states.TrialCount, map.Data.Count(t => t.Name!.EndsWith("trajectories")));
        Assert.Contains(map.Data, t => t.Name!.Contains("points"));
        Assert.Throws<ArgumentException>(() => FixedPointChart.FromSearches(searches, ["one"], states));

        var linearizations = searches.Select(s => s.Points[0].Linearize()).ToArray();
        Assert.Equal(2, EigenChart.Spectra(linearizations, ["motion", "colour"]).Data.Count);
        var taus = EigenChart.TimeConstants(linearizations, ["motion", "colour"]);
        Assert.Equal(24, ((ScatterTrace)taus.Data[0]).Y!.Length);
    }

    [Fact]
    public void Tdr_panels_split_by_context_and_choice_probability_histograms_render_from_the_analyses()
    {
        var activity = Network.Value.Record(Task.SampleBalanced(3, 5));
        var axes = TargetedDimensionalityReduction.Fit(activity, ["choice", "motionCoherence", "colourCoherence", "context"], new TdrOptions { PrincipalComponents = 6 });
        var figure = TdrChart.Panels(axes, activity, "choice", ["motionCoherence", "colourCoherence"], "context", ["motion context", "colour context"]);
        Assert.Equal(4, figure.Layout.Annotations.Count(a => a.Text.Contains("context")));
        Assert.All(figure.Data.OfType<ScatterTrace>(), t => Assert.NotNull(t.XAxis));
        Assert.Throws<ArgumentException>(() => TdrChart.Panels(axes, activity, "choice", ["speed"]));

        var window = activity.SelectTime(0, 200);
        var cp = ChoiceProbability.OfUnits(window, "choice", ["context"], 0, 200, new Analysis.ChoiceProbabilityOptions { Permutations = 50 });
        var histogram = ChoiceProbabilityChart.FromResults(cp);
        Assert.NotEmpty(histogram.Data);
        Assert.Throws<ArgumentException>(() => ChoiceProbabilityChart.FromResults(cp, alpha: 2));
    }
}
