using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Engines;

public sealed class FSharpEngineTests(FSharpInterpreterFixture fixture) : IClassFixture<FSharpInterpreterFixture>
{
    [Fact]
    public async Task StateCarriesAcrossCells()
    {
        await fixture.RunAsync("let fsBase = 40");
        Assert.Equal("42", await fixture.ResultTextAsync("fsBase + 2"));
    }

    [Fact]
    public async Task PrintfnIsCapturedLineByLine()
    {
        var (outcome, context) = await fixture.RunAsync("printfn \"alpha %d\" 1\nprintf \"be\"\nprintfn \"ta\"\neprintfn \"warn\"");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Equal("alpha 1\nbeta\n", context.Stdout);
        Assert.Equal("warn\n", context.Stderr);
        Assert.Contains(context.Events, e => e.Text == "alpha 1\n");
    }

    [Fact]
    public async Task UnitResultIsNotAValue()
    {
        var (outcome, _) = await fixture.RunAsync("ignore 3");
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>(outcome).Result);
    }

    [Fact]
    public async Task CompileErrorNamesLineAndNextCellWorks()
    {
        var (outcome, _) = await fixture.RunAsync("let ok = 1\nlet bad = ok + \"text\"");
        var error = Assert.IsType<ExecutionOutcome.Error>(outcome);
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("(2,", error.Traceback[0]);
        Assert.Contains("error FS", error.Traceback[0]);
        Assert.Equal("3", await fixture.ResultTextAsync("1 + 2"));
    }

    [Fact]
    public async Task RuntimeErrorIsAnErrorOutcome()
    {
        var (outcome, _) = await fixture.RunAsync("let explode () : int = failwith \"boom\"\nexplode ()");
        var error = Assert.IsType<ExecutionOutcome.Error>(outcome);
        Assert.Equal("Exception", error.Name);
        Assert.Equal("boom", error.Value);
        Assert.Equal("ok", await fixture.ResultTextAsync("\"ok\""));
    }

    [Fact]
    public async Task FSharpValuesFormat()
    {
        Assert.Equal("[1; 2; 3]", await fixture.ResultTextAsync("[1; 2; 3]"));
        var (outcome, _) = await fixture.RunAsync("type Point = { X: int; Y: int }\n[ { X = 1; Y = 2 }; { X = 3; Y = 4 } ]");
        var html = Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/html"];
        Assert.Contains("<th>X</th>", html);
        Assert.Contains("<td>3</td>", html);
    }

    [Fact]
    public async Task DisplayWorksFromFSharp()
    {
        var (outcome, context) = await fixture.RunAsync("let h = display \"first\"\nh.Update(\"second\")");
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var displays = context.Displays.ToArray();
        Assert.Equal(["display", "update"], displays.Select(d => d.Kind));
        Assert.Equal("second", displays[1].Text);
        Assert.Equal(displays[0].DisplayId, displays[1].DisplayId);
    }

    [Fact]
    public async Task ShareBetweenLanguagesBothWays()
    {
        await fixture.RunAsync("#!csharp\nvar fromCs = new List<int> { 1, 2, 3 };\nvar greeting = \"hi\";");
        var (shared, _) = await fixture.RunAsync("#!share --from csharp fromCs\n#!share --from csharp greeting --as greetingFs\nSeq.sum fromCs + greetingFs.Length");
        Assert.Equal("8", Assert.IsType<ExecutionOutcome.Success>(shared).Result!.Data["text/plain"]);

        await fixture.RunAsync("let fsList = [ 10; 20 ]\nlet fsRecordLike = (\"a\", 2.5)");
        var (back, _) = await fixture.RunAsync("#!csharp\n#!share --from fsharp fsList\n#!share --from fsharp fsRecordLike\nfsList.Length + fsRecordLike.Item2");
        Assert.Equal("4.5", Assert.IsType<ExecutionOutcome.Success>(back).Result!.Data["text/plain"]);

        var (missing, _) = await fixture.RunAsync("#!csharp\n#!share --from fsharp noSuchValue");
        Assert.Contains("no variable named 'noSuchValue'", Assert.IsType<ExecutionOutcome.Error>(missing).Value);
    }

    [Fact]
    public async Task TightFSharpLoopWithTokenCheckIsInterrupted()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var (outcome, _) = await fixture.RunAsync("let mutable i = 0L\nwhile true do\n    cancellationToken.ThrowIfCancellationRequested()\n    i <- i + 1L", cancellationToken: interrupt.Token);
        Assert.IsType<ExecutionOutcome.Aborted>(outcome);
        Assert.Equal("2", await fixture.ResultTextAsync("1 + 1"));
    }

    [Fact]
    public async Task NonCooperativeFSharpLoopThatCallsOutIsAborted()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var (outcome, _) = await fixture.RunAsync("let mutable j = 0L\nwhile true do\n    j <- j + 1L\n    if j % 1000L = 0L then System.Threading.Thread.SpinWait 10", cancellationToken: interrupt.Token);
        Assert.IsType<ExecutionOutcome.Aborted>(outcome);
        Assert.Equal("4", await fixture.ResultTextAsync("2 + 2"));
    }
}
