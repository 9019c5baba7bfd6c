namespace NeuroRnn.Charts;

/// <summary>
/// One plotly data array (x, y, z, r, theta, error values, per-point colours or sizes): numbers or strings.
/// The values are copied on construction so a figure never changes after it was built. Non-finite numbers
/// (NaN, ±∞) are kept and written as JSON <c>null</c>, which plotly.js draws as a gap.
/// </summary>
public sealed class DataArray
{
    private readonly double[]? numbers;
    private readonly string[]? strings;

    private DataArray(double[]? numbers, string[]? strings)
    {
        this.numbers = numbers;
        this.strings = strings;
    }

    /// <summary>The number of values.</summary>
    public int Length => numbers?.Length ?? strings!.Length;

    /// <summary>Whether the values are numbers (otherwise strings).</summary>
    public bool IsNumeric => numbers is not null;

    /// <summary>The numbers (empty when the array holds strings).</summary>
    public ReadOnlySpan<double> Numbers => numbers;

    /// <summary>The strings (empty when the array holds numbers).</summary>
    public IReadOnlyList<string> Strings => strings ?? [];

    /// <summary>An array of numbers.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static DataArray FromNumbers(ReadOnlySpan<double> values) => new(values.ToArray(), null);

    /// <summary>An array of numbers.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static DataArray FromNumbers(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values.ToArray(), null);
    }

    /// <summary>An array of numbers converted from single precision.</summary>
    public static DataArray FromNumbers(IEnumerable<float> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values.Select(v => (double)v).ToArray(), null);
    }

    /// <summary>An array of numbers converted from integers.</summary>
    public static DataArray FromNumbers(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values.Select(v => (double)v).ToArray(), null);
    }

    /// <summary>An array of strings (categories, labels, colours). A null entry is written as JSON null.</summary>
    public static DataArray FromStrings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(null, values.ToArray());
    }

    /// <summary>The numbers 0, 1, …, <paramref name="count"/> − 1.</summary>
    public static DataArray Range(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = i;
        return new(values, null);
    }

    /// <summary>Converts an array of numbers.</summary>
    public static implicit operator DataArray(double[] values) => FromNumbers(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Converts an array of single-precision numbers.</summary>
    public static implicit operator DataArray(float[] values) => FromNumbers(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Converts an array of integers.</summary>
    public static implicit operator DataArray(int[] values) => FromNumbers(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Converts an array of strings.</summary>
    public static implicit operator DataArray(string[] values) => FromStrings(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Converts a list of numbers.</summary>
    public static implicit operator DataArray(List<double> values) => FromNumbers(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>A short description, never the values themselves (arrays can be large).</summary>
    public override string ToString() => $"DataArray({(IsNumeric ? "numbers" : "strings")}, length {Length})";
}
