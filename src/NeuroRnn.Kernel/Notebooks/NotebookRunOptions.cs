namespace NeuroRnn.Kernel.Notebooks;

/// <summary>Settings of a headless notebook run.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Variables defined before the first cell, in every language the notebook uses (values are already typed).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    /// <summary>The longest one cell may run before it is interrupted and the run fails; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Called after each cell with its 0-based index, outcome and duration (progress reporting).</summary>
    public Action<int, NotebookCell, string, TimeSpan>? CellCompleted { get; init; }

    /// <summary>
    /// Parses a command-line parameter "name=value": the value becomes an int, a double (invariant culture), a bool,
    /// or else stays a string.
    /// </summary>
    /// <exception cref="ArgumentException">No '=' or the name is not an identifier.</exception>
    public static KeyValuePair<string, object?> ParseParameter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=');
        if (equals <= 0) throw new ArgumentException($"A parameter is written name=value, got \"{text}\".", nameof(text));
        var name = text[..equals].Trim();
        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Parameter name \"{name}\" is not a valid variable name.", nameof(text));
        }
        var value = text[(equals + 1)..];
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        object? typed = int.TryParse(value, System.Globalization.NumberStyles.Integer, culture, out var i) ? i
            : double.TryParse(value, System.Globalization.NumberStyles.Float, culture, out var d) ? d
            : bool.TryParse(value, out var b) ? b
            : value;
        return new KeyValuePair<string, object?>(name, typed);
    }
}
