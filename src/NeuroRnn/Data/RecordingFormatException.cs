namespace NeuroRnn.Data;

/// <summary>
/// The one exception every NeuroRnn reader (CSV, NPY/NPZ, MAT) throws for a file it cannot read: the message names the
/// file, where in it the problem is (byte offset, line, array or field) and what is wrong. Readers never let an
/// IndexOutOfRange, NullReference, OutOfMemory or decompression exception escape for corrupt input; those are wrapped
/// here as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or a description such as "(stream)").</param>
    /// <param name="position">Where: a byte offset ("byte 128"), a line ("line 12") or an element path ("variable 'x' / field 'a'").</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public RecordingFormatException(string filePath, string position, string problem, Exception? inner = null)
        : base($"{filePath}: {position}: {problem}", inner)
    {
        FilePath = filePath;
        Position = position;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file: byte offset, line, entry, variable or field.</summary>
    public string Position { get; }

    /// <summary>What is wrong, without the file and position.</summary>
    public string Problem { get; }
}
