using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class TextPositionsTests
{
    [Fact]
    public void CodePointsAndUtf16_DifferAfterAnAstralCharacter()
    {
        const string text = "a😀bc"; // the emoji is one code point, two UTF-16 units
        Assert.Equal(4, TextPositions.ToUtf16(text, 3));
        Assert.Equal(3, TextPositions.ToCodePoints(text, 4));
        Assert.Equal(text.Length, TextPositions.ToUtf16(text, 100));
        Assert.Equal(0, TextPositions.ToCodePoints(text, -3));
        for (var codePoint = 0; codePoint <= 4; codePoint++)
        {
            Assert.Equal(codePoint, TextPositions.ToCodePoints(text, TextPositions.ToUtf16(text, codePoint)));
        }
    }
}
