namespace NeuroRnn.Data.Mat;

/// <summary>Names of the MAT variables that <see cref="MatRecording.ToRecording(MatFile, string, MatRecordingOptions?)"/> turns into a frame.</summary>
public sealed record MatRecordingOptions
{
    /// <summary>The numeric array (MATLAB dimensions in <see cref="DimensionOrder"/>; a 2-D array is one trial). Default <c>data</c>.</summary>
    public string DataVariable { get; init; } = "data";

    /// <summary>
    /// The time axis (bin centres, in <see cref="TimeUnit"/>), a vector with one entry per time bin. Default <c>time_ms</c>.
    /// When the file has none, bins are numbered 0, 1, 2 … (or centred on <see cref="BinMs"/>-wide bins when that is set)
    /// and a warning says so.
    /// </summary>
    public string TimeVariable { get; init; } = "time_ms";

    /// <summary>
    /// The trials table: a 1×1 struct whose fields are vectors (numbers, cell arrays of strings or char matrices) with
    /// one entry per trial, or a struct array with one element per trial and scalar/text fields. Default <c>trials</c>; optional.
    /// </summary>
    public string TrialsVariable { get; init; } = "trials";

    /// <summary>The units table, in the same forms as the trials table. Default <c>units</c>; optional.</summary>
    public string UnitsVariable { get; init; } = "units";

    /// <summary>What the numbers mean. Default <see cref="RecordingValueKind.Counts"/>.</summary>
    public RecordingValueKind ValueKind { get; init; } = RecordingValueKind.Counts;

    /// <summary>The order in which the data array stores units, time and trials (MATLAB dimensions 1, 2, 3). Default units, time, trials.</summary>
    public IReadOnlyList<RecordingDimension>? DimensionOrder { get; init; }

    /// <summary>The unit of the time vector. Default ms.</summary>
    public TimeUnit TimeUnit { get; init; } = TimeUnit.Milliseconds;

    /// <summary>The bin width in ms when the file has no time vector (bins centred at (t + ½)·BinMs); null = numbered bins.</summary>
    public double? BinMs { get; init; }
}

/// <summary>Builds a <see cref="Recording"/> from named variables of a <see cref="MatFile"/>.</summary>
public static class MatRecording
{
    /// <summary>Reads <paramref name="path"/> (MAT v5 or v7.3) and builds a recording from its variables.</summary>
    /// <remarks>Prefer <see cref="Recording.Read(string, RecordingReadOptions?)"/>, which also keeps the warnings in the recording's provenance.</remarks>
    /// <exception cref="RecordingFormatException">The file is unreadable or the variables do not form a recording.</exception>
    public static Recording Read(string path, MatRecordingOptions? options = null) => ToRecording(MatFileReader.Read(path), path, options);

    /// <summary>Builds a recording from the variables named in <paramref name="options"/>.</summary>
    /// <exception cref="RecordingFormatException">A variable is missing or has the wrong shape or class.</exception>
    public static Recording ToRecording(MatFile file, string sourceName, MatRecordingOptions? options = null) =>
        ToRecording(file, sourceName, options, new List<string>());

    internal static Recording ToRecording(MatFile file, string sourceName, MatRecordingOptions? options, IList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new MatRecordingOptions();
        Exception Fail(string variable, string problem) => new RecordingFormatException(sourceName, $"variable '{variable}'", problem);
        if (!file.Contains(options.DataVariable)) throw Fail(options.DataVariable, $"missing; the file holds {string.Join(", ", file.Names)}");
        if (file[options.DataVariable] is not MatNumericArray data) throw Fail(options.DataVariable, $"is a {file[options.DataVariable].Describe()}, not a numeric array");
        var layout = Formats.ArrayLayout.Create(data.Dimensions, options.DimensionOrder, sourceName, $"variable '{options.DataVariable}'");
        int units = layout.Units, bins = layout.Time, trials = layout.Trials;
        // MATLAB stores column-major; reorder into the frame's (u, t, k) C order.
        var flat = layout.ToFrame(data.Real, columnMajor: true);

        double[] time;
        double scale = options.TimeUnit == TimeUnit.Seconds ? 1000 : 1;
        if (file.Contains(options.TimeVariable))
        {
            if (file[options.TimeVariable] is not MatNumericArray timeArray || !(timeArray.Dimensions.Count(d => d != 1) <= 1))
                throw Fail(options.TimeVariable, $"must be a numeric vector with one entry per time bin, not {file[options.TimeVariable].Describe()}");
            layout.RequireLength(RecordingDimension.Time, (int)timeArray.ElementCount, $"variable '{options.TimeVariable}'");
            time = timeArray.ToColumnMajorArray().Select(t => t * scale).ToArray();
        }
        else if (options.BinMs is { } bin)
        {
            time = Enumerable.Range(0, bins).Select(i => (i + 0.5) * bin).ToArray();
            warnings.Add($"{sourceName}: no variable '{options.TimeVariable}'; the time axis is {bins} bins of {bin} ms from 0 (the given bin width)");
        }
        else
        {
            time = Enumerable.Range(0, bins).Select(i => (double)i).ToArray();
            warnings.Add($"{sourceName}: no variable '{options.TimeVariable}' (the files holds {string.Join(", ", file.Names)}); the time axis is the bin number 0, 1, 2 … taken as ms — name the time variable or give a bin width");
        }

        var trialTable = file.Contains(options.TrialsVariable) ? Table(file[options.TrialsVariable], trials, options.TrialsVariable, sourceName, layout, RecordingDimension.Trials) : Recording.DefaultTrials(trials);
        var unitTable = file.Contains(options.UnitsVariable) ? Table(file[options.UnitsVariable], units, options.UnitsVariable, sourceName, layout, RecordingDimension.Units) : Recording.DefaultUnits(units);
        try
        {
            return Recording.FromOwned(flat, time, trialTable, unitTable, options.ValueKind, Path.GetFileNameWithoutExtension(sourceName),
                options.BinMs ?? double.NaN);
        }
        catch (ArgumentException e)
        {
            throw new RecordingFormatException(sourceName, $"variable '{options.TimeVariable}'", e.Message, e);
        }
    }

    private static ColumnTable Table(MatValue value, int rows, string variable, string source, Formats.ArrayLayout layout, RecordingDimension axis)
    {
        Exception Fail(string problem) => new RecordingFormatException(source, $"variable '{variable}'", problem);
        if (value is MatStructArray { ElementCount: > 1 } array && array.ElementCount != rows)
            layout.RequireLength(axis, (int)array.ElementCount, $"variable '{variable}'");
        if (value is not MatStructArray s) throw Fail($"is a {value.Describe()}; a table must be a struct");
        var columns = new List<TableColumn>();
        if (s.ElementCount == 1 && rows != 1)
        {
            foreach (string field in s.FieldNames)
                {
                var fieldValue = s[field];
                if (fieldValue is MatUnsupportedValue unreadable)
                    throw Fail($"field '{field}' is a {unreadable.What}, which cannot be read; remove it or name another table variable");
                columns.Add(Column(field, fieldValue, rows, problem => Fail($"field '{field}' {problem}")));
            }
        }
        else if (s.ElementCount == rows)
        {
            foreach (string field in s.FieldNames)
            {
                var cells = Enumerable.Range(0, rows).Select(i => s.Get(i, field)).ToArray();
                if (cells.All(c => c is MatNumericArray n && n.ElementCount == 1))
                    columns.Add(new DoubleColumn(field, cells.Select(c => ((MatNumericArray)c).Scalar)));
                else if (cells.All(c => c is MatCharArray || c.ElementCount == 0))
                    columns.Add(new StringColumn(field, cells.Select(c => c is MatCharArray ch && ch.Text.Length > 0 ? ch.Text : null)));
                else throw Fail($"field '{field}' must hold one number or one string per element");
            }
        }
        else throw Fail($"has {s.ElementCount} elements; expected one struct of columns or {rows} elements");
        return new ColumnTable(rows, columns);
    }

    private static TableColumn Column(string name, MatValue value, int rows, Func<string, Exception> fail)
    {
        switch (value)
        {
            case MatNumericArray n when n.ElementCount == rows:
                return new DoubleColumn(name, n.ToColumnMajorArray());
            case MatCellArray c when c.ElementCount == rows:
                if (c.Elements.All(e => e is MatCharArray || e.ElementCount == 0))
                    return new StringColumn(name, c.Elements.Select(e => e is MatCharArray ch && ch.Text.Length > 0 ? ch.Text : null));
                if (c.Elements.All(e => e is MatNumericArray n1 && n1.ElementCount == 1))
                    return new DoubleColumn(name, c.Elements.Select(e => ((MatNumericArray)e).Scalar));
                throw fail("is a cell array of mixed values; use strings or scalars");
            case MatCharArray ch when ch.Rows.Count == rows:
                return new StringColumn(name, ch.Rows.Select(r => r.TrimEnd() is { Length: > 0 } t ? t : null));
            default:
                throw fail($"is a {value.Describe()}; expected {rows} entries");
        }
    }
}
