using NeuroRnn.Data.Mat;

namespace NeuroRnn.Data.Formats;

/// <summary>MAT files: v5/v6/v7 (<c>mat</c>) and v7.3, HDF5 with MATLAB's user block (<c>mat73</c>), into one <see cref="MatFile"/> model.</summary>
internal sealed class MatRecordingFormat(bool mat73) : IRecordingFormat
{
    public string Name => mat73 ? "mat73" : "mat";
    public string Description => mat73 ? "MATLAB MAT v7.3 file (HDF5)" : "MATLAB MAT v5 file (save -v6 / -v7)";
    public IReadOnlyList<string> Extensions { get; } = mat73 ? [] : [".mat"];

    public bool Sniff(ReadOnlySpan<byte> head)
    {
        if (mat73) return MatFileReader.IsMat73Header(head);
        // v5: descriptive text from byte 0, version 0x0100 and the endianness indicator at bytes 124–127.
        return head.Length >= 128 && head.StartsWith("MATLAB"u8)
            && ((head[126] == 'I' && head[127] == 'M' && head[124] == 0 && head[125] == 1) || (head[126] == 'M' && head[127] == 'I' && head[124] == 1 && head[125] == 0));
    }

    public Recording Read(string path, RecordingReadOptions options, IList<string> warnings)
    {
        var file = MatFileReader.Read(path);
        foreach (var warning in file.Warnings) warnings.Add(warning);
        var defaults = new MatRecordingOptions();
        var matOptions = new MatRecordingOptions
        {
            DataVariable = options.Data ?? defaults.DataVariable,
            TimeVariable = options.Time ?? defaults.TimeVariable,
            TrialsVariable = options.Trials ?? defaults.TrialsVariable,
            UnitsVariable = options.Units ?? defaults.UnitsVariable,
            ValueKind = options.ValueKind ?? defaults.ValueKind,
            DimensionOrder = options.DimensionOrder,
            TimeUnit = options.TimeUnit,
            BinMs = options.Binning?.BinMs,
        };
        return MatRecording.ToRecording(file, path, matOptions, warnings);
    }

    public string Describe(string path, RecordingReadOptions options) => MatFileReader.Read(path).Describe();
}
