namespace NeuroRnn.Training;

/// <summary>
/// Everything an optimizer needs to continue exactly where it stopped (besides the parameters and the data,
/// which is derived from the seed and the iteration number): named scalars and vectors, so checkpoints can
/// store any optimizer's state without knowing its type.
/// </summary>
/// <param name="Optimizer">Name of the optimizer that wrote the state ("hf", "adam").</param>
/// <param name="Iteration">Number of completed iterations; the next iteration has this number.</param>
/// <param name="Scalars">Named scalar state, e.g. "lambda".</param>
/// <param name="Vectors">Named vector state, e.g. "previousSolution" (each of length ParameterCount).</param>
public sealed record OptimizerState(
    string Optimizer,
    int Iteration,
    IReadOnlyDictionary<string, double> Scalars,
    IReadOnlyDictionary<string, double[]> Vectors)
{
    /// <summary>The scalar <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The state has no such scalar.</exception>
    public double Scalar(string name) => Scalars.TryGetValue(name, out double value) ? value
        : throw new ArgumentException($"The {Optimizer} optimizer state has no scalar \"{name}\".", nameof(name));

    /// <summary>The vector <paramref name="name"/>, checked to have <paramref name="length"/> entries.</summary>
    /// <exception cref="ArgumentException">The state has no such vector or its length differs.</exception>
    public double[] Vector(string name, int length)
    {
        if (!Vectors.TryGetValue(name, out var value))
            throw new ArgumentException($"The {Optimizer} optimizer state has no vector \"{name}\".", nameof(name));
        if (value.Length != length)
            throw new ArgumentException($"The {Optimizer} optimizer state vector \"{name}\" has {value.Length} entries but the objective has {length} parameters.", nameof(length));
        return value;
    }
}
