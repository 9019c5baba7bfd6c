namespace NeuroRnn.Data;

/// <summary>
/// One file format of the <see cref="RecordingFormats"/> registry: how to recognise it (magic bytes first, then the
/// file extension) and how to read it into a <see cref="Recording"/> or describe what the file holds.
/// </summary>
public interface IRecordingFormat
{
    /// <summary>The name used in <see cref="RecordingReadOptions.Format"/> and in provenance, e.g. <c>nwb</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the format is.</summary>
    string Description { get; }

    /// <summary>File extensions (lower case, with the dot) that suggest the format when no magic bytes decide it.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>True when the file's first bytes (up to 1024) are this format's signature. Text formats return false.</summary>
    bool Sniff(ReadOnlySpan<byte> head);

    /// <summary>Reads the file into a recording; <paramref name="warnings"/> collects what was skipped or assumed.</summary>
    /// <exception cref="RecordingFormatException">The file cannot be read as a recording (the message names the file and the object).</exception>
    Recording Read(string path, RecordingReadOptions options, IList<string> warnings);

    /// <summary>A listing of the file's contents (arrays, variables, tables) for summaries, also when it is not a recording.</summary>
    /// <exception cref="RecordingFormatException">The file cannot be read.</exception>
    string Describe(string path, RecordingReadOptions options);
}
