using System.Collections;
using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Kernel.Display;

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

public sealed record Money(decimal Amount, string Currency);

public sealed record Row(int Id, string Name);

public sealed class FormatterTests
{
    [Fact]
    public void ConventionFormattersFromATypeOrItsBaseClassGivePreferredMimeTypesAndPlainText()
    {
        foreach (var value in new Temperature[] { new(21.5), new DerivedTemperature(-3) })
        {
            var bundle = Formatter.Format(value);
            Assert.Equal($"<b>{value.Celsius} °C</b>", bundle.Data["text/html"]);
            Assert.Equal($"**{value.Celsius} °C**", bundle.Data["text/markdown"]);
            Assert.Equal($"{value.Celsius} degrees", bundle.Data["text/plain"]);
            // Not preferred, so not in the bundle.
            Assert.False(bundle.Data.ContainsKey("application/json"));
        }
    }

    [Fact]
    public void RegisteredFormattersWinAndCanBeRemoved()
    {
        Formatter.Register<Money>("text/html", m => $"<span>{m.Amount} {m.Currency}</span>");
        try
        {
            var bundle = Formatter.Format(new Money(3.5m, "EUR"));
            Assert.Equal("<span>3.5 EUR</span>", bundle.Data["text/html"]);
            Assert.Equal("Money { Amount = 3.5, Currency = EUR }", bundle.Data["text/plain"]);
        }
        finally
        {
            Assert.True(Formatter.Unregister(typeof(Money), "text/html"));
        }
        Assert.False(Formatter.Format(new Money(1, "USD")).Data.ContainsKey("text/html"));
        Assert.Throws<ArgumentException>(() => Formatter.Register<Money>("html", _ => ""));
    }

    [Fact]
    public void SequencesBecomeTruncatedTables()
    {
        var rows = Enumerable.Range(0, 25).Select(i => new Row(i, "n" + i)).ToList();
        var bundle = Formatter.Format(rows);
        var html = bundle.Data["text/html"];
        Assert.Contains("<th>Id</th><th>Name</th>", html);
        Assert.Contains("<td>n19</td>", html);
        Assert.DoesNotContain("<td>n20</td>", html);
        Assert.Contains("… more (5 more)", html);
        Assert.StartsWith("List<Row> (25 items): [Row { Id = 0, Name = n0 }", bundle.Data["text/plain"]);

        var scalars = Formatter.Format(new[] { 1.5, 2.5 });
        Assert.Contains("<th>value</th>", scalars.Data["text/html"]);
        Assert.Equal("Double[] (2 items): [1.5, 2.5]", scalars.Data["text/plain"]);

        var dictionary = Formatter.Format(new Dictionary<string, int> { ["a"] = 1 });
        Assert.Contains("<th>key</th><th>value</th>", dictionary.Data["text/html"]);
        Assert.Equal("Dictionary<String, Int32> (1 entry): { \"a\": 1 }", dictionary.Data["text/plain"]);
    }

    [Fact]
    public void MathNetVectorsAndMatricesAreTruncatedTables()
    {
        var vector = Vector<double>.Build.Dense(100, i => i * 0.5);
        var vectorBundle = Formatter.Format(vector);
        Assert.Contains("<td>0.5</td>", vectorBundle.Data["text/html"]);
        Assert.Contains("(76 more)", vectorBundle.Data["text/html"]);
        Assert.Contains("DenseVector", vectorBundle.Data["text/plain"]);

        var matrix = Matrix<double>.Build.Dense(30, 20, (r, c) => r * 100 + c);
        var html = Formatter.Format(matrix).Data["text/html"];
        Assert.Contains("30×20", html);
        Assert.Contains("<td>1511</td>", html);
        Assert.Contains("(14 more rows)", html);
        Assert.DoesNotContain("<td>1612</td>", html);
    }

    [Fact]
    public void ExceptionsNullsAndPlainValues()
    {
        var exception = Formatter.Format(new InvalidOperationException("bad <thing>"));
        Assert.Contains("bad &lt;thing&gt;", exception.Data["text/html"]);
        Assert.Equal("<null>", Formatter.Format(null).Data["text/plain"]);
        Assert.Equal("0.1", Formatter.ToPlainText(0.1));
        Assert.Equal("text", Formatter.ToPlainText("text"));
        Assert.False(Formatter.Format("text").Data.ContainsKey("text/html"));
    }

    [Fact]
    public void FormatAsOneMimeTypeRestrictsTheBundle()
    {
        var bundle = Formatter.Format(new Temperature(5), "text/markdown");
        Assert.Equal(["text/markdown", "text/plain"], bundle.Data.Keys.Order());
        Assert.Throws<ArgumentException>(() => Formatter.Format(42, "image/png"));
    }
}
