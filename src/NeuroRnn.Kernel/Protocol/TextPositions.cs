namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Converts cursor positions between the protocol's unit (Unicode code points, since protocol 5.2) and .NET's
/// UTF-16 offsets, which differ as soon as the code holds a character outside the Basic Multilingual Plane.
/// </summary>
internal static class TextPositions
{
    /// <summary>The UTF-16 offset of code point <paramref name="codePoints"/>, clamped to the text.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var offset = 0;
        for (var i = 0; i < codePoints && offset < text.Length; i++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }

    /// <summary>The number of code points before UTF-16 offset <paramref name="utf16Offset"/>, clamped to the text.</summary>
    public static int ToCodePoints(string text, int utf16Offset)
    {
        var end = Math.Clamp(utf16Offset, 0, text.Length);
        var count = 0;
        for (var i = 0; i < end; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }
}
