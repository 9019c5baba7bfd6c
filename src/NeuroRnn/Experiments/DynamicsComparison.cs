using NeuroRnn.Analysis;
using NeuroRnn.Data;

namespace NeuroRnn.Experiments;

/// <summary>
/// How similar an embedder's population dynamics are to a circuit's: SVCCA (<see cref="Svcca"/>) of the two recordings'
/// time-and-condition concatenations, with conditions matched by value so a model can only be compared with the circuit
/// on the conditions both were simulated on.
/// </summary>
public static class DynamicsComparison
{
    /// <summary>The trials-table column that identifies a reach condition.</summary>
    public const string ConditionColumn = "reach_direction_deg";

    /// <summary>The comparison of Salatiello &amp; Giese 2020: 5 SVD components of each, mean of all 5 canonical correlations,
    /// conditions matched by <see cref="ConditionColumn"/>.</summary>
    public static SvccaOptions DefaultOptions { get; } = new() { Components = 5, TopK = 5, ConditionColumns = [ConditionColumn] };

    /// <summary>SVCCA between <paramref name="circuit"/> (e.g. all units of the generator) and <paramref name="embedder"/>.</summary>
    /// <param name="circuit">The reference recording.</param>
    /// <param name="embedder">The model's recording on the same conditions and time bins.</param>
    /// <param name="options">SVCCA settings; null = <see cref="DefaultOptions"/>.</param>
    /// <exception cref="ArgumentException">The recordings have different condition sets or time axes, lack the condition
    /// column, or an option is invalid — naming <paramref name="circuit"/>, <paramref name="embedder"/> or <paramref name="options"/>.</exception>
    public static SvccaResult Similarity(Recording circuit, Recording embedder, SvccaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(embedder);
        options ??= DefaultOptions;
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message, nameof(options), e);
        }
        try
        {
            return Svcca.Compare(circuit, embedder, options);
        }
        catch (ArgumentException e) when (e.ParamName is "a" or "b")
        {
            // Svcca names its own parameters; name ours.
            string name = e.ParamName == "a" ? nameof(circuit) : nameof(embedder);
            throw new ArgumentException($"{name} ('{(e.ParamName == "a" ? circuit : embedder).Name}') cannot be compared with " +
                $"{(e.ParamName == "a" ? nameof(embedder) : nameof(circuit))}: {e.Message}", name, e);
        }
    }
}
