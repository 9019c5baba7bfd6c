namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>
/// A LaTeX formula shown as display math (<c>text/latex</c> wrapped in <c>$$ … $$</c>), as in older .NET Interactive
/// notebooks; the formatting package now only has <see cref="LaTeXString"/>, which shows its text unwrapped.
/// </summary>
[TypeFormatterSource(typeof(MathStringFormatterSource), PreferredMimeTypes = ["text/latex"])]
public sealed class MathString
{
    private readonly string _latex;

    /// <summary>Wraps the LaTeX source <paramref name="latexCode"/> (without dollar signs).</summary>
    public MathString(string latexCode)
    {
        _latex = latexCode ?? throw new ArgumentNullException(nameof(latexCode));
    }

    /// <summary>Converts LaTeX source to a <see cref="MathString"/>.</summary>
    public static implicit operator MathString(string latexCode) => new(latexCode);

    /// <summary>The formula as display math: <c>$$latex$$</c>.</summary>
    public override string ToString() => $"$${_latex}$$";

    private sealed class MathStringFormatterSource : ITypeFormatterSource
    {
        public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
        [
            new LatexFormatter("text/latex"),
            new LatexFormatter("text/plain"),
        ];
    }

    private sealed class LatexFormatter(string mimeType) : ITypeFormatter
    {
        public string MimeType => mimeType;

        public Type Type => typeof(MathString);

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not MathString math) return false;
            context.Writer.Write(math.ToString());
            return true;
        }
    }
}
