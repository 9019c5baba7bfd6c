using System.Globalization;
using System.Text;

namespace NeuroRnn.Interactive.Magics;

/// <summary>
/// Parses a magic line (<c>#!name word --option value --flag</c>) against a command's declared options into typed
/// values: quoting with "double" or 'single' quotes, the implicit option taking the first bare word, defaults
/// applied, and every mistake reported by option name. Both hosts hand the raw line here so parsing is identical.
/// </summary>
public static class MagicLine
{
    /// <summary>The typed option values of <paramref name="line"/> (keys are option names with dashes; absent options without default are missing).</summary>
    /// <exception cref="MagicUsageException">Unknown option, missing value, wrong type, value outside the choices, missing required option.</exception>
    public static IReadOnlyDictionary<string, object> Parse(MagicDefinition command, string line)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(line);
        var tokens = Tokenize(line);
        if (tokens.Count == 0 || tokens[0] != command.Name) throw new MagicUsageException($"{command.Name}: the line does not start with {command.Name}: {line}");
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (int i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            MagicOption option;
            string? text;
            if (token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2)
            {
                option = command.Options.FirstOrDefault(o => o.Name == token)
                    ?? throw new MagicUsageException($"{command.Name} has no option {token}. Options: {string.Join(", ", command.Options.Select(o => o.Name))}.");
                if (option.IsFlag)
                {
                    values[option.Name] = true;
                    continue;
                }
                if (i + 1 >= tokens.Count) throw new MagicUsageException($"{command.Name}: option {option.Name} needs a value ({option.Help}).");
                text = tokens[++i];
            }
            else
            {
                option = command.Options.FirstOrDefault(o => o.Implicit && !values.ContainsKey(o.Name))
                    ?? throw new MagicUsageException($"{command.Name}: unexpected '{token}'; options are written --name value ({string.Join(", ", command.Options.Select(o => o.Name))}).");
                text = token;
            }
            if (values.ContainsKey(option.Name)) throw new MagicUsageException($"{command.Name}: option {option.Name} is given twice.");
            values[option.Name] = Convert(command, option, text);
        }
        foreach (var option in command.Options)
        {
            if (values.ContainsKey(option.Name)) continue;
            if (option.Required) throw new MagicUsageException($"{command.Name}: option {option.Name} is required ({option.Help}).");
            if (option.Default is { } fallback) values[option.Name] = fallback;
        }
        return values;
    }

    private static object Convert(MagicDefinition command, MagicOption option, string text)
    {
        if (option.Choices.Count > 0 && !option.Choices.Contains(text, StringComparer.OrdinalIgnoreCase))
            throw new MagicUsageException($"{command.Name}: option {option.Name} must be one of {string.Join(", ", option.Choices)}, not '{text}'.");
        if (option.ValueType == typeof(string)) return option.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) ?? text;
        if (option.ValueType == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
                : throw new MagicUsageException($"{command.Name}: option {option.Name} needs a whole number, not '{text}'.");
        if (option.ValueType == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
                : throw new MagicUsageException($"{command.Name}: option {option.Name} needs a number, not '{text}'.");
        throw new InvalidOperationException($"{command.Name}: option {option.Name} has unsupported type {option.ValueType.Name}.");
    }

    /// <summary>The words of <paramref name="line"/>: whitespace separates, quotes group, a backslash escapes a quote inside "double" quotes.</summary>
    public static IReadOnlyList<string> Tokenize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool inToken = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inToken) { tokens.Add(current.ToString()); current.Clear(); inToken = false; }
                continue;
            }
            inToken = true;
            if (c is not ('"' or '\''))
            {
                current.Append(c);
                continue;
            }
            char quote = c;
            bool closed = false;
            for (i++; i < line.Length; i++)
            {
                if (line[i] == '\\' && quote == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\') current.Append(line[++i]);
                else if (line[i] == quote) { closed = true; break; }
                else current.Append(line[i]);
            }
            if (!closed) throw new MagicUsageException($"Unclosed {quote} quote in: {line}");
        }
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }
}
