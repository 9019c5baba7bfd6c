namespace NeuroRnn.Data.Mat;

/// <summary>Names of the MAT variables that <see cref="MatRecording.ToRecording"/> turns into a frame.</summary>
public sealed record MatRecordingOptions
{
    /// <summary>The numeric units × time × trials array (MATLAB dimensions; a 2-D units × time array is one trial). Default <c>data</c>.</summary>
    public string DataVariable { get; init; } = "data";

    /// <summary>The time axis (bin centres, ms), a vector with one entry per time bin. Default <c>time_ms</c>; if absent, 0, 1, 2….</summary>
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
}

/// <summary>Builds a <see cref="Recording"/> from named variables of a <see cref="MatFile"/>.</summary>
public static class MatRecording
{
    /// <summary>Reads <paramref name="path"/> and builds a recording from its variables.</summary>
    /// <exception cref="RecordingFormatException">The file is unreadable or the variables do not form a recording.</exception>
    public static Recording Read(string path, MatRecordingOptions? options = null) => ToRecording(MatFileReader.Read(path), path, options);

    /// <summary>Builds a recording from the variables named in <paramref name="options"/>.</summary>
    /// <exception cref="RecordingFormatException">A variable is missing or has the wrong shape or class.</exception>
    public static Recording ToRecording(MatFile file, string sourceName, MatRecordingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new MatRecordingOptions();
        Exception Fail(string variable, string problem) => new RecordingFormatException(sourceName, $"variable '{variable}'", problem);
        if (!file.Contains(options.DataVariable)) throw Fail(options.DataVariable, $"missing; the file holds {string.Join(", ", file.Names)}");
        if (file[options.DataVariable] is not MatNumericArray data) throw Fail(options.DataVariable, $"is a {file[options.DataVariable].Describe()}, not a numeric array");
        var dims = data.Dimensions;
        int units = dims[0], bins = dims.Count > 1 ? dims[1] : 1, trials = dims.Count > 2 ? dims[2] : 1;
        if (dims.Count > 3 && dims.Skip(3).Any(d => d != 1)) throw Fail(options.DataVariable, $"has {dims.Count} dimensions; expected units × time × trials");
        // MATLAB stores column-major: element (u, t, k) at u + U·(t + T·k). Reorder into the frame's (u, t, k) C order.
        var real = data.Real;
        var flat = new double[(long)units * bins * trials];
        for (int k = 0; k < trials; k++)
            for (int t = 0; t < bins; t++)
                for (int u = 0; u < units; u++)
                    flat[((long)u * bins + t) * trials + k] = real[u + units * (t + bins * k)];

        double[] time;
        if (file.Contains(options.TimeVariable))
        {
            if (file[options.TimeVariable] is not MatNumericArray timeArray || timeArray.ElementCount != bins)
                throw Fail(options.TimeVariable, $"must be a numeric vector with {bins} entries (one per time bin), not {file[options.TimeVariable].Describe()}");
            time = timeArray.ToColumnMajorArray();
        }
        else time = Enumerable.Range(0, bins).Select(i => (double)i).ToArray();

        var trialTable = file.Contains(options.TrialsVariable) ? Table(file[options.TrialsVariable], trials, options.TrialsVariable, sourceName) : Recording.DefaultTrials(trials);
        var unitTable = file.Contains(options.UnitsVariable) ? Table(file[options.UnitsVariable], units, options.UnitsVariable, sourceName) : Recording.DefaultUnits(units);
        try
        {
            return Recording.FromOwned(flat, time, trialTable, unitTable, options.ValueKind, Path.GetFileNameWithoutExtension(sourceName));
        }
        catch (ArgumentException e)
        {
            throw new RecordingFormatException(sourceName, $"variable '{options.TimeVariable}'", e.Message, e);
        }
    }

    private static ColumnTable Table(MatValue value, int rows, string variable, string source)
    {
        Exception Fail(string problem) => new RecordingFormatException(source, $"variable '{variable}'", problem);
        if (value is not MatStructArray s) throw Fail($"is a {value.Describe()}; a table must be a struct");
        var columns = new List<TableColumn>();
        if (s.ElementCount == 1 && rows != 1)
        {
            foreach (string field in s.FieldNames)
                columns.Add(Column(field, s[field], rows, problem => Fail($"field '{field}' {problem}")));
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
