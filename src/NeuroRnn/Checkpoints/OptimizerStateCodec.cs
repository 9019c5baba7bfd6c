using NeuroRnn.Training;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Checkpoints;

/// <summary>
/// The one place that maps each typed <see cref="OptimizerState"/> to the checkpoint's optimizer section — named
/// scalars in the JSON header and named float64 arrays (stored as <c>optimizer/&lt;name&gt;</c>) — and back.
/// The names are the file format (FORMAT.md) and appear nowhere else.
/// </summary>
internal static class OptimizerStateCodec
{
    /// <summary>The optimizer section of <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">The state is of an optimizer checkpoints do not know, or a vector's length does not fit
    /// <paramref name="parameterCount"/>.</exception>
    public static (SortedDictionary<string, double> Scalars, SortedDictionary<string, double[]> Vectors) Encode(OptimizerState state, int parameterCount)
    {
        var scalars = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var vectors = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        switch (state)
        {
            case HessianFreeState hf:
                scalars["lambda"] = hf.Lambda;
                vectors["previousSolution"] = ParameterSized(hf.PreviousSolution, "previousSolution", parameterCount);
                break;
            case AdamState adam:
                scalars["steps"] = adam.Steps;
                vectors["firstMoment"] = ParameterSized(adam.FirstMoment, "firstMoment", parameterCount);
                vectors["secondMoment"] = ParameterSized(adam.SecondMoment, "secondMoment", parameterCount);
                break;
            case ForceState force:
                vectors["inverseCorrelation"] = force.InverseCorrelation;
                break;
            case FullForceState full:
                scalars["hintCount"] = full.HintCount;
                vectors["inverseCorrelations"] = full.InverseCorrelations;
                vectors["hintReadout"] = full.HintReadout;
                break;
            default:
                throw new ArgumentException($"Checkpoints cannot store the state of optimizer '{state.Optimizer}' ({state.GetType().Name}).", nameof(state));
        }
        return (scalars, vectors);
    }

    /// <summary>The typed state of optimizer <paramref name="name"/> from its checkpoint section.</summary>
    /// <exception cref="CheckpointException">The optimizer is unknown or a field is missing (the message names it and the file).</exception>
    public static OptimizerState Decode(string path, string name, int iteration, IReadOnlyDictionary<string, double> scalars,
        IReadOnlyDictionary<string, double[]> vectors)
    {
        double Scalar(string field) => scalars.TryGetValue(field, out double value) ? value
            : throw new CheckpointException(path, $"has no optimizer scalar '{field}', which the '{name}' optimizer state needs.");
        double[] Vector(string field) => vectors.TryGetValue(field, out var value) ? value
            : throw new CheckpointException(path, $"has no optimizer array 'optimizer/{field}', which the '{name}' optimizer state needs.");
        return name switch
        {
            HessianFreeTrainer.OptimizerName => new HessianFreeState(iteration, Scalar("lambda"), Vector("previousSolution")),
            AdamTrainer.OptimizerName => new AdamState(iteration, Scalar("steps"), Vector("firstMoment"), Vector("secondMoment")),
            ForceTrainer.OptimizerName => new ForceState(iteration, Vector("inverseCorrelation")),
            FullForceTrainer.OptimizerName => new FullForceState(iteration, Vector("inverseCorrelations"), Vector("hintReadout"), Count(Scalar("hintCount"))),
            _ => throw new CheckpointException(path, $"holds the state of an unknown optimizer '{name}'."),
        };
    }

    private static int Count(double value) => value >= 0 && value <= int.MaxValue && value == Math.Floor(value) ? (int)value
        : throw new FormatException($"The optimizer scalar 'hintCount' is {value}, not a count.");

    private static double[] ParameterSized(double[] vector, string field, int parameterCount) =>
        vector.Length == parameterCount ? vector
            : throw new ArgumentException($"Optimizer vector '{field}' has {vector.Length} entries but there are {parameterCount} parameters.", "checkpoint");
}
