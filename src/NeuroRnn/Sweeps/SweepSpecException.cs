namespace NeuroRnn.Sweeps;

/// <summary>A sweep specification is invalid; <see cref="Field"/> names the offending field (e.g. <c>grid.units</c>).</summary>
public sealed class SweepSpecException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="field"/>; the message reads "FIELD PROBLEM".</summary>
    public SweepSpecException(string field, string problem, Exception? inner = null)
        : base($"{field} {problem}.", inner)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The problem, without the field.</summary>
    public string Problem { get; }

    /// <summary>The spec field at fault, as a JSON path (<c>kind</c>, <c>grid.units</c>, <c>resources.threads</c>).</summary>
    public string Field { get; }

    /// <summary>The spec file, when the spec was read from one.</summary>
    public string? File { get; init; }

    /// <summary>The same error, attributed to spec file <paramref name="file"/>.</summary>
    public SweepSpecException InFile(string file) => new(Field, Problem, InnerException) { File = file };

    /// <inheritdoc/>
    public override string Message => File is null ? base.Message : $"{File}: {base.Message}";
}
