using NeuroRnn.Data;
using NeuroRnn.Dynamics;
using NeuroRnn.Fitting;
using NeuroRnn.Networks;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive.Magics;

/// <summary><c>#!describe rec</c>: shows a toolkit value (recording, fit, trained network, training result, fixed points) with its notebook formatters.</summary>
internal static class DescribeMagic
{
    private static readonly Type[] Describable = [typeof(Recording), typeof(RecordingFitResult), typeof(TrainedNetwork), typeof(TrainingResult), typeof(FixedPointResult), typeof(ColumnTable)];

    public static MagicDefinition Definition { get; } = new(
        "#!describe",
        "Shows a recording (shape, time axis, trials and units tables), a fit, a trained network or fixed points: #!describe rec",
        [new MagicOption("--of", "the variable to describe", typeof(string)) { Required = true, Implicit = true }],
        Run);

    private static Task Run(MagicCall call)
    {
        var value = call.Variable("--of", "load a recording with #!load-recording PATH --as rec, or train with #!train", Describable);
        call.Display(value);
        return Task.CompletedTask;
    }
}
