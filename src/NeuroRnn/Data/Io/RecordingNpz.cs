namespace NeuroRnn.Data.Io;

/// <summary>Options of <see cref="RecordingNpz.Write(Recording, string, RecordingNpzWriteOptions?)"/>.</summary>
public sealed record RecordingNpzWriteOptions
{
    /// <summary>Deflate-compress the members (default true).</summary>
    public bool Compress { get; init; } = true;

    /// <summary>
    /// The element type of <c>data</c>; null (default) picks the smallest integer type that holds every value exactly
    /// (u1, u2, i2, i4 — spike counts compress to a fraction of their float size) and float64 otherwise.
    /// Float32 is allowed and rounds the values.
    /// </summary>
    public NpyElementType? DataType { get; init; }
}

/// <summary>
/// Saves a <see cref="Recording"/> as a NumPy <c>.npz</c> archive and reads it back into an identical frame.
/// </summary>
/// <remarks>
/// Layout (members in this order; load in Python with <c>z = numpy.load(path)</c>):
/// <list type="bullet">
/// <item><c>data</c>: shape (units, time, trials), C order — <c>z['data'][u, t, k]</c>; integers when every value is an integer (counts), else float64.</item>
/// <item><c>time_ms</c>: float64 (time,) — bin centres in ms.</item>
/// <item><c>meta/name</c>, <c>meta/value_kind</c>: one-element text arrays (<c>Counts</c>, <c>RatesHz</c>, <c>Normalized</c>, <c>Other</c>).</item>
/// <item><c>trial/&lt;column&gt;</c>: (trials,) per trials-table column, in table order — float64 (NaN = missing) or text <c>U<i>n</i></c> ("" = missing).</item>
/// <item><c>unit/&lt;column&gt;</c>: (units,) per units-table column, likewise.</item>
/// </list>
/// Text columns store a missing value as the empty string, so an empty string reads back as missing (null).
/// </remarks>
public static class RecordingNpz
{
    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/>.</summary>
    public static void Write(Recording recording, string path, RecordingNpzWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ToNpz(recording, options).Write(path, (options ?? new RecordingNpzWriteOptions()).Compress);
    }

    /// <summary>The arrays that <see cref="Write(Recording, string, RecordingNpzWriteOptions?)"/> stores.</summary>
    public static NpzFile ToNpz(Recording recording, RecordingNpzWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new RecordingNpzWriteOptions();
        var arrays = new List<KeyValuePair<string, NpyArray>>
        {
            new("data", DataArray(recording, options.DataType)),
            new("time_ms", NpyArray.FromDoubles(recording.GetTimeMs())),
            new("meta/name", NpyArray.FromStrings(new[] { recording.Name })),
            new("meta/value_kind", NpyArray.FromStrings(new[] { recording.ValueKind.ToString() })),
        };
        foreach (var column in recording.Trials.Columns) arrays.Add(new("trial/" + column.Name, ColumnArray(column)));
        foreach (var column in recording.Units.Columns) arrays.Add(new("unit/" + column.Name, ColumnArray(column)));
        return new NpzFile(arrays);
    }

    /// <summary>Reads a recording written by <see cref="Write(Recording, string, RecordingNpzWriteOptions?)"/> (or by Python in the same layout).</summary>
    /// <exception cref="RecordingFormatException">The file is not a valid .npz archive or does not follow the layout.</exception>
    public static Recording Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromNpz(NpzFile.Read(path), path);
    }

    /// <summary>Builds a recording from archive arrays in the documented layout.</summary>
    /// <exception cref="RecordingFormatException">An array is missing or has the wrong shape or type.</exception>
    public static Recording FromNpz(NpzFile npz, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(npz);
        ArgumentNullException.ThrowIfNull(sourceName);
        Exception Fail(string member, string problem) => new RecordingFormatException(sourceName, $"member '{member}'", problem);
        if (!npz.Contains("data")) throw Fail("data", "missing; a recording archive needs 'data' (units, time, trials) and 'time_ms'");
        if (!npz.Contains("time_ms")) throw Fail("time_ms", "missing; a recording archive needs 'data' (units, time, trials) and 'time_ms'");
        var data = npz["data"];
        if (data.Shape.Count != 3) throw Fail("data", $"has shape ({string.Join(", ", data.Shape)}); expected 3 dimensions (units, time, trials)");
        if (data.ElementType == NpyElementType.Unicode) throw Fail("data", "holds text, not numbers");
        var time = npz["time_ms"];
        if (time.Shape.Count != 1 || time.Shape[0] != data.Shape[1] || time.ElementType == NpyElementType.Unicode)
            throw Fail("time_ms", $"has shape ({string.Join(", ", time.Shape)}) but data has {data.Shape[1]} time bins");
        int units = data.Shape[0], trials = data.Shape[2];
        string name = npz.Contains("meta/name") && npz["meta/name"].Length == 1 ? npz["meta/name"].ToStringArray()[0] ?? "" : Path.GetFileNameWithoutExtension(sourceName);
        var kind = RecordingValueKind.Other;
        if (npz.Contains("meta/value_kind") && npz["meta/value_kind"].Length == 1)
        {
            string? text = npz["meta/value_kind"].ToStringArray()[0];
            if (!Enum.TryParse(text, ignoreCase: false, out kind) || !Enum.IsDefined(kind)) throw Fail("meta/value_kind", $"unknown value kind '{text}'");
        }
        var trialColumns = new List<TableColumn>();
        var unitColumns = new List<TableColumn>();
        foreach (var (member, array) in npz.Arrays)
        {
            bool isTrial = member.StartsWith("trial/", StringComparison.Ordinal), isUnit = member.StartsWith("unit/", StringComparison.Ordinal);
            if (!isTrial && !isUnit) continue;
            string column = member[(member.IndexOf('/') + 1)..];
            if (string.IsNullOrWhiteSpace(column)) throw Fail(member, "has an empty column name");
            int rows = isTrial ? trials : units;
            if (array.Shape.Count != 1 || array.Shape[0] != rows)
                throw Fail(member, $"has shape ({string.Join(", ", array.Shape)}) but there are {rows} {(isTrial ? "trials" : "units")}");
            TableColumn c = array.ElementType == NpyElementType.Unicode
                ? StringColumn.Own(column, array.ToStringArray())
                : DoubleColumn.Own(column, array.ToDoubleArray());
            (isTrial ? trialColumns : unitColumns).Add(c);
        }
        try
        {
            return Recording.FromOwned(data.ToDoubleArray(), time.ToDoubleArray(),
                new ColumnTable(trials, trialColumns), new ColumnTable(units, unitColumns), kind, name);
        }
        catch (ArgumentException e)
        {
            throw new RecordingFormatException(sourceName, "arrays", e.Message, e);
        }
    }

    private static NpyArray ColumnArray(TableColumn column) => column switch
    {
        DoubleColumn d => NpyArray.FromDoubles(d.ToArray()),
        StringColumn s => NpyArray.FromStrings(s.ToArray()),
        _ => throw new ArgumentException($"Column '{column.Name}' has an unsupported type {column.GetType().Name}."),
    };

    private static NpyArray DataArray(Recording recording, NpyElementType? requested)
    {
        var values = recording.Data;
        var shape = new[] { recording.UnitCount, recording.TimeCount, recording.TrialCount };
        var type = requested ?? SmallestExactType(values);
        Array array = type switch
        {
            NpyElementType.Float64 => values.ToArray(),
            NpyElementType.Float32 => Convert(values, v => (float)v),
            NpyElementType.UInt8 => Convert(values, v => checked((byte)v)),
            NpyElementType.UInt16 => Convert(values, v => checked((ushort)v)),
            NpyElementType.Int16 => Convert(values, v => checked((short)v)),
            NpyElementType.Int32 => Convert(values, v => checked((int)v)),
            _ => throw new ArgumentException($"DataType {type} is not supported for recordings (use Float64, Float32, UInt8, UInt16, Int16 or Int32)."),
        };
        return new NpyArray(type, shape, array);
    }

    private static T[] Convert<T>(ReadOnlySpan<double> values, Func<double, T> convert)
    {
        var result = new T[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = convert(values[i]);
        return result;
    }

    private static NpyElementType SmallestExactType(ReadOnlySpan<double> values)
    {
        double min = 0, max = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || v != Math.Floor(v) || (v == 0 && double.IsNegative(v))) return NpyElementType.Float64;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min >= 0 && max <= byte.MaxValue) return NpyElementType.UInt8;
        if (min >= 0 && max <= ushort.MaxValue) return NpyElementType.UInt16;
        if (min >= short.MinValue && max <= short.MaxValue) return NpyElementType.Int16;
        if (min >= int.MinValue && max <= int.MaxValue) return NpyElementType.Int32;
        return NpyElementType.Float64;
    }
}
