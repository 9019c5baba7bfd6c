namespace NeuroRnn.Kernel.Notebooks;

/// <summary>The outcome of a headless notebook run.</summary>
/// <param name="Executed">The notebook with the outputs and execution counts of this run.</param>
/// <param name="FailedCellIndex">0-based index of the cell that failed, or null when every cell succeeded.</param>
/// <param name="FailureMessage">"cell N (first line): error" for the failed cell, or null.</param>
public sealed record NotebookRunResult(Notebook Executed, int? FailedCellIndex, string? FailureMessage)
{
    /// <summary>Whether every cell ran without error.</summary>
    public bool Succeeded => FailedCellIndex is null;
}
