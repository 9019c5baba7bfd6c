using Deedle;
using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Interop.Deedle;

/// <summary>
/// Notebook formatters for Deedle frames and series (Deedle dropped its own when .NET Interactive was deprecated):
/// <c>text/html</c> tables (<see cref="DeedleHtml"/>) and a <c>text/plain</c> table from Deedle's own formatting, both
/// truncated by <see cref="Options"/>. They go into .NET Interactive's formatter registry, which both NeuroRnn's kernel
/// and .NET Interactive read: NeuroRnn's kernel calls <see cref="RegisterFormatters"/> when this assembly is loaded with
/// <c>#r</c> (the <see cref="NeuroRnnFormattersAttribute"/> convention); in .NET Interactive the package's
/// <c>extension.dib</c> calls it. Calling it again does nothing.
/// </summary>
[NeuroRnnFormatters]
public static class DeedleFormatting
{
    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>The truncation and number format of the tables (read each time a value is shown).</summary>
    public static DeedleTableOptions Options { get; set; } = new();

    /// <summary>Registers the formatters (once per process).</summary>
    public static void RegisterFormatters()
    {
        lock (Gate)
        {
            if (registered) return;
            registered = true;
        }
        Formatter.Register(typeof(Frame<,>), (object value, FormatContext context) => Write(DeedleHtml.TryToHtml(value, Options), context), "text/html");
        Formatter.Register(typeof(Series<,>), (object value, FormatContext context) => Write(DeedleHtml.TryToHtml(value, Options), context), "text/html");
        Formatter.Register(typeof(Frame<,>), (object value, FormatContext context) => Write(DeedleText.TryToText(value, Options), context), "text/plain");
        Formatter.Register(typeof(Series<,>), (object value, FormatContext context) => Write(DeedleText.TryToText(value, Options), context), "text/plain");
    }

    private static bool Write(string? text, FormatContext context)
    {
        if (text is null) return false;
        context.Writer.Write(text);
        return true;
    }
}

/// <summary>
/// Marks a type whose public static <c>RegisterFormatters()</c> NeuroRnn's kernel calls when the assembly is loaded
/// with <c>#r</c>. Found by its simple name, so the kernel and this package need no reference to each other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class NeuroRnnFormattersAttribute : Attribute;
