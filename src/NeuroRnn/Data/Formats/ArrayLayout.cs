namespace NeuroRnn.Data.Formats;

/// <summary>
/// Maps a stored 1-, 2- or 3-D array (MATLAB column-major or NumPy C order) onto a frame's (units, time, trials) layout
/// following <see cref="RecordingReadOptions.DimensionOrder"/>, and explains a size that does not fit by naming the
/// dimension it does fit.
/// </summary>
internal sealed class ArrayLayout
{
    private static readonly RecordingDimension[] DefaultOrder = [RecordingDimension.Units, RecordingDimension.Time, RecordingDimension.Trials];

    private ArrayLayout(int[] dims, RecordingDimension[] order, string source, string array)
    {
        Dims = dims;
        Order = order;
        Source = source;
        Array = array;
    }

    /// <summary>The stored dimensions padded to three.</summary>
    public int[] Dims { get; }

    /// <summary>The axis each stored dimension holds.</summary>
    public RecordingDimension[] Order { get; }

    public string Source { get; }
    public string Array { get; }

    public int Units => SizeOf(RecordingDimension.Units);
    public int Time => SizeOf(RecordingDimension.Time);
    public int Trials => SizeOf(RecordingDimension.Trials);

    private int SizeOf(RecordingDimension axis) => Dims[System.Array.IndexOf(Order, axis)];

    /// <summary>Validates the dimensions and the order.</summary>
    /// <exception cref="RecordingFormatException">The array has more than three non-singleton dimensions, or the order is not a permutation of the three axes.</exception>
    public static ArrayLayout Create(IReadOnlyList<int> storedDims, IReadOnlyList<RecordingDimension>? order, string source, string array)
    {
        var dims = storedDims.ToList();
        while (dims.Count > 3 && dims[^1] == 1) dims.RemoveAt(dims.Count - 1);
        if (dims.Count > 3)
            throw new RecordingFormatException(source, array, $"has {dims.Count} dimensions ({string.Join("×", storedDims)}); a recording has three (units, time, trials)");
        while (dims.Count < 3) dims.Add(1);
        var axes = (order ?? DefaultOrder).ToArray();
        if (axes.Length != 3 || axes.Distinct().Count() != 3 || axes.Any(a => !Enum.IsDefined(a)))
            throw new RecordingFormatException(source, "option DimensionOrder",
                $"'{string.Join(", ", axes)}' must name each of Units, Time and Trials once, in the order the array '{array}' stores them");
        return new ArrayLayout(dims.ToArray(), axes, source, array);
    }

    /// <summary>"50×30×200 read as units × time × trials".</summary>
    public string Describe() => $"{string.Join("×", Dims)} read as {string.Join(" × ", Order.Select(o => o.ToString().ToLowerInvariant()))}";

    /// <summary>
    /// Fails when a vector meant for <paramref name="axis"/> has the wrong length, naming the dimension whose size it
    /// does match so that the fix (another DimensionOrder) is obvious.
    /// </summary>
    public void RequireLength(RecordingDimension axis, int length, string vector)
    {
        int expected = SizeOf(axis);
        if (length == expected) return;
        var matches = Enumerable.Range(0, 3).Where(d => Dims[d] == length).ToArray();
        string hint = matches.Length == 0
            ? $"no dimension of '{Array}' has {length} entries"
            : $"that matches dimension {matches[0] + 1} ({Dims[matches[0]]}, read as {Order[matches[0]].ToString().ToLowerInvariant()}) — the array may store its axes in another order; set RecordingReadOptions.DimensionOrder";
        throw new RecordingFormatException(Source, vector,
            $"has {length} entries but '{Array}' ({Describe()}) has {expected} {axis.ToString().ToLowerInvariant()}; {hint}");
    }

    /// <summary>The values in the frame's (units, time, trials) C order.</summary>
    public double[] ToFrame(ReadOnlySpan<double> values, bool columnMajor)
    {
        int n0 = Dims[0], n1 = Dims[1], n2 = Dims[2];
        if (values.Length != (long)n0 * n1 * n2)
            throw new RecordingFormatException(Source, Array, $"holds {values.Length} values for dimensions {string.Join("×", Dims)}");
        int U = Units, T = Time, K = Trials;
        var result = new double[values.Length];
        var index = new int[3];
        int iu = System.Array.IndexOf(Order, RecordingDimension.Units), it = System.Array.IndexOf(Order, RecordingDimension.Time), ik = System.Array.IndexOf(Order, RecordingDimension.Trials);
        for (int i2 = 0; i2 < n2; i2++)
            for (int i1 = 0; i1 < n1; i1++)
                for (int i0 = 0; i0 < n0; i0++)
                {
                    long stored = columnMajor ? i0 + (long)n0 * (i1 + (long)n1 * i2) : ((long)i0 * n1 + i1) * n2 + i2;
                    index[0] = i0; index[1] = i1; index[2] = i2;
                    result[((long)index[iu] * T + index[it]) * K + index[ik]] = values[(int)stored];
                }
        return result;
    }
}
