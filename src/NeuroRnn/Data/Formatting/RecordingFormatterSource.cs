using System.Collections;

namespace NeuroRnn.Data.Formatting;

/// <summary>Supplies the notebook formatters of <see cref="Recording"/> (found by .NET Interactive through <c>TypeFormatterSourceAttribute</c>).</summary>
public sealed class RecordingFormatterSource
{
    /// <summary>The formatters: one producing HTML.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { new RecordingHtmlFormatter() };
}
