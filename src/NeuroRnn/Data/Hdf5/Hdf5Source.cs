using PureHDF;
using PureHDF.VOL.Native;

namespace NeuroRnn.Data.Hdf5;

/// <summary>
/// A read-only HDF5 file opened through PureHDF (managed code, no native library), with every PureHDF failure turned
/// into the one documented <see cref="RecordingFormatException"/> naming the file and the HDF5 object. Corrupt files
/// make PureHDF throw many exception types (index, cast, overflow, end-of-stream, its own format errors); callers of
/// this class see only <see cref="RecordingFormatException"/>. Sizes are checked against the file's length before
/// anything is allocated, so a flipped dimension cannot ask for terabytes.
/// </summary>
internal sealed class Hdf5Source : IDisposable
{
    /// <summary>The HDF5 superblock signature; MAT v7.3 files put it after a 512-byte user block.</summary>
    public static ReadOnlySpan<byte> Signature => new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A };

    // Compressed chunks expand; deflate at most ~1032×. Beyond this a size is corrupt, not data.
    private const long MaxExpansion = 1100;

    private readonly NativeFile file;
    private readonly long fileLength;

    private Hdf5Source(NativeFile file, string path, long fileLength)
    {
        this.file = file;
        Path = path;
        this.fileLength = fileLength;
    }

    /// <summary>The file named in errors.</summary>
    public string Path { get; }

    /// <summary>The root group.</summary>
    public IH5Group Root => file;

    /// <summary>Opens <paramref name="path"/> for reading (shared read access; the file is never written).</summary>
    /// <exception cref="RecordingFormatException">The file cannot be opened or is not HDF5.</exception>
    public static Hdf5Source Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
        return Open(stream, path);
    }

    /// <summary>Opens an HDF5 file held in a seekable stream (taken over: disposed with the source).</summary>
    /// <exception cref="RecordingFormatException">The stream is not HDF5.</exception>
    public static Hdf5Source Open(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            long length = stream.Length;
            var native = H5File.Open(stream, leaveOpen: false);
            return new Hdf5Source(native, sourceName, length);
        }
        catch (Exception e)
        {
            stream.Dispose();
            throw new RecordingFormatException(sourceName, "HDF5 superblock", $"not a readable HDF5 file: {Describe(e)}", e);
        }
    }

    /// <summary>Runs <paramref name="read"/>, turning any failure into a format error at <paramref name="objectPath"/>.</summary>
    public T Guard<T>(string objectPath, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RecordingFormatException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Fail(objectPath, $"cannot be read: {Describe(e)}", e);
        }
    }

    /// <summary>A format error at <paramref name="objectPath"/>.</summary>
    public RecordingFormatException Fail(string objectPath, string problem, Exception? inner = null) =>
        new(Path, $"HDF5 object '{objectPath}'", problem, inner);

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";

    /// <summary>True when <paramref name="group"/> has a link <paramref name="name"/> (false for a broken intermediate path).</summary>
    public bool Exists(IH5Group group, string name, string groupPath) =>
        Guard(Join(groupPath, name), () =>
        {
            try { return group.LinkExists(name); }
            catch (Exception) when (name.Contains('/')) { return false; }
        });

    /// <summary>The object at <paramref name="path"/> below the root, or null when there is none.</summary>
    public IH5Object? TryGet(string path) =>
        Guard(path, () => Root.LinkExists(path) ? Root.Get(path) : null);

    /// <summary>The children of a group (name order as PureHDF lists them).</summary>
    public IReadOnlyList<IH5Object> Children(IH5Group group, string groupPath) =>
        Guard(groupPath, () => group.Children().ToArray());

    /// <summary>Follows an object reference.</summary>
    public IH5Object Dereference(NativeObjectReference1 reference, string fromPath) =>
        Guard(fromPath, () => file.Get(reference));

    /// <summary>The dimensions of a dataset (empty for a scalar).</summary>
    public ulong[] Dimensions(IH5Dataset dataset, string path) => Guard(path, () => dataset.Space.Dimensions.ToArray());

    /// <summary>The number of elements of a dataset, checked against the file size.</summary>
    public long ElementCount(IH5Dataset dataset, string path)
    {
        var dims = Dimensions(dataset, path);
        int size = Guard(path, () => dataset.Type.Size);
        long count = 1;
        foreach (ulong d in dims)
        {
            if (d > int.MaxValue) throw Fail(path, $"has a dimension of {d} elements; the file is corrupt or too large");
            count = checked(count * (long)d);
            if (count > Array.MaxLength) throw Fail(path, $"has dimensions {string.Join("×", dims)}, more than one array can hold");
        }
        if (count * Math.Max(size, 1) > fileLength * MaxExpansion + 4096)
            throw Fail(path, $"claims {count} elements of {size} bytes but the file has {fileLength} bytes; the file is corrupt");
        return count;
    }

    /// <summary>A string attribute, or null when absent (any failure to decode is a format error).</summary>
    public string? StringAttribute(IH5Object obj, string objectPath, string name) =>
        Guard($"{objectPath}@{name}", () =>
        {
            if (!obj.AttributeExists(name)) return null;
            var attribute = obj.Attribute(name);
            if (attribute.Type.Class == H5DataTypeClass.String || attribute.Type.Class == H5DataTypeClass.VariableLength)
            {
                var dims = attribute.Space.Dimensions;
                return dims.Length == 0 ? attribute.Read<string>() : string.Join(",", attribute.Read<string[]>());
            }
            return null;
        });

    /// <summary>A numeric attribute as doubles, or null when absent or not numeric.</summary>
    public double[]? NumberAttribute(IH5Object obj, string objectPath, string name) =>
        Guard($"{objectPath}@{name}", () =>
        {
            if (!obj.AttributeExists(name)) return null;
            var attribute = obj.Attribute(name);
            var type = attribute.Type;
            return attribute.Space.Dimensions.Length == 0
                ? NumericConversion.ScalarAttribute(attribute)
                : NumericConversion.ArrayAttribute(attribute);
        });

    /// <summary>The names of the attributes of an object.</summary>
    public string[] AttributeNames(IH5Object obj, string objectPath) =>
        Guard(objectPath, () => obj.Attributes().Select(a => a.Name).ToArray());

    /// <summary>A numeric dataset as doubles in storage (C) order; exact for every integer up to 2⁵³ and all floats.</summary>
    public double[] ReadDoubles(IH5Dataset dataset, string path)
    {
        ElementCount(dataset, path);
        return Guard(path, () => NumericConversion.Read(dataset) ?? throw Fail(path, $"holds {Guard(path, () => dataset.Type.Class)} values, not numbers"));
    }

    /// <summary>A text dataset (fixed or variable length) as strings in storage order.</summary>
    public string[] ReadStrings(IH5Dataset dataset, string path)
    {
        ElementCount(dataset, path);
        return Guard(path, () =>
        {
            var type = dataset.Type;
            if (type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
                throw Fail(path, $"holds {type.Class} values, not text");
            return dataset.Space.Dimensions.Length == 0 ? new[] { dataset.Read<string>() } : dataset.Read<string[]>();
        });
    }

    /// <summary>A dataset of object references.</summary>
    public NativeObjectReference1[] ReadReferences(IH5Dataset dataset, string path)
    {
        ElementCount(dataset, path);
        return Guard(path, () =>
        {
            if (dataset.Type.Class != H5DataTypeClass.Reference) throw Fail(path, $"holds {dataset.Type.Class} values, not object references");
            return dataset.Read<NativeObjectReference1[]>();
        });
    }

    /// <summary>Joins a group path and a child name.</summary>
    public static string Join(string group, string name) => group is "" or "/" ? "/" + name.TrimStart('/') : group.TrimEnd('/') + "/" + name;

    /// <inheritdoc />
    public void Dispose() => file.Dispose();
}
