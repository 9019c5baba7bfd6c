using NeuroRnn.Data.Io;

namespace NeuroRnn.Data.Formats;

/// <summary>A NumPy <c>.npz</c> archive in NeuroRnn's recording layout (<see cref="RecordingNpz"/>), or any archive for summaries.</summary>
internal sealed class NpzRecordingFormat : IRecordingFormat
{
    public string Name => "npz";
    public string Description => "NumPy .npz archive (NeuroRnn recording layout: data, time_ms, trial/*, unit/*)";
    public IReadOnlyList<string> Extensions { get; } = [".npz"];

    // A zip archive: local file header, or the end-of-central-directory record of an empty archive.
    public bool Sniff(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8);

    public Recording Read(string path, RecordingReadOptions options, IList<string> warnings)
    {
        var npz = NpzFile.Read(path);
        if (options.Data is null && options.Time is null) return RecordingNpz.FromNpz(npz, path);
        // Mapped member names: rename them to the layout's and read as usual.
        string data = options.Data ?? "data", time = options.Time ?? "time_ms";
        if (!npz.Contains(data)) throw new RecordingFormatException(path, $"member '{data}'", $"missing (option Data); the archive holds {string.Join(", ", npz.Names)}");
        if (!npz.Contains(time)) throw new RecordingFormatException(path, $"member '{time}'", $"missing (option Time); the archive holds {string.Join(", ", npz.Names)}");
        var renamed = new List<KeyValuePair<string, NpyArray>>();
        foreach (var (key, array) in npz.Arrays)
        {
            if (key == data) renamed.Add(new("data", array));
            else if (key == time) renamed.Add(new("time_ms", array));
            else if (key is not ("data" or "time_ms")) renamed.Add(new(key, array));
        }
        return RecordingNpz.FromNpz(new NpzFile(renamed), path);
    }

    public string Describe(string path, RecordingReadOptions options)
    {
        var npz = NpzFile.Read(path);
        var listing = string.Join(Environment.NewLine, npz.Arrays.Select(a => $"  {a.Key}: {a.Value}"));
        return npz.Contains(options.Data ?? "data") && npz.Contains(options.Time ?? "time_ms")
            ? Read(path, options, new List<string>()).Summary() + Environment.NewLine + "members:" + Environment.NewLine + listing
            : listing;
    }
}

/// <summary>A single NumPy <c>.npy</c> array read as units × time × trials (or another <see cref="RecordingReadOptions.DimensionOrder"/>).</summary>
internal sealed class NpyRecordingFormat : IRecordingFormat
{
    public string Name => "npy";
    public string Description => "NumPy .npy array";
    public IReadOnlyList<string> Extensions { get; } = [".npy"];

    public bool Sniff(ReadOnlySpan<byte> head) => head.StartsWith("\x93NUMPY"u8);

    public Recording Read(string path, RecordingReadOptions options, IList<string> warnings)
    {
        var array = NpyReader.Read(path);
        if (array.ElementType == NpyElementType.Unicode) throw new RecordingFormatException(path, "array", "holds text, not numbers");
        var layout = ArrayLayout.Create(array.Shape, options.DimensionOrder, path, "array");
        var flat = layout.ToFrame(array.ToDoubleArray(), columnMajor: false); // NpyArray data is in C order
        double bin = options.Binning?.BinMs ?? double.NaN;
        double[] time = Enumerable.Range(0, layout.Time).Select(t => double.IsNaN(bin) ? t : (t + 0.5) * bin).ToArray();
        warnings.Add(double.IsNaN(bin)
            ? $"{path}: a .npy file has no time axis; the time axis is the bin number 0, 1, 2 … taken as ms (give Binning.BinMs for the bin width)"
            : $"{path}: a .npy file has no time axis; {layout.Time} bins of {bin} ms from 0 (Binning.BinMs)");
        return Recording.FromOwned(flat, time, Recording.DefaultTrials(layout.Trials), Recording.DefaultUnits(layout.Units),
            options.ValueKind ?? RecordingValueKind.Other, Path.GetFileNameWithoutExtension(path), bin);
    }

    public string Describe(string path, RecordingReadOptions options) => "  " + NpyReader.Read(path);
}
