using NeuroRnn.Charts;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Experiments;
using NeuroRnn.Interactive;
using NeuroRnn.Models;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The adapters from the sparse-recording experiment and the robustness comparison to the charts.</summary>
public class SparseAdapterTests
{
    private static readonly ReachingCircuitOptions Circuit = new()
    {
        Units = 30, Muscles = 2, DirectionsDeg = [0, 90, 180, 270], PreTargetMs = 50, DelayMs = 200, MovementMs = 300, Seed = 6,
    };

    private static readonly EmbedderOptions Embedder = new() { UnitCount = 24, FullForcePasses = 4 };

    private static readonly Lazy<SparseRecordingResult> Result = new(() => SparseRecordingExperiment.Run(new SparseRecordingOptions
    {
        Circuit = Circuit, HeldOutDirectionsDeg = [45], Fractions = [0.1, 0.5], Optimizers = [EmbedderOptimizer.FullForce], Seeds = [1, 2], Embedder = Embedder,
    }));

    [Fact]
    public void Svcca_and_generalisation_curves_have_one_series_per_optimizer_with_output_only_baselines()
    {
        var result = Result.Value;
        var svcca = SparseRecordingChart.Svcca(result);
        var trace = Assert.IsType<ScatterTrace>(Assert.Single(svcca.Data));
        Assert.Equal("FullForce with hints", trace.Name);
        Assert.Equal([10.0, 50.0], trace.X!.Numbers.ToArray());
        var cell = result.Summaries.Single(s => s.Fraction == 0.5);
        Assert.Equal(cell.Svcca, trace.Y!.Numbers[1], 12);
        // Output-only baseline, population ceiling and untrained floor.
        Assert.Equal(3, svcca.Layout.Shapes.Count);
        Assert.Equal(2, svcca.Layout.Annotations.Count);
        var heldOut = (ScatterTrace)SparseRecordingChart.Svcca(result, heldOut: true).Data[0];
        Assert.Equal(cell.HeldOutSvcca, heldOut.Y!.Numbers[1], 12);
        var generalisation = (ScatterTrace)Assert.Single(SparseRecordingChart.Generalization(result).Data);
        Assert.Equal(cell.HeldOutOutputError, generalisation.Y!.Numbers[1], 12);
    }

    [Fact]
    public void Robustness_matrix_is_labelled_by_network()
    {
        var result = ArchitectureRobustness.Run(new RobustnessOptions
        {
            Circuit = Circuit, Nonlinearities = [Nonlinearity.Tanh, Nonlinearity.Softplus], Sizes = [16], Optimizers = [EmbedderOptimizer.FullForce],
            Embedder = Embedder, FixedPoints = null,
        });
        var heatmap = Assert.IsType<HeatmapTrace>(Assert.Single(SparseRecordingChart.Robustness(result).Data));
        Assert.Equal(["tanh-16-FullForce", "softplus-16-FullForce"], heatmap.X!.Strings.ToArray());
        Assert.Null(result.Networks[0].FixedPoints);
    }
}
