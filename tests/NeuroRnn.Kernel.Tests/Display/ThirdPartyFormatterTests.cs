using System.Collections;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Tests.Display.ThirdParty;
using InteractiveFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NeuroRnn.Kernel.Tests.Display.ThirdParty
{
    // Plotly.NET 6 spells the convention's property TypeFormatterSourceType.
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class TypeFormatterSourceAttribute(Type source) : Attribute
    {
        public Type TypeFormatterSourceType { get; } = source;
    }

    [TypeFormatterSource(typeof(GaugeFormatterSource))]
    public sealed class Gauge;

    public sealed class GaugeFormatterSource
    {
        public IEnumerable CreateTypeFormatters() => new object[] { new GaugeHtml() };

        public sealed class GaugeHtml
        {
            public string MimeType => "text/html";

            public bool Format(object instance, TextWriter writer)
            {
                writer.Write("<meter>gauge</meter>");
                return true;
            }
        }
    }

    // A source the convention cannot create (no parameterless constructor), as Plotly.NET 6's GenericChartFormatterSource.
    [TypeFormatterSource(typeof(DialFormatterSource))]
    public sealed class Dial
    {
        public override string ToString() => "a dial";
    }

    public sealed class DialFormatterSource(string settings)
    {
        public string Settings => settings;

        public IEnumerable CreateTypeFormatters() => throw new InvalidOperationException("never called");
    }

    public sealed class Widget;

    // Formatters for a type the library does not own, registered when the assembly is loaded with #r.
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class NeuroRnnFormattersAttribute : Attribute;

    [NeuroRnnFormatters]
    public static class WidgetFormatters
    {
        public static int Calls;

        public static void RegisterFormatters()
        {
            Calls++;
            InteractiveFormatter.Register<Widget>((_, writer) => writer.Write("<i>widget</i>"), "text/html");
        }
    }
}

namespace NeuroRnn.Kernel.Tests.Display
{
    public class ThirdPartyFormatterTests
    {
        [Fact]
        public void The_convention_accepts_the_TypeFormatterSourceType_spelling()
        {
            var bundle = DisplayFormatter.Format(new Gauge());
            Assert.Equal("<meter>gauge</meter>", bundle.Data["text/html"]);
        }

        [Fact]
        public void A_source_without_a_parameterless_constructor_is_skipped_not_fatal()
        {
            var bundle = DisplayFormatter.Format(new Dial());
            Assert.Equal("a dial", bundle.Data["text/plain"]);
            Assert.False(bundle.Data.ContainsKey("text/html"));
        }

        [Fact]
        public void Marked_registrations_run_once_per_assembly_and_their_formatters_apply()
        {
            FormatterRegistrations.RegisterFrom(typeof(Widget).Assembly);
            FormatterRegistrations.RegisterFrom(typeof(Widget).Assembly);
            Assert.Equal(1, WidgetFormatters.Calls);
            Assert.Equal("<i>widget</i>", DisplayFormatter.Format(new Widget()).Data["text/html"]);
        }
    }
}
