using NeuroRnn.Kernel.Engines;

namespace NeuroRnn.Kernel.Tests.Engines;

public sealed class CellPositionsTests
{
    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("#!csharp\nabc", 11, 3)]
    [InlineData("#!csharp\r\nabc", 12, 3)]
    [InlineData("#r \"a.dll\"\r\nx\r\nab", 17, 5)]
    public void CellOffset_MapsToTheEngineCode_AndBack(string cell, int cellOffset, int codeOffset)
    {
        var code = CellParser.Parse(cell, CellParser.CSharp).Code;
        Assert.Equal(codeOffset, CellPositions.ToCode(cell, code, cellOffset));
        Assert.Equal(cellOffset, CellPositions.ToCell(cell, code, codeOffset));
    }

    [Fact]
    public void ACursorOnADirectiveLine_HasNoEngineOffset()
    {
        var cell = "#!csharp\nabc";
        Assert.Null(CellPositions.ToCode(cell, CellParser.Parse(cell, CellParser.CSharp).Code, 4));
    }
}
