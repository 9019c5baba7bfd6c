using System.Collections;
using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Kernel.Display;
using InteractiveFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NeuroRnn.Kernel.Tests.Display;

// The .NET Interactive convention: only the simple name of the attribute matters, not its namespace.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}

[TypeFormatterSource(typeof(TemperatureFormatterSource), PreferredMimeTypes = ["text/html", "text/markdown"])]
public class Temperature(double celsius)
{
    public double Celsius { get; } = celsius;
}

public sealed class DerivedTemperature(double celsius) : Temperature(celsius);

public sealed class TemperatureFormatterSource
{
    public IEnumerable CreateTypeFormatters()
    {
        yield return new DeclinesFormatter();
        yield return new TemperatureFormatter("text/html", t => $"<b>{t.Celsius} °C</b>");
        yield return new TemperatureFormatter("text/markdown", t => $"**{t.Celsius} °C**");
        yield return new TemperatureFormatter("text/plain", t => $"{t.Celsius} degrees");
        yield return new TemperatureFormatter("application/json", t => "{}");
    }

    public sealed class TemperatureFormatter(string mimeType, Func<Temperature, string> format)
    {
        public string MimeType { get; } = mimeType;

        public Type Type => typeof(Temperature);

        public bool Format(object instance, TextWriter writer)
        {
            writer.Write(format((Temperature)instance));
            return true;
        }
    }

    // Returning false falls through to the next formatter of the same MIME type.
    public sealed class DeclinesFormatter
    {
        public string MimeType => "text/html";

        public bool Format(object instance, TextWriter writer) => false;
    }
}

public record Money(decimal Amount, string Currency);

public sealed record Coins(int Count) : Money(Count, "coins");

public sealed record Ticket(int Number);

public sealed record Row(int Id, string Name);

public sealed class FormatterTests
{
    [Fact]
    public void ConventionFormattersFromATypeOrItsBaseClassGivePreferredMimeTypesAndPlainText()
    {
        foreach (var value in new Temperature[] { new(21.5), new DerivedTemperature(-3) })
        {
            var bundle = DisplayFormatter.Format(value);
            Assert.Equal($"<b>{value.Celsius} °C</b>", bundle.Data["text/html"]);
            Assert.Equal($"**{value.Celsius} °C**", bundle.Data["text/markdown"]);
            Assert.Equal($"{value.Celsius} degrees", bundle.Data["text/plain"]);
            // Not preferred, so not in the bundle.
            Assert.False(bundle.Data.ContainsKey("application/json"));
        }
    }

    [Fact]
    public void FormattersRegisteredWithTheInteractiveFormatterWinForTheirMimeType()
    {
        // Each overload a notebook uses: Func<T, string> with a MIME type, Action<T, TextWriter>, FormatContext.
        InteractiveFormatter.Register<Money>(m => $"<span>{m.Amount} {m.Currency}</span>", "text/html");
        InteractiveFormatter.Register<Money>((m, writer) => writer.Write($"{m.Amount:0.00} {m.Currency}"), "text/plain");
        InteractiveFormatter.Register<Money>((m, context) => { context.Writer.Write($"**{m.Amount}**"); return true; }, "text/markdown");
        var bundle = DisplayFormatter.Format(new Money(3.5m, "EUR"));
        Assert.Equal("<span>3.5 EUR</span>", bundle.Data["text/html"]);
        Assert.Equal("3.50 EUR", bundle.Data["text/plain"]);
        Assert.Equal("**3.5**", bundle.Data["text/markdown"]);

        // A formatter for a subclass wins over one for its base class; one that declines falls through.
        InteractiveFormatter.Register<Money>(m => "<i>money</i>", "text/html");
        InteractiveFormatter.Register<Coins>((c, context) => c.Count > 1 && Write(context, $"<b>{c.Count} coins</b>"), "text/html");
        Assert.Equal("<b>3 coins</b>", DisplayFormatter.Format(new Coins(3)).Data["text/html"]);
        Assert.Equal("<i>money</i>", DisplayFormatter.Format(new Coins(1)).Data["text/html"]);
        Assert.Throws<ArgumentException>(() => DisplayFormatter.Format(new Money(1, "USD"), ["html"]));
    }

    private static bool Write(Microsoft.DotNet.Interactive.Formatting.FormatContext context, string text)
    {
        context.Writer.Write(text);
        return true;
    }

    [Fact]
    public void SetPreferredMimeTypesForRestrictsTheViews()
    {
        InteractiveFormatter.Register<Ticket>(t => $"<b>#{t.Number}</b>", "text/html");
        InteractiveFormatter.Register<Ticket>(t => $"ticket {t.Number}", "text/plain");
        Assert.Equal(["text/html", "text/plain"], DisplayFormatter.Format(new Ticket(7)).Data.Keys.Order());
        InteractiveFormatter.SetPreferredMimeTypesFor(typeof(Ticket), "text/plain");
        var bundle = DisplayFormatter.Format(new Ticket(7));
        Assert.Equal(["text/plain"], bundle.Data.Keys);
        Assert.Equal("ticket 7", bundle.Data["text/plain"]);
        // Asked for explicitly, a view is produced whatever the preference.
        Assert.Equal("<b>#7</b>", DisplayFormatter.Format(new Ticket(7), ["text/html"]).Data["text/html"]);
    }

    [Fact]
    public void LatexMathHtmlContentAndPocketViews()
    {
        var latex = DisplayFormatter.Format(new Microsoft.DotNet.Interactive.Formatting.LaTeXString(@"\frac{1}{\tau}"));
        Assert.Equal(@"\frac{1}{\tau}", latex.Data["text/latex"]);
        var math = DisplayFormatter.Format(new Microsoft.DotNet.Interactive.Formatting.MathString(@"\dot{x} = -x"));
        Assert.Equal(@"$$\dot{x} = -x$$", math.Data["text/latex"]);
        Assert.False(math.Data.ContainsKey("text/html"));

        var html = DisplayFormatter.Format(new Microsoft.AspNetCore.Html.HtmlString("<b>raw</b>"));
        Assert.Equal("<b>raw</b>", html.Data["text/html"]);
        Microsoft.DotNet.Interactive.Formatting.PocketView view = NotebookHtmlTags.td[style: "color:red"](NotebookHtmlTags.b("x < y"));
        Assert.Equal("<td style=\"color:red\"><b>x &lt; y</b></td>", DisplayFormatter.Format(view).Data["text/html"]);
    }

    [Fact]
    public void SequencesBecomeTruncatedTables()
    {
        var rows = Enumerable.Range(0, 25).Select(i => new Row(i, "n" + i)).ToList();
        var bundle = DisplayFormatter.Format(rows);
        var html = bundle.Data["text/html"];
        Assert.Contains("<th>Id</th><th>Name</th>", html);
        Assert.Contains("<td>n19</td>", html);
        Assert.DoesNotContain("<td>n20</td>", html);
        Assert.Contains("… more (5 more)", html);
        Assert.StartsWith("List<Row> (25 items): [Row { Id = 0, Name = n0 }", bundle.Data["text/plain"]);

        var scalars = DisplayFormatter.Format(new[] { 1.5, 2.5 });
        Assert.Contains("<th>value</th>", scalars.Data["text/html"]);
        Assert.Equal("Double[] (2 items): [1.5, 2.5]", scalars.Data["text/plain"]);

        var dictionary = DisplayFormatter.Format(new Dictionary<string, int> { ["a"] = 1 });
        Assert.Contains("<th>key</th><th>value</th>", dictionary.Data["text/html"]);
        Assert.Equal("Dictionary<String, Int32> (1 entry): { \"a\": 1 }", dictionary.Data["text/plain"]);
    }

    [Fact]
    public void MathNetVectorsAndMatricesAreTruncatedTables()
    {
        var vector = Vector<double>.Build.Dense(100, i => i * 0.5);
        var vectorBundle = DisplayFormatter.Format(vector);
        Assert.Contains("<td>0.5</td>", vectorBundle.Data["text/html"]);
        Assert.Contains("(76 more)", vectorBundle.Data["text/html"]);
        Assert.Contains("DenseVector", vectorBundle.Data["text/plain"]);

        var matrix = Matrix<double>.Build.Dense(30, 20, (r, c) => r * 100 + c);
        var html = DisplayFormatter.Format(matrix).Data["text/html"];
        Assert.Contains("30×20", html);
        Assert.Contains("<td>1511</td>", html);
        Assert.Contains("(14 more rows)", html);
        Assert.DoesNotContain("<td>1612</td>", html);
    }

    [Fact]
    public void ExceptionsNullsAndPlainValues()
    {
        var exception = DisplayFormatter.Format(new InvalidOperationException("bad <thing>"));
        Assert.Contains("bad &lt;thing&gt;", exception.Data["text/html"]);
        Assert.Equal("<null>", DisplayFormatter.Format(null).Data["text/plain"]);
        Assert.Equal("0.1", DisplayFormatter.ToPlainText(0.1));
        Assert.Equal("text", DisplayFormatter.ToPlainText("text"));
        Assert.False(DisplayFormatter.Format("text").Data.ContainsKey("text/html"));
    }

    [Fact]
    public void FormatAsOneMimeTypeRestrictsTheBundle()
    {
        var bundle = DisplayFormatter.Format(new Temperature(5), ["text/markdown"]);
        Assert.Equal(["text/markdown", "text/plain"], bundle.Data.Keys.Order());
        Assert.Throws<ArgumentException>(() => DisplayFormatter.Format(42, ["image/png"]));
    }
}
