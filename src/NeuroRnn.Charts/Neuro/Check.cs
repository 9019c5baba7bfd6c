namespace NeuroRnn.Charts;

/// <summary>Argument checks of the chart builders; messages name the argument and the offending index.</summary>
internal static class Check
{
    public static void NotEmpty<T>(IReadOnlyList<T>? list, string argument)
    {
        ArgumentNullException.ThrowIfNull(list, argument);
        if (list.Count == 0) throw new ArgumentException($"{argument} is empty", argument);
    }

    /// <summary>Every row of <paramref name="rows"/> has <paramref name="length"/> values (the length of <paramref name="lengthSource"/>).</summary>
    public static void Rows(IReadOnlyList<IReadOnlyList<double>>? rows, int length, string argument, string lengthSource)
    {
        ArgumentNullException.ThrowIfNull(rows, argument);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null) throw new ArgumentException($"{argument}[{i}] is null", argument);
            if (rows[i].Count != length)
                throw new ArgumentException($"{argument}[{i}] has {rows[i].Count} values but {lengthSource} has {length}", argument);
        }
    }

    /// <summary><paramref name="list"/> has <paramref name="count"/> entries when given.</summary>
    public static void Count<T>(IReadOnlyList<T>? list, int count, string argument, string what)
    {
        if (list is not null && list.Count != count)
            throw new ArgumentException($"{argument} has {list.Count} entries but there are {count} {what}", argument);
    }
}
