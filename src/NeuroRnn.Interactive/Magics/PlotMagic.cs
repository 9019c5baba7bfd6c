using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Networks;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive.Magics;

/// <summary>
/// <c>#!plot tuning|trajectories|training VARIABLE</c>: the toolkit's standard figures of a recording, a fit or a trained
/// network, without writing the adapter calls.
/// </summary>
internal static class PlotMagic
{
    private const string Hint = "load a recording with #!load-recording PATH --as rec, fit one with #!fit or train a network with #!train";

    public static MagicDefinition Definition { get; } = new(
        "#!plot",
        "Plots tuning curves, state-space trajectories or the training curve of a recording, fit or network: #!plot tuning rec --units 0,3,7",
        [
            new MagicOption("--kind", "what to plot", typeof(string)) { Required = true, Implicit = true, Choices = ["tuning", "trajectories", "training"] },
            new MagicOption("--of", "the variable: a recording, a fit (#!fit) or a trained network (#!train)", typeof(string)) { Required = true, Implicit = true },
            new MagicOption("--units", "tuning: comma-separated unit indices (default: the first 8)", typeof(string)),
            new MagicOption("--angle-column", "tuning: the trials-table column of stimulus angles (default direction_deg, else orientation_deg)", typeof(string)),
            new MagicOption("--by", "trajectories: the trials-table column that colours trials", typeof(string)),
            new MagicOption("--dimensions", "trajectories: 2 or 3 principal components", typeof(int)) { Default = 3 },
        ],
        Run);

    private static Task Run(MagicCall call)
    {
        var figure = call.Require<string>("--kind") switch
        {
            "tuning" => Tuning(call),
            "trajectories" => Trajectories(call),
            _ => Training(call),
        };
        call.Display(figure);
        return Task.CompletedTask;
    }

    private static Figure Tuning(MagicCall call)
    {
        var value = call.Variable("--of", Hint, typeof(Recording), typeof(RecordingFitResult));
        if (value is RecordingFitResult fit)
        {
            var fitted = fit.HeldOutData.UnitCount;
            return TuningChart.FromFit(fit, Units(call, fitted));
        }
        var recording = (Recording)value;
        var column = call.Get<string>("--angle-column")
            ?? (recording.Trials.Contains("direction_deg") ? "direction_deg" : recording.Trials.Contains("orientation_deg") ? "orientation_deg"
                : throw new MagicUsageException($"#!plot tuning: '{call.Get<string>("--of")}' has neither direction_deg nor orientation_deg; name the angle column with --angle-column (trials columns: {string.Join(", ", recording.Trials.ColumnNames)})."));
        if (!recording.Trials.Contains(column))
            throw new MagicUsageException($"#!plot tuning: --angle-column '{column}' is not a trials-table column ({string.Join(", ", recording.Trials.ColumnNames)}).");
        var curves = TuningCurves.Compute(recording, new TuningCurveOptions { AngleColumn = column });
        var units = Units(call, curves.Length);
        return TuningChart.Grid(curves, null, units, columns: Math.Min(4, units.Length), title: $"Tuning curves of {recording.Name}");
    }

    private static int[] Units(MagicCall call, int count)
    {
        if (call.Get<string>("--units") is not { } text) return Enumerable.Range(0, Math.Min(8, count)).ToArray();
        var units = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unit) || unit < 0 || unit >= count)
                throw new MagicUsageException($"#!plot: --units '{part}' is not a unit index in 0 … {count - 1}.");
            units.Add(unit);
        }
        return units.Count > 0 ? [.. units] : throw new MagicUsageException("#!plot: --units is empty; give indices like 0,3,7.");
    }

    private static Figure Trajectories(MagicCall call)
    {
        var value = call.Variable("--of", Hint, typeof(Recording), typeof(RecordingFitResult), typeof(TrainedNetwork));
        int dimensions = call.Require<int>("--dimensions");
        if (dimensions is not (2 or 3)) throw new MagicUsageException($"#!plot trajectories: --dimensions must be 2 or 3, got {dimensions}.");
        if (value is RecordingFitResult fit) return TrajectoryChart.FromFit(fit, dimensions);
        var activity = value is TrainedNetwork network ? network.Record(network.TestBatch) : (Recording)value;
        var by = call.Get<string>("--by") ?? DefaultCondition(activity)
            ?? throw new MagicUsageException($"#!plot trajectories: name the trials-table column that colours trials with --by ({string.Join(", ", activity.Trials.ColumnNames)}).");
        if (!activity.Trials.Contains(by))
            throw new MagicUsageException($"#!plot trajectories: --by '{by}' is not a trials-table column ({string.Join(", ", activity.Trials.ColumnNames)}).");
        return TrajectoryChart.FromRecording(activity, by, dimensions, $"Population trajectories of {activity.Name} (PCA)");
    }

    private static string? DefaultCondition(Recording activity) =>
        new[] { "orientation_deg", "direction_deg", "choice", "context", "condition" }.FirstOrDefault(activity.Trials.Contains);

    private static Figure Training(MagicCall call)
    {
        var value = call.Variable("--of", Hint, typeof(RecordingFitResult), typeof(TrainedNetwork), typeof(TrainingResult));
        var (statistics, title) = value switch
        {
            RecordingFitResult fit => (fit.Statistics, "Fit"),
            TrainedNetwork network => (network.Statistics, $"Training on {network.Task.Name}"),
            _ => (((TrainingResult)value).Statistics, "Training"),
        };
        return TrainingChart.FromStatistics(statistics, title);
    }
}
