using Deedle;

namespace NeuroRnn.Interop.Deedle;

/// <summary>Builds a frame keyed 0 … rows−1 column by column, keeping each column's own type.</summary>
internal sealed class FrameColumns
{
    private readonly int[] keys;
    private readonly List<string> names = [];
    private readonly List<ISeries<int>> columns = [];

    private FrameColumns(int rows) => keys = Enumerable.Range(0, rows).ToArray();

    public static FrameColumns Build(int rows) => new(rows);

    public FrameColumns Add<T>(string name, IEnumerable<T> values)
    {
        var array = values.ToArray();
        if (array.Length != keys.Length)
            throw new InvalidOperationException($"Column '{name}' has {array.Length} values for {keys.Length} rows.");
        names.Add(name);
        columns.Add(new Series<int, T>(keys, array));
        return this;
    }

    public Frame<int, string> ToFrame() => new(names, columns);
}
