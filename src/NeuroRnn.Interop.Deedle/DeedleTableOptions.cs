namespace NeuroRnn.Interop.Deedle;

/// <summary>
/// How much of a Deedle frame or series a notebook table shows. Beyond the limits the first rows (columns) and the
/// last quarter of the limit are shown, with a row (column) saying how many were left out.
/// </summary>
public sealed record DeedleTableOptions
{
    /// <summary>The most rows shown (default 20: the first 15 and the last 5 of a longer frame).</summary>
    public int MaxRows { get; init; } = 20;

    /// <summary>The most columns shown (default 16: the first 12 and the last 4 of a wider frame).</summary>
    public int MaxColumns { get; init; } = 16;

    /// <summary>Significant digits of floating-point values (default 6).</summary>
    public int Digits { get; init; } = 6;

    /// <summary>Checks the limits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 2 or the digits are outside 1…17.</exception>
    public void Validate()
    {
        if (MaxRows < 2) throw new ArgumentOutOfRangeException(nameof(MaxRows), MaxRows, "MaxRows must be at least 2.");
        if (MaxColumns < 2) throw new ArgumentOutOfRangeException(nameof(MaxColumns), MaxColumns, "MaxColumns must be at least 2.");
        if (Digits is < 1 or > 17) throw new ArgumentOutOfRangeException(nameof(Digits), Digits, "Digits must be between 1 and 17.");
    }

    /// <summary>The positions shown out of <paramref name="count"/> with at most <paramref name="max"/>, and how many are left out after the head.</summary>
    internal static (int Head, int Tail, int Hidden) Split(int count, int max)
    {
        if (count <= max) return (count, 0, 0);
        int tail = max / 4;
        int head = max - tail;
        return (head, tail, count - head - tail);
    }
}
