using System.IO.Compression;

namespace NeuroRnn.Data.Io;

/// <summary>
/// The arrays of a NumPy <c>.npz</c> archive (a zip file of <c>.npy</c> members, stored or deflate-compressed), in archive
/// order, by name (the member name without <c>.npy</c>, as <c>numpy.load</c> shows it).
/// </summary>
public sealed class NpzFile
{
    private readonly KeyValuePair<string, NpyArray>[] arrays;
    private readonly Dictionary<string, NpyArray> byName;

    /// <summary>Creates an archive model from named arrays (names must be unique).</summary>
    /// <exception cref="ArgumentException">Two arrays share a name.</exception>
    public NpzFile(IEnumerable<KeyValuePair<string, NpyArray>> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        this.arrays = arrays.ToArray();
        byName = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        foreach (var (name, array) in this.arrays)
            if (!byName.TryAdd(name, array ?? throw new ArgumentException($"Array '{name}' is null.", nameof(arrays))))
                throw new ArgumentException($"Two arrays are named '{name}'.", nameof(arrays));
    }

    /// <summary>The arrays in archive order.</summary>
    public IReadOnlyList<KeyValuePair<string, NpyArray>> Arrays => arrays;

    /// <summary>The array names in archive order.</summary>
    public IReadOnlyList<string> Names => arrays.Select(a => a.Key).ToArray();

    /// <summary>True when an array named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The array named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such array (the message lists the names present).</exception>
    public NpyArray this[string name] =>
        byName.TryGetValue(name, out var a) ? a : throw new KeyNotFoundException($"No array '{name}' in the archive; it holds {string.Join(", ", byName.Keys)}.");

    /// <summary>Reads a .npz file.</summary>
    /// <exception cref="RecordingFormatException">The file is not a valid .npz archive or a member is not a valid .npy array.</exception>
    public static NpzFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
        using (stream) return Read(stream, path);
    }

    /// <summary>Reads a .npz archive from a seekable stream.</summary>
    /// <exception cref="RecordingFormatException">The data are not a valid .npz archive.</exception>
    public static NpzFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var result = new List<KeyValuePair<string, NpyArray>>();
        string where = "zip directory";
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                where = $"member '{entry.FullName}'";
                if (entry.FullName.EndsWith('/')) continue; // a directory entry
                long compressed = entry.CompressedLength, length = entry.Length;
                // Deflate cannot expand data more than ~1032×; a bigger claim means a corrupt directory (and would let a
                // lying size drive a huge allocation).
                if (length > compressed * 1100 + 4096)
                    throw new RecordingFormatException(sourceName, where, $"claims {length} bytes from {compressed} compressed bytes; the archive is corrupt");
                string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                using var member = entry.Open();
                // A stored member's size is bounded by the file, so it is trusted for a single exact allocation. A deflated
                // member's size comes from the (possibly corrupt) directory: trusted up to 64 MB, beyond that the data are
                // read in growing blocks so only bytes that really decompress get allocated.
                bool trustLength = length == compressed || length <= 64L << 20;
                var array = NpyReader.Read(member, $"{sourceName} [{entry.FullName}]", trustLength ? length : null);
                if (result.Any(r => r.Key == name)) throw new RecordingFormatException(sourceName, where, "the archive holds two members of this name");
                result.Add(new(name, array));
            }
        }
        catch (RecordingFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // ZipArchive reports corrupt archives with a variety of exception types (InvalidDataException, IOException,
            // ArgumentOutOfRangeException, NotSupportedException…); all mean the same thing to the caller.
            throw new RecordingFormatException(sourceName, where, $"not a readable zip archive: {e.Message}", e);
        }
        return new NpzFile(result);
    }

    /// <summary>Writes the arrays as a .npz file (deflate-compressed unless <paramref name="compress"/> is false).</summary>
    public void Write(string path, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        Write(stream, compress);
    }

    /// <summary>Writes the arrays as a .npz archive to <paramref name="stream"/>.</summary>
    public void Write(Stream stream, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            // A fixed timestamp keeps archives byte-identical for identical content (reproducible datasets).
            entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var member = entry.Open();
            NpyWriter.Write(member, array);
        }
    }
}
