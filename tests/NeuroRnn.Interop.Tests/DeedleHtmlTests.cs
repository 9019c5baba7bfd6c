using System.Text.RegularExpressions;
using Deedle;
using Microsoft.DotNet.Interactive.Formatting;
using NeuroRnn.Interop.Deedle;

namespace NeuroRnn.Interop.Tests;

public class DeedleHtmlTests
{
    private static Frame<int, string> Wide(int rows, int columns)
    {
        var keys = Enumerable.Range(0, rows).ToArray();
        return new Frame<int, string>(
            Enumerable.Range(0, columns).Select(c => $"c{c}"),
            Enumerable.Range(0, columns).Select(c => (ISeries<int>)new Series<int, double>(keys, keys.Select(r => r * 1000.0 + c))));
    }

    private static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public void A_small_frame_is_shown_whole_with_keys_types_and_missing_values()
    {
        var frame = ColumnTableFrames.ToFrame(TrialTableRoundTripTests.MixedTrials());
        var html = DeedleHtml.ToHtml(frame);
        Assert.Contains("Deedle frame: 5 rows × 5 columns</caption>", html);
        Assert.DoesNotContain("truncated", html);
        Assert.Equal(6, Count(html, "<tr>")); // header + 5 rows
        Assert.Contains("<th title=\"String\">condition</th>", html);
        Assert.Contains("<td>nogo</td>", html);
        Assert.Contains("<td>0.0025</td>", html);
        // direction NaN, condition null, reward NaN and five empty notes
        Assert.Equal(8, Count(html, "class=\"missing\""));
    }

    [Fact]
    public void A_long_wide_frame_is_truncated_to_head_and_tail_rows_and_columns()
    {
        var html = DeedleHtml.ToHtml(Wide(100, 30));
        Assert.Contains("Deedle frame: 100 rows × 30 columns (truncated)", html);
        Assert.Contains("⋮ 80 more rows", html);
        Assert.Contains("… 14 more columns", html);
        // Rows 0–14 and 95–99, columns c0–c11 and c26–c29.
        Assert.Contains("<tr><th>14</th>", html);
        Assert.DoesNotContain("<tr><th>15</th>", html);
        Assert.Contains("<tr><th>95</th>", html);
        Assert.Contains(">c11</th>", html);
        Assert.DoesNotContain(">c12</th>", html);
        Assert.Contains(">c26</th>", html);
        Assert.Contains("<td>99029</td>", html); // last row, last column
        Assert.Equal(1 + 20 + 1 + 1, Count(html, "<tr>")); // header, 20 rows, the hidden-rows row, the hidden-columns note
        var limited = DeedleHtml.ToHtml(Wide(100, 30), new DeedleTableOptions { MaxRows = 4, MaxColumns = 4 });
        Assert.Contains("⋮ 96 more rows", limited);
        Assert.Contains("… 26 more columns", limited);
    }

    [Fact]
    public void Text_is_html_encoded()
    {
        var frame = new Frame<string, string>(["<b>name</b>"], new ISeries<string>[] { new Series<string, string>(["a&b"], ["<script>alert(1)</script>"]) });
        var html = DeedleHtml.ToHtml(frame);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&lt;b&gt;name&lt;/b&gt;", html);
        Assert.Contains("<th>a&amp;b</th>", html);
    }

    [Fact]
    public void A_series_is_a_key_value_table_and_frame_rows_are_series_too()
    {
        var series = new Series<string, double>(["r2", "loss", "gap"], [0.91, 0.012, double.NaN]);
        var html = DeedleHtml.ToHtml(series);
        Assert.Contains("Deedle series: 3 keys, 2 values", html);
        Assert.Contains("<tr><th>loss</th><td>0.012</td></tr>", html);
        Assert.Contains("class=\"missing\"", html);

        var row = Wide(3, 2).Rows.Get(1); // an ObjectSeries<string>, derived from Series<string, object>
        var rowHtml = DeedleHtml.TryToHtml(row);
        Assert.NotNull(rowHtml);
        Assert.Contains("<tr><th>c1</th><td>1001</td></tr>", rowHtml);
        Assert.Null(DeedleHtml.TryToHtml("not a frame"));
    }

    [Fact]
    public void Registered_formatters_serve_the_net_interactive_formatter_registry()
    {
        DeedleFormatting.RegisterFormatters();
        DeedleFormatting.RegisterFormatters(); // idempotent
        var frame = Wide(30, 3);
        var html = frame.ToDisplayString("text/html");
        Assert.Contains("Deedle frame: 30 rows × 3 columns (truncated)", html);
        Assert.Contains("⋮ 10 more rows", html);
        var text = frame.ToDisplayString("text/plain");
        Assert.StartsWith("Deedle frame: 30 rows × 3 columns", text);
        Assert.Contains("c2", text);
        var series = new Series<int, string>([1, 2], ["a", "b"]);
        Assert.Contains("Deedle series: 2 keys", series.ToDisplayString("text/html"));
        Assert.Contains("2 -> b", series.ToDisplayString("text/plain"));
        Assert.Equal(1, Formatter.RegisteredFormatters(includeDefaults: false).Count(f => f.Type == typeof(Frame<,>) && f.MimeType == "text/html"));
    }

    [Fact]
    public void A_million_row_frame_formats_without_reading_every_row()
    {
        var frame = Wide(1_000_000, 5);
        DeedleHtml.ToHtml(Wide(10, 5)); // JIT
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var html = DeedleHtml.ToHtml(frame);
        clock.Stop();
        Assert.Contains("⋮ 999980 more rows", html);
        Assert.Contains("<tr><th>999999</th><td>9.99999E+08</td>", html);
        // Reading the shown cells only takes well under a millisecond; converting the columns first took ~4 s here.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"formatting took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Bad_table_options_name_the_option()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeedleHtml.ToHtml(Wide(2, 2), new DeedleTableOptions { MaxRows = 1 }));
        Assert.Equal("MaxRows", e.ParamName);
    }
}
