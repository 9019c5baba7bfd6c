using NeuroRnn.Data.Formats;

namespace NeuroRnn.Data;

/// <summary>
/// The registry of recording file formats behind <see cref="Recording.Read(string, RecordingReadOptions?)"/>: NPZ, NPY,
/// MAT v5, MAT v7.3, NWB, CSV (long, wide) and spike-time tables. A file's format is found by its magic bytes first
/// (NPY <c>\x93NUMPY</c>, NPZ zip <c>PK\x03\x04</c>, MAT v5 header, MAT v7.3 header with HDF5 at byte 512, HDF5 at
/// byte 0 = NWB), then by its extension, and for CSV by its header row. Reading never writes to the file.
/// </summary>
public static class RecordingFormats
{
    private static readonly object Gate = new();
    private static IRecordingFormat[] formats =
    [
        new NpyRecordingFormat(),
        new NpzRecordingFormat(),
        new MatRecordingFormat(mat73: true),
        new MatRecordingFormat(mat73: false),
        new NwbRecordingFormat(),
        new CsvRecordingFormat(CsvKind.Auto),
        new CsvRecordingFormat(CsvKind.Long),
        new CsvRecordingFormat(CsvKind.Wide),
        new CsvRecordingFormat(CsvKind.SpikeTimes),
    ];

    /// <summary>The registered formats, in sniffing order.</summary>
    public static IReadOnlyList<IRecordingFormat> All => formats;

    /// <summary>The registered format names.</summary>
    public static IReadOnlyList<string> Names => formats.Select(f => f.Name).ToArray();

    /// <summary>Adds a format (e.g. a lab's own file layout); it is sniffed before the built-in ones.</summary>
    /// <exception cref="ArgumentException">A format of that name is already registered.</exception>
    public static void Register(IRecordingFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        lock (Gate)
        {
            if (formats.Any(f => f.Name == format.Name)) throw new ArgumentException($"A format named '{format.Name}' is already registered.", nameof(format));
            formats = [format, .. formats];
        }
    }

    /// <summary>The format of <paramref name="path"/>: <see cref="RecordingReadOptions.Format"/> if given, else by magic bytes, extension and header.</summary>
    /// <exception cref="RecordingFormatException">The file does not exist, or no format recognises it (the message lists the formats).</exception>
    public static IRecordingFormat Detect(string path, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new RecordingReadOptions();
        var all = formats;
        if (options.Format is { } name)
            return all.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new RecordingFormatException(path, "option Format", $"unknown format '{name}'; known formats: {string.Join(", ", all.Select(f => f.Name))}");
        var head = Head(path);
        foreach (var format in all)
            if (format.Sniff(head)) return format;
        string extension = Path.GetExtension(path).ToLowerInvariant();
        var byExtension = all.FirstOrDefault(f => f.Extensions.Contains(extension));
        if (byExtension is not null) return byExtension;
        throw new RecordingFormatException(path, "file",
            $"unknown format: the first bytes are none of NPY, NPZ, MAT or HDF5 and the extension '{extension}' is none of {string.Join(", ", all.SelectMany(f => f.Extensions).Distinct())}; " +
            $"give RecordingReadOptions.Format (one of {string.Join(", ", all.Select(f => f.Name))})");
    }

    /// <summary>Reads <paramref name="path"/> with the format <see cref="Detect"/> finds and records the provenance.</summary>
    /// <exception cref="RecordingFormatException">The file is missing, unknown, corrupt, or does not fit the options (the message names the file and the column, variable or dimension).</exception>
    public static Recording Read(string path, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new RecordingReadOptions();
        var format = Detect(path, options);
        var warnings = new List<string>();
        Recording recording;
        try
        {
            recording = format.Read(path, options, warnings);
        }
        catch (ArgumentException e)
        {
            throw new RecordingFormatException(path, "data", e.Message, e);
        }
        if (options.ValueKind is { } kind && kind != recording.ValueKind)
            recording = recording.WithData(recording.Data, kind);
        return recording.WithProvenance(new RecordingProvenance(Path.GetFullPath(path), format.Name, options.Describe(), warnings));
    }

    /// <summary>Describes what <paramref name="path"/> holds (shapes, variables, tables, and the recording when it is one).</summary>
    /// <exception cref="RecordingFormatException">The file is missing, unknown or corrupt.</exception>
    public static string Describe(string path, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new RecordingReadOptions();
        var format = Detect(path, options);
        return $"{path}: {format.Name} ({format.Description})" + Environment.NewLine + format.Describe(path, options);
    }

    private static byte[] Head(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[1024];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head[..n];
        }
        catch (FileNotFoundException e)
        {
            throw new RecordingFormatException(path, "file", "does not exist", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new RecordingFormatException(path, "file", "does not exist (no such folder)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
    }
}
