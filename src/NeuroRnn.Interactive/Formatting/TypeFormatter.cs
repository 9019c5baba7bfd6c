namespace NeuroRnn.Interactive.Formatting;

/// <summary>
/// One notebook formatter in the shape hosts find by convention (no reference to any host package): a MIME type, the
/// formatted type and <c>bool Format(object, TextWriter)</c>, which returns false for values it does not format so
/// the host falls through to its default.
/// </summary>
/// <typeparam name="T">The formatted type.</typeparam>
public sealed class TypeFormatter<T>
{
    private readonly Action<T, TextWriter> _write;

    /// <summary>Creates a formatter writing <paramref name="mimeType"/> text with <paramref name="write"/>.</summary>
    public TypeFormatter(string mimeType, Action<T, TextWriter> write)
    {
        MimeType = mimeType ?? throw new ArgumentNullException(nameof(mimeType));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <summary>The MIME type written, e.g. <c>text/html</c>.</summary>
    public string MimeType { get; }

    /// <summary>The formatted type.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/>; false (nothing written) when it is not a <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not T value) return false;
        _write(value, writer);
        return true;
    }

    /// <summary>The formatted text of <paramref name="value"/> (for tests and for hosts that want a string).</summary>
    public string ToText(T value)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _write(value, writer);
        return writer.ToString();
    }
}
