using System.Text;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Splits a magic line into words: whitespace separates, "double" or 'single' quotes group (a backslash escapes
/// the quote character or a backslash inside double quotes).
/// </summary>
public static class MagicTokenizer
{
    /// <summary>The words of <paramref name="line"/>.</summary>
    /// <exception cref="MagicCommandException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Tokenize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inToken) { tokens.Add(current.ToString()); current.Clear(); inToken = false; }
                continue;
            }
            inToken = true;
            if (c is '"' or '\'')
            {
                var quote = c;
                var closed = false;
                for (i++; i < line.Length; i++)
                {
                    var q = line[i];
                    if (q == '\\' && quote == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                    {
                        current.Append(line[++i]);
                    }
                    else if (q == quote)
                    {
                        closed = true;
                        break;
                    }
                    else
                    {
                        current.Append(q);
                    }
                }
                if (!closed) throw new MagicCommandException($"Unclosed {quote} quote in: {line}");
                continue;
            }
            current.Append(c);
        }
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }
}
