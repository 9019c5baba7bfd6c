namespace NeuroRnn.Kernel.Engines;

/// <summary>Splits the text before the cursor into an optional member-access target and the partial identifier.</summary>
internal static class CompletionText
{
    /// <summary>"foo.ba" → ("foo", "ba"); "ba" → (null, "ba").</summary>
    public static (string? Target, string Partial) Split(string prefix)
    {
        var end = prefix.Length;
        var start = end;
        while (start > 0 && IsIdentifierChar(prefix[start - 1])) start--;
        var partial = prefix[start..end];
        if (start == 0 || prefix[start - 1] != '.') return (null, partial);
        var targetEnd = start - 1;
        var targetStart = targetEnd;
        while (targetStart > 0 && IsIdentifierChar(prefix[targetStart - 1])) targetStart--;
        return targetStart == targetEnd ? (null, partial) : (prefix[targetStart..targetEnd], partial);
    }

    public static int PartialStart(string prefix)
    {
        var start = prefix.Length;
        while (start > 0 && IsIdentifierChar(prefix[start - 1])) start--;
        return start;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
