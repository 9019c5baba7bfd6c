using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>One output of a code cell, as nbformat stores it.</summary>
public abstract record CellOutput
{
    private protected CellOutput() { }

    /// <summary>Text on "stdout" or "stderr".</summary>
    public sealed record Stream(string Name, string Text) : CellOutput;

    /// <summary>A displayed value; <paramref name="DisplayId"/> exists only while running (nbformat does not store it).</summary>
    public sealed record DisplayData(MimeBundle Bundle, string? DisplayId = null) : CellOutput;

    /// <summary>The value of the cell's last expression.</summary>
    public sealed record ExecuteResult(int ExecutionCount, MimeBundle Bundle) : CellOutput;

    /// <summary>The error that stopped the cell.</summary>
    public sealed record Error(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
}
