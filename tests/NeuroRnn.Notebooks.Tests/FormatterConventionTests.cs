using System.Collections;
using System.Reflection;
using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Dynamics;
using NeuroRnn.Training;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Drives the formatters exactly as hosts' convention discovery does — by reflection, starting from the attribute on the
/// core type — now that NeuroRnn.Interactive is loaded.
/// </summary>
public class FormatterConventionTests
{
    private static Recording Small()
    {
        var data = new double[3, 4, 6];
        for (int u = 0; u < 3; u++) for (int t = 0; t < 4; t++) for (int k = 0; k < 6; k++) data[u, t, k] = u + 0.1 * t + 0.01 * k;
        var trials = new ColumnTable(6, [new DoubleColumn("direction_deg", [0, 90, 180, 270, 0, 90]), new StringColumn("context", ["a", "b", "a", "b", "a", "b"])]);
        var units = new ColumnTable(3, [new StringColumn("unit", ["n0", "n1", "n2"])]);
        return Recording.Create(data, [0, 10, 20, 30], trials, units, RecordingValueKind.RatesHz, "small");
    }

    /// <summary>MIME type → text, as a host would collect them from the type's convention formatters.</summary>
    private static Dictionary<string, string> FormatByConvention(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal("NeuroRnn.Interactive", sourceType.Assembly.GetName().Name);
        Assert.NotNull(sourceType.GetConstructor(Type.EmptyTypes));
        var create = sourceType.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.Name == "CreateTypeFormatters");
        var result = new Dictionary<string, string>();
        foreach (var formatter in ((IEnumerable)create.Invoke(Activator.CreateInstance(sourceType), null)!).Cast<object>())
        {
            var ft = formatter.GetType();
            Assert.True(((Type)ft.GetProperty("Type")!.GetValue(formatter)!).IsInstanceOfType(value));
            var format = ft.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.Name == "Format");
            Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
            Assert.False((bool)format.Invoke(formatter, ["not the type", new StringWriter()])!);
            var writer = new StringWriter();
            Assert.True((bool)format.Invoke(formatter, [value, writer])!);
            result[(string)ft.GetProperty("MimeType")!.GetValue(formatter)!] = writer.ToString();
        }
        return result;
    }

    [Fact]
    public void Recording_has_html_tables_and_a_short_plain_text_summary()
    {
        var formatted = FormatByConvention(Small());
        Assert.Equal(["text/html", "text/plain"], formatted.Keys.Order());
        Assert.Contains("3 units × 4 time bins × 6 trials", formatted["text/html"]);
        Assert.Contains("<th>context</th>", formatted["text/html"]);
        Assert.Contains("<td>n2</td>", formatted["text/html"]);
        Assert.Contains("Trials (6 rows × 2 columns)", formatted["text/html"]);
        var plain = formatted["text/plain"];
        Assert.StartsWith("Recording 'small': 3 units × 4 time bins × 6 trials", plain);
        Assert.Contains("direction_deg (number), context (text)", plain);
        Assert.DoesNotContain("{", plain); // a summary, not an object dump
        Assert.True(plain.Split('\n').Length <= 8);
    }

    [Fact]
    public void Html_is_encoded_and_long_tables_are_truncated()
    {
        var r = Recording.Create(new double[1, 1, 30], [0]).WithName("<script>");
        var html = FormatByConvention(r)["text/html"];
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("first 10 shown", html);
    }

    [Fact]
    public void Trials_table_shows_rows_in_html_and_plain_text()
    {
        var formatted = FormatByConvention(Small().Trials);
        Assert.Contains("<td>270</td>", formatted["text/html"]);
        Assert.Equal("6 rows × 2 columns: direction_deg (number), context (text)", formatted["text/plain"].Split('\n')[0]);
        Assert.Contains("… 1 more rows", formatted["text/plain"]);
    }

    [Fact]
    public void Tuning_curve_is_a_figure_in_html_and_plotly_json_and_a_line_of_text()
    {
        var curve = TuningCurves.Compute(Small())[2];
        var formatted = FormatByConvention(curve);
        Assert.Contains("Plotly", formatted["text/html"]);
        using var json = System.Text.Json.JsonDocument.Parse(formatted["application/vnd.plotly.v1+json"]);
        Assert.True(json.RootElement.GetProperty("data").GetArrayLength() >= 1);
        Assert.Matches(@"^tuning curve of unit n2: peak [0-9.]+ Hz at \d+°, trough [0-9.]+ at \d+°; 4 angles, 6 trials$", formatted["text/plain"]);
    }

    [Fact]
    public void Training_statistics_and_results_have_summaries_and_a_training_curve()
    {
        var stats = Enumerable.Range(0, 3).Select(i => new IterationStatistics(i, 1.0 / (i + 1), 1.0 / (i + 2), null, 0.1, true, 0.02, 0.02 * (i + 1),
            Details: new HessianFreeStepDetails(0.9, 0.1, 10, 0, 1))).ToArray();
        var one = FormatByConvention(stats[2]);
        Assert.Equal("iteration 3: loss 0.3333 → 0.25, λ 0.1, 0.02 s", one["text/plain"]);
        Assert.Contains("λ (damping)", one["text/html"]);

        var result = new TrainingResult(new AdamState(0, 0, [0.0], [0.0]), [0.0], [0.0], null, stats, StopReason.IterationsCompleted);
        var formatted = FormatByConvention(result);
        Assert.Equal("training: 3 iterations, loss 1 → 0.25, stopped: iterations, 0.1 s", formatted["text/plain"]);
        Assert.Contains("Plotly", formatted["text/html"]);
    }

    [Fact]
    public void Every_core_result_type_names_an_existing_source()
    {
        foreach (var type in new[] { typeof(Recording), typeof(ColumnTable), typeof(TuningCurve), typeof(FixedPointResult), typeof(TrainingResult),
                     typeof(IterationStatistics), typeof(NeuroRnn.Fitting.RecordingFitResult), typeof(NeuroRnn.Networks.TrainedNetwork) })
        {
            var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
            Assert.Equal("NeuroRnn.Interactive", sourceType.Assembly.GetName().Name);
            var formatters = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(sourceType), null)!).Cast<object>().ToArray();
            Assert.Contains(formatters, f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/plain");
            Assert.Contains(formatters, f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
            Assert.All(formatters, f => Assert.Equal(type, f.GetType().GetProperty("Type")!.GetValue(f)));
        }
    }
}
