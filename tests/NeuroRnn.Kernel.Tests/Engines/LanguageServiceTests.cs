using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Engines;

/// <summary>Semantic completion, inspection and is_complete of C# cells (Roslyn's completion and quick-info services).</summary>
public sealed class CSharpLanguageServiceTests(InterpreterFixture fixture) : IClassFixture<InterpreterFixture>
{
    private CompletionResult Complete(string code) => fixture.Interpreter.Complete(code, code.Length);

    [Theory]
    [InlineData("Console.WriteL", "WriteLine")]
    [InlineData("System.Collections.Generic.Dictiona", "Dictionary")]
    [InlineData("System.Collections.Gen", "Generic")]
    [InlineData("Math.Sqr", "Sqrt")]
    [InlineData("new[] { 3, 1 }.OrderByDesc", "OrderByDescending")]
    [InlineData("\"text\".ToUpperInv", "ToUpperInvariant")]
    [InlineData("var local = 1; loc", "local")]
    [InlineData("Strin", "String")]
    [InlineData("displ", "display")]
    public void Completes_TypesNamespacesStaticMembersExtensionMethodsAndGlobals(string code, string expected)
    {
        var result = Complete(code);
        Assert.Contains(expected, result.Matches);
        Assert.All(result.Matches, m => Assert.StartsWith(code[result.CursorStart..], m, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(code.Length, result.CursorEnd);
        Assert.NotNull(result.Kinds);
    }

    [Fact]
    public void Completion_OfConsoleWriteL_IsExactlyWriteLine_AReplacingTheTypedPart()
    {
        var result = Complete("Console.WriteL");
        Assert.Equal(["WriteLine"], result.Matches);
        Assert.Equal(8, result.CursorStart);
        Assert.Equal(["method"], result.Kinds);
    }

    [Fact]
    public async Task Completion_KnowsVariablesAndTypesOfEarlierCells_AndTheirMembers()
    {
        await fixture.RunAsync("var earlierSamples = new List<double> { 1, 2 };\nrecord Probe(int Depth);");
        Assert.Contains("earlierSamples", Complete("earlierSa").Matches);
        Assert.Contains("Average", Complete("earlierSamples.Aver").Matches); // LINQ extension method on a List<double>
        Assert.Contains("Depth", Complete("new Probe(3).De").Matches);

        // A cell that failed to compile is not part of the session: its names are not offered.
        await fixture.RunAsync("var neverDefined = undefinedThing;");
        Assert.DoesNotContain("neverDefined", Complete("neverDef").Matches);
    }

    [Fact]
    public void Completion_MapsPositionsAroundDirectiveLines()
    {
        var cell = "#!csharp\r\n// a comment\r\nConsole.WriteL";
        var result = Complete(cell);
        Assert.Equal(["WriteLine"], result.Matches);
        Assert.Equal(cell.Length - "WriteL".Length, result.CursorStart);
        Assert.Equal(cell.Length, result.CursorEnd);
    }

    [Theory]
    [InlineData("#!csharp\nConsole.Wr", 3)]     // inside the directive line
    [InlineData("#r \"nuget: Foo\"\nx", 5)]      // inside a #r line
    [InlineData("Console.WriteL", -5)]          // before the start
    [InlineData("Console.WriteL", 500)]         // after the end (clamped to it)
    [InlineData("", 0)]
    [InlineData("\"unterminated string", 10)]
    public void Completion_AtOddPositions_AnswersWithoutThrowing(string code, int cursor)
    {
        var result = fixture.Interpreter.Complete(code, cursor);
        Assert.InRange(result.CursorStart, 0, code.Length);
        Assert.InRange(result.CursorEnd, result.CursorStart, code.Length);
    }

    [Fact]
    public void Inspect_ShowsTheSignatureAndTheSdkDocumentation()
    {
        var info = fixture.Interpreter.Inspect("Console.WriteLine", "Console.WriteLine".Length, 0);
        Assert.NotNull(info);
        var text = info.Data["text/plain"];
        Assert.Contains("void Console.WriteLine()", text);
        Assert.Contains("line terminator", text); // from System.Console.xml of the SDK's reference pack
        Assert.Contains("<pre>", info.Data["text/html"]);
    }

    [Fact]
    public async Task Inspect_OfAVariable_ShowsItsDeclarationAndValue()
    {
        await fixture.RunAsync("var inspectedValue = 41 + 1;");
        var text = fixture.Interpreter.Inspect("inspectedValue", 4, 0)!.Data["text/plain"];
        Assert.Contains("int", text);
        Assert.Contains("inspectedValue : Int32 (csharp)", text);
        Assert.Contains("42", text);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 2)]
    [InlineData("1 + ", 4)]
    [InlineData("#!csharp", 3)]
    public void Inspect_WhereThereIsNoSymbol_IsNull(string code, int cursor)
    {
        Assert.Null(fixture.Interpreter.Inspect(code, cursor, 0));
    }

    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("class C { }", "complete")]
    [InlineData("", "complete")]
    [InlineData("#!csharp\nif (true) {", "incomplete")]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("Console.WriteLine(", "incomplete")]
    [InlineData("/* comment", "incomplete")]
    [InlineData("var s = \"\"\"\nraw", "incomplete")]
    [InlineData("var x = 1; }", "invalid")]
    [InlineData("int[] a = { 1 ];", "invalid")]
    public void IsComplete(string code, string expected)
    {
        Assert.Equal(expected, fixture.Interpreter.IsComplete(code));
    }
}

/// <summary>F# completion, tooltips and is_complete from the FSI session's checker, available before any F# cell ran.</summary>
public sealed class FSharpLanguageServiceTests
{
    [Fact]
    public async Task BeforeAnyFSharpCell_CompletionInspectionAndIsCompleteWork_ThenKnowLaterCells()
    {
        using var interpreter = new PolyglotInterpreter("fsharp");
        Assert.Equal(["mapFold", "mapFoldBack"], interpreter.Complete("List.mapF", 9).Matches.Order());
        Assert.Contains("WriteLine", interpreter.Complete("System.Console.WriteL", 20).Matches);
        var tip = interpreter.Inspect("List.map", 8, 0)!.Data["text/plain"];
        Assert.Contains("val map: mapping: ('T -> 'U) -> list: 'T list -> 'U list", tip);

        var context = new RecordingContext();
        await interpreter.ExecuteAsync("let laterValue = \"text\"", context, CancellationToken.None);
        Assert.Contains("laterValue", interpreter.Complete("laterVa", 7).Matches);
        Assert.Contains("ToUpperInvariant", interpreter.Complete("laterValue.ToUpperInv", 21).Matches);
        Assert.Contains("string", interpreter.Inspect("laterValue", 3, 0)!.Data["text/plain"]);
    }

    [Fact]
    public void InACSharpKernel_AnFSharpCell_IsCompletedByTheFSharpSession()
    {
        using var interpreter = new PolyglotInterpreter("csharp");
        var cell = "#!fsharp\nList.mapF";
        var result = interpreter.Complete(cell, cell.Length);
        Assert.Equal(["mapFold", "mapFoldBack"], result.Matches.Order());
        Assert.Equal(cell.Length - 4, result.CursorStart);
        Assert.Equal("incomplete", interpreter.IsComplete("#!fsharp\nlet f x ="));
    }

    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("let x = 1", "complete")]
    [InlineData("type R = { A: int }", "complete")]
    [InlineData("let c = '\"'", "complete")]
    [InlineData("let id (x: 'T) = x", "complete")]
    [InlineData("", "complete")]
    [InlineData("let f x =", "incomplete")]
    [InlineData("(1 + ", "incomplete")]
    [InlineData("[1; 2", "incomplete")]
    [InlineData("let s = \"\"\"abc", "incomplete")]
    [InlineData("let s = \"abc", "incomplete")]
    [InlineData("(* comment", "incomplete")]
    [InlineData("(* outer (* inner *) still open", "incomplete")]
    [InlineData("1 + 2)", "invalid")]
    [InlineData("let x = 1 ]", "invalid")]
    public void IsComplete(string code, string expected)
    {
        Assert.Equal(expected, Interpreter.Value.IsComplete(code));
    }

    private static readonly Lazy<PolyglotInterpreter> Interpreter = new(() => new PolyglotInterpreter("fsharp"));
}
