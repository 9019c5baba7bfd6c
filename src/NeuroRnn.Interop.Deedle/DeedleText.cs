using Deedle;

namespace NeuroRnn.Interop.Deedle;

/// <summary>The plain-text view of Deedle frames and series: Deedle's own aligned table, truncated like the HTML view.</summary>
internal static class DeedleText
{
    public static string? TryToText(object? value, DeedleTableOptions options)
    {
        options.Validate();
        switch (value)
        {
            case null: return null;
            case IFrame frame: return frame.Apply(new FrameText(options));
        }
        var series = DeedleHtml.SeriesType(value.GetType());
        if (series is null) return null;
        var method = typeof(DeedleText).GetMethod(nameof(SeriesText), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(series.GetGenericArguments());
        return (string?)method.Invoke(null, [value, options]);
    }

    private static string SeriesText<K, V>(Series<K, V> series, DeedleTableOptions options)
    {
        var (head, tail, hidden) = DeedleTableOptions.Split(series.KeyCount, options.MaxRows);
        var keys = new List<string>();
        var values = new List<string>();
        for (int i = 0; i < series.KeyCount; i++)
        {
            if (i == head && hidden > 0)
            {
                keys.Add("...");
                values.Add($"({hidden} more)");
                i = series.KeyCount - tail - 1;
                continue;
            }
            keys.Add(DeedleHtml.Text(series.GetKeyAt(i), options));
            var value = series.TryGetAt(i);
            values.Add(value.HasValue ? DeedleHtml.Text(value.Value, options) : "<missing>");
        }
        int width = keys.Count == 0 ? 0 : keys.Max(k => k.Length);
        var text = new System.Text.StringBuilder($"Deedle series: {series.KeyCount} keys, {series.ValueCount} values");
        for (int i = 0; i < keys.Count; i++) text.AppendLine().Append(keys[i].PadLeft(width)).Append(" -> ").Append(values[i]);
        return text.ToString();
    }

    private sealed class FrameText(DeedleTableOptions options) : IFrameOperation<string>
    {
        public string Invoke<R, C>(Frame<R, C> frame)
        {
            var (rowHead, rowTail, _) = DeedleTableOptions.Split(frame.RowCount, options.MaxRows);
            var (colHead, colTail, _) = DeedleTableOptions.Split(frame.ColumnCount, options.MaxColumns);
            var header = $"Deedle frame: {frame.RowCount} rows × {frame.ColumnCount} columns";
            return header + Environment.NewLine + frame.Format(rowHead, rowTail, colHead, colTail, true, false);
        }
    }
}
