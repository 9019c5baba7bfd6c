using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Truncated HTML tables for MathNet.Numerics vectors and matrices, found by type name through reflection so the
/// kernel needs no reference to MathNet (<c>MathNet.Numerics.LinearAlgebra.Vector`1</c> / <c>Matrix`1</c>).
/// </summary>
internal static class MathNetFormatter
{
    private const string VectorTypeName = "MathNet.Numerics.LinearAlgebra.Vector`1";
    private const string MatrixTypeName = "MathNet.Numerics.LinearAlgebra.Matrix`1";
    private const int MaxRows = 16;
    private const int MaxColumns = 12;

    private static readonly ConcurrentDictionary<Type, Accessor?> Accessors = new();

    public static bool IsMathNet(object value) => Accessors.GetOrAdd(value.GetType(), Discover) is not null;

    public static string ToHtml(object value)
    {
        var accessor = Accessors.GetOrAdd(value.GetType(), Discover) ?? throw new ArgumentException("Not a MathNet vector or matrix.", nameof(value));
        return accessor.IsMatrix ? MatrixHtml(value, accessor) : VectorHtml(value, accessor);
    }

    private sealed record Accessor(bool IsMatrix, PropertyInfo RowsOrCount, PropertyInfo? Columns, MethodInfo At);

    private static Accessor? Discover(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.IsGenericType) continue;
            var name = current.GetGenericTypeDefinition().FullName;
            if (name == VectorTypeName)
            {
                var count = current.GetProperty("Count");
                var at = current.GetMethod("At", [typeof(int)]);
                return count is null || at is null ? null : new Accessor(false, count, null, at);
            }
            if (name == MatrixTypeName)
            {
                var rows = current.GetProperty("RowCount");
                var columns = current.GetProperty("ColumnCount");
                var at = current.GetMethod("At", [typeof(int), typeof(int)]);
                return rows is null || columns is null || at is null ? null : new Accessor(true, rows, columns, at);
            }
        }
        return null;
    }

    private static string VectorHtml(object vector, Accessor accessor)
    {
        var count = (int)accessor.RowsOrCount.GetValue(vector)!;
        var html = new StringBuilder();
        html.Append("<div class=\"neurornn-mathnet\"><div><i>").Append(Encode(PlainTextFormatter.TypeName(vector.GetType()))).Append(' ').Append(count).Append("</i></div><table><tbody><tr>");
        var shown = Math.Min(count, MaxColumns * 2);
        for (var i = 0; i < shown; i++) html.Append("<td>").Append(Number(accessor.At.Invoke(vector, [i]))).Append("</td>");
        if (shown < count) html.Append("<td>… (").Append(count - shown).Append(" more)</td>");
        return html.Append("</tr></tbody></table></div>").ToString();
    }

    private static string MatrixHtml(object matrix, Accessor accessor)
    {
        var rows = (int)accessor.RowsOrCount.GetValue(matrix)!;
        var columns = (int)accessor.Columns!.GetValue(matrix)!;
        var html = new StringBuilder();
        html.Append("<div class=\"neurornn-mathnet\"><div><i>").Append(Encode(PlainTextFormatter.TypeName(matrix.GetType()))).Append(' ')
            .Append(rows).Append('×').Append(columns).Append("</i></div><table><tbody>");
        var shownRows = Math.Min(rows, MaxRows);
        var shownColumns = Math.Min(columns, MaxColumns);
        for (var r = 0; r < shownRows; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < shownColumns; c++) html.Append("<td>").Append(Number(accessor.At.Invoke(matrix, [r, c]))).Append("</td>");
            if (shownColumns < columns) html.Append("<td>…</td>");
            html.Append("</tr>");
        }
        if (shownRows < rows) html.Append("<tr><td colspan=\"").Append(shownColumns + 1).Append("\">… (").Append(rows - shownRows).Append(" more rows)</td></tr>");
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Number(object? value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => Encode(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Encode(value?.ToString() ?? ""),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
