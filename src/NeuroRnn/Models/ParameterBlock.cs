namespace NeuroRnn.Models;

/// <summary>The blocks of a rate RNN's flat parameter vector, in storage order.</summary>
public enum ParameterBlock
{
    /// <summary>W̃_rec, N×N column-major: entry (post i, pre j) at j·N + i.</summary>
    RecurrentWeights,
    /// <summary>W_in, N×I column-major: entry (unit i, input k) at k·N + i.</summary>
    InputWeights,
    /// <summary>b, length N.</summary>
    RecurrentBias,
    /// <summary>W_out, O×N column-major: entry (output o, unit j) at j·O + o. Empty for a unit readout.</summary>
    OutputWeights,
    /// <summary>b_out, length O. Empty for a unit readout.</summary>
    OutputBias,
    /// <summary>x₀, length N. Empty unless the initial state is learned.</summary>
    InitialState,
}
