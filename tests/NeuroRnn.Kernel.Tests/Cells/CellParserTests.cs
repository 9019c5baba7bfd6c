using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Cells;

public sealed class CellParserTests
{
    [Fact]
    public void DirectivesAfterLeadingCommentsAndBlankLinesAreRecognised()
    {
        var cell = CellParser.Parse("// Load the package first\n\n/* a block\n   comment */\n#r \"nuget: Foo, 1.0\"\n#!time\nvar x = 1;", "csharp");
        var segment = Assert.Single(cell.Segments);
        Assert.Equal("csharp", segment.Language);
        Assert.Equal(["#r \"nuget: Foo, 1.0\"", "#!time"], segment.Directives);
        // Directive lines are blanked, so "var x" is still on line 7 for the compiler.
        Assert.Equal(6, segment.Code.Split('\n').TakeWhile(l => !l.Contains("var x")).Count());
    }

    [Fact]
    public void PathReferencesAfterCodeStayCodeButPackageDirectivesAreTakenAnywhere()
    {
        var cell = CellParser.Parse("let a = 1\n#r \"lib.dll\"\n#r \"nuget: Foo\"\n#i \"nuget: /feed\"\n#I \"/include\"", "fsharp");
        var segment = Assert.Single(cell.Segments);
        Assert.Equal(["#r \"nuget: Foo\"", "#i \"nuget: /feed\""], segment.Directives);
        Assert.Contains("#r \"lib.dll\"", segment.Code);
        Assert.Contains("#I \"/include\"", segment.Code);
    }

    [Fact]
    public void LanguageLinesSplitACellAndContentTakesTheRest()
    {
        var cell = CellParser.Parse("var a = 1;\n#!fsharp\nlet b = 2\n#!markdown\n# Title\n#!csharp\nnot code", "csharp");
        Assert.Equal(["csharp", "fsharp", "markdown"], cell.Segments.Select(s => s.Language));
        Assert.Equal("# Title\n#!csharp\nnot code", cell.Segments[2].Code);
        Assert.Equal("markdown", cell.Language);
    }

    [Fact]
    public void ContentLanguageLinesKeepTheirArgumentsAndAliasesAreKnown()
    {
        var value = Assert.Single(CellParser.Parse("#!value --name notes --mime-type text/markdown\n# Notes\n", "csharp").Segments);
        Assert.Equal("value", value.Language);
        Assert.Equal("--name notes --mime-type text/markdown", value.LanguageArguments);
        Assert.Equal("# Notes", value.Code);
        Assert.Equal("javascript", CellParser.Parse("#!js\nconsole.log(1)", "csharp").Language);
        Assert.Equal("fsharp", CellParser.Parse("\n\n#!f#\n1", "csharp").Language);
    }

    [Fact]
    public void LinesInsideMultiLineStringsAreNotDirectives()
    {
        var cell = CellParser.Parse("var script = \"\"\"\n#r \"nuget: NotReally\"\n\"\"\";\nscript", "csharp");
        var segment = Assert.Single(cell.Segments);
        Assert.Empty(segment.Directives);
        Assert.Contains("#r \"nuget: NotReally\"", segment.Code);
    }
}
