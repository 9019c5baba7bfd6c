using System.Collections;
using System.Reflection;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Data;

/// <summary>Drives the formatter exactly as .NET Interactive's convention-based discovery does: by reflection only.</summary>
public class RecordingFormatterTests
{
    [Fact]
    public void Formatter_is_found_and_called_by_convention()
    {
        var attribute = typeof(Recording).GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var attributeType = attribute.GetType();
        var sourceType = (Type)attributeType.GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var mimeTypes = (string[])attributeType.GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(new[] { "text/html" }, mimeTypes);

        Assert.NotNull(sourceType.GetConstructor(Type.EmptyTypes));
        var source = Activator.CreateInstance(sourceType)!;
        var create = sourceType.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.Name == "CreateTypeFormatters");
        var formatters = ((IEnumerable)create.Invoke(source, null)!).Cast<object>().ToArray();
        var formatter = Assert.Single(formatters);

        var ft = formatter.GetType();
        Assert.Equal("text/html", ft.GetProperty("MimeType")!.GetValue(formatter));
        Assert.Equal(typeof(Recording), ft.GetProperty("Type")!.GetValue(formatter));
        var format = ft.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.Name == "Format");
        Assert.Equal(new[] { typeof(object), typeof(TextWriter) }, format.GetParameters().Select(p => p.ParameterType));

        var writer = new StringWriter();
        Assert.True((bool)format.Invoke(formatter, new object[] { TestData.Small(), writer })!);
        string html = writer.ToString();
        Assert.Contains("3 units × 4 time bins × 6 trials", html);
        Assert.Contains("<th>context</th>", html);
        Assert.Contains("<td>n2</td>", html);
        Assert.Contains("Trials (6 rows)", html);
        Assert.Contains("Units (3 rows)", html);

        Assert.False((bool)format.Invoke(formatter, new object[] { "not a recording", new StringWriter() })!);
    }

    [Fact]
    public void Html_is_encoded_and_long_tables_are_truncated()
    {
        var r = Recording.Create(new double[1, 1, 30], new double[] { 0 }).WithName("<script>");
        var writer = new StringWriter();
        new NeuroRnn.Data.Formatting.RecordingHtmlFormatter().Format(r, writer);
        string html = writer.ToString();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("first 10 shown", html);
    }
}
