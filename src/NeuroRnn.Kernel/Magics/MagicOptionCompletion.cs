namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Tab completion on a magic line after the command name: option names (<c>--…</c>) not yet used, and after an option
/// with a fixed set of values (or at a bare word taken by such an implicit option) those values.
/// </summary>
internal static class MagicOptionCompletion
{
    /// <summary>Candidates for the word ending at the cursor of <paramref name="line"/> (which starts at <paramref name="lineStart"/> in the cell), or null when the command is unknown.</summary>
    public static Interpreter.CompletionResult? Complete(string line, int lineStart, int cursor)
    {
        var trimmed = line.TrimStart();
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || MagicCommands.Find(words[0]) is not { } command) return null;
        bool atNewWord = char.IsWhiteSpace(line[^1]);
        var typed = atNewWord ? "" : words[^1];
        var previous = atNewWord ? words[^1] : words.Length >= 2 ? words[^2] : "";
        var start = lineStart + line.Length - typed.Length;
        IEnumerable<string> candidates;
        if (command.Parameters.FirstOrDefault(p => p.Name == previous && !p.IsFlag) is { } option)
        {
            candidates = option.Choices;
        }
        else if (typed.StartsWith('-') || command.Parameters.All(p => !p.Implicit || p.Choices.Count == 0))
        {
            var used = words.Skip(1).ToHashSet(StringComparer.Ordinal);
            candidates = command.Parameters.Select(p => p.Name).Where(n => !used.Contains(n) || n == typed);
        }
        else
        {
            // A bare word: the first implicit option with choices (e.g. #!plot tuning|trajectories|training) when still unset.
            var implicitOption = command.Parameters.First(p => p.Implicit && p.Choices.Count > 0);
            candidates = words.Skip(1).Any(w => implicitOption.Choices.Contains(w)) && !implicitOption.Choices.Contains(typed)
                ? command.Parameters.Select(p => p.Name)
                : implicitOption.Choices;
        }
        var matches = candidates.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        return new Interpreter.CompletionResult(matches, start, cursor);
    }
}
