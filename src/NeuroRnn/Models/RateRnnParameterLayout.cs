namespace NeuroRnn.Models;

/// <summary>
/// Where each <see cref="ParameterBlock"/> lives in the flat parameter vector:
/// [W̃_rec (N·N) | W_in (N·I) | b (N) | W_out (O·N) | b_out (O) | x₀ (N)], each matrix column-major; blocks that a
/// model does not have (W_out and b_out for a unit readout, x₀ when it is not learned) have length 0.
/// </summary>
public sealed class RateRnnParameterLayout
{
    private readonly int[] _offsets = new int[7];

    /// <summary>Builds the layout for N units, I inputs, O outputs.</summary>
    public RateRnnParameterLayout(int unitCount, int inputCount, int outputCount, bool unitReadout, bool learnInitialState)
    {
        if (unitCount <= 0) throw new ArgumentException($"unitCount must be positive, got {unitCount}.", nameof(unitCount));
        if (inputCount < 0) throw new ArgumentException($"inputCount must be ≥ 0, got {inputCount}.", nameof(inputCount));
        if (outputCount <= 0) throw new ArgumentException($"outputCount must be positive, got {outputCount}.", nameof(outputCount));
        UnitCount = unitCount; InputCount = inputCount; OutputCount = outputCount;
        long[] lengths =
        [
            (long)unitCount * unitCount,
            (long)unitCount * inputCount,
            unitCount,
            unitReadout ? 0 : (long)outputCount * unitCount,
            unitReadout ? 0 : outputCount,
            learnInitialState ? unitCount : 0,
        ];
        long offset = 0;
        for (int k = 0; k < lengths.Length; k++)
        {
            _offsets[k] = checked((int)offset);
            offset += lengths[k];
        }
        _offsets[6] = checked((int)offset);
    }

    /// <summary>The layout of the model described by <paramref name="options"/>.</summary>
    public static RateRnnParameterLayout For(RateRnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.UnitCount, options.InputCount, options.OutputCount, options.HasUnitReadout, options.LearnInitialState);
    }

    /// <summary>Units N.</summary>
    public int UnitCount { get; }
    /// <summary>Inputs I.</summary>
    public int InputCount { get; }
    /// <summary>Outputs O.</summary>
    public int OutputCount { get; }

    /// <summary>Total number of parameters P.</summary>
    public int Count => _offsets[6];

    /// <summary>Start of <paramref name="block"/> in the flat vector.</summary>
    public int Offset(ParameterBlock block) => _offsets[Index(block)];

    /// <summary>Number of parameters in <paramref name="block"/> (0 if the model has no such block).</summary>
    public int Length(ParameterBlock block) => _offsets[Index(block) + 1] - _offsets[Index(block)];

    /// <summary>The block as a writable view of <paramref name="parameters"/>.</summary>
    public ArraySegment<double> View(double[] parameters, ParameterBlock block)
    {
        CheckLength(parameters?.Length ?? 0, nameof(parameters));
        return new ArraySegment<double>(parameters!, Offset(block), Length(block));
    }

    /// <summary>The block as a span of <paramref name="parameters"/>.</summary>
    public Span<double> Slice(Span<double> parameters, ParameterBlock block)
    {
        CheckLength(parameters.Length, nameof(parameters));
        return parameters.Slice(Offset(block), Length(block));
    }

    /// <summary>The block as a read-only span of <paramref name="parameters"/>.</summary>
    public ReadOnlySpan<double> Slice(ReadOnlySpan<double> parameters, ParameterBlock block)
    {
        CheckLength(parameters.Length, nameof(parameters));
        return parameters.Slice(Offset(block), Length(block));
    }

    private void CheckLength(int length, string name)
    {
        if (length != Count)
            throw new ArgumentException($"The parameter vector has {length} entries but the layout has {Count}.", name);
    }

    private static int Index(ParameterBlock block) =>
        block is >= ParameterBlock.RecurrentWeights and <= ParameterBlock.InitialState
            ? (int)block
            : throw new ArgumentException($"Unknown parameter block {(int)block}.", nameof(block));
}
