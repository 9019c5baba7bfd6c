namespace NeuroRnn.Data;

/// <summary>
/// Where a <see cref="Recording"/> came from: the file, the reader (format) that read it, the options it was read with,
/// and what the reader could not take over as it was (each warning names the file and the variable, group or column).
/// </summary>
/// <param name="SourcePath">The file read (full path), or a description such as "(stream)".</param>
/// <param name="Reader">The name of the format that read it (see <see cref="RecordingFormats"/>), e.g. <c>nwb</c>.</param>
/// <param name="Options">The reading options that differ from the defaults, as text (empty when all are defaults).</param>
/// <param name="Warnings">What was skipped, assumed or approximated while reading.</param>
public sealed record RecordingProvenance(string SourcePath, string Reader, string Options, IReadOnlyList<string> Warnings)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{SourcePath} read by {Reader}{(Options.Length > 0 ? $" ({Options})" : "")}{(Warnings.Count > 0 ? $", {Warnings.Count} warning(s)" : "")}";
}
