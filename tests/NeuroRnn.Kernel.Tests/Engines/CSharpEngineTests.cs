using System.Diagnostics;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Engines;

public sealed class CSharpEngineTests(InterpreterFixture fixture) : IClassFixture<InterpreterFixture>
{
    [Fact]
    public async Task StateCarriesAcrossCells()
    {
        await fixture.RunAsync("var counterA = 40;");
        Assert.Equal("42", await fixture.ResultTextAsync("counterA + 2"));
    }

    [Fact]
    public async Task TopLevelAwaitWorks()
    {
        Assert.Equal("7", await fixture.ResultTextAsync("await Task.Delay(10); await Task.FromResult(7)"));
    }

    [Fact]
    public async Task LinqAndCollectionsAreImported()
    {
        Assert.Equal("30", await fixture.ResultTextAsync("new List<int> { 1, 2, 3, 4 }.Where(x => x % 2 == 0).Select(x => x * 5).Sum()"));
    }

    [Fact]
    public async Task CompileErrorIsReportedWithCellPositionAndNextCellWorks()
    {
        var (outcome, _) = await fixture.RunAsync("var fine = 1;\nvar broken = undefinedName + 1;");
        var error = Assert.IsType<ExecutionOutcome.Error>(outcome);
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains("(2,14): error CS0103", error.Traceback[0]);
        Assert.Contains("undefinedName", error.Value);
        Assert.Equal("3", await fixture.ResultTextAsync("1 + 2"));
    }

    [Fact]
    public async Task RuntimeErrorHasReadableTracebackAndNextCellWorks()
    {
        var (outcome, _) = await fixture.RunAsync("int Divide(int a, int b) => a / b;\nvar before = 5;\nDivide(1, 0)");
        var error = Assert.IsType<ExecutionOutcome.Error>(outcome);
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.StartsWith("System.DivideByZeroException: ", error.Traceback[0]);
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis") || line.Contains("Submission#"));
        Assert.Contains(error.Traceback, line => line.Contains("Divide("));
        Assert.Equal("5", await fixture.ResultTextAsync("before"));
    }

    [Fact]
    public async Task LastExpressionIsFormattedAndStatementsHaveNoResult()
    {
        var (outcome, _) = await fixture.RunAsync("var people = new[] { new { Name = \"Ada\", Age = 36 }, new { Name = \"Alan\", Age = 41 } };\npeople");
        var success = Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.NotNull(success.Result);
        Assert.Contains("<td>Ada</td>", success.Result!.Data["text/html"]);
        Assert.Contains("Name", success.Result.Data["text/html"]);
        Assert.Contains("(2 items)", success.Result.Data["text/plain"]);
        var (statement, _) = await fixture.RunAsync("var unused = 3;");
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>(statement).Result);
    }

    [Fact]
    public async Task ConsoleOutputStreamsLiveInOrder()
    {
        var context = new RecordingContext();
        var stopwatch = Stopwatch.StartNew();
        var (outcome, _) = await fixture.RunAsync("Console.WriteLine(\"first\"); Console.Error.WriteLine(\"oops\"); await Task.Delay(400); Console.Write(\"sec\"); Console.WriteLine(\"ond\"); Console.Write(\"tail\");", context);
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Equal("first\nsecond\ntail", context.Stdout);
        Assert.Equal("oops\n", context.Stderr);
        var first = context.Events.First(e => e.Text == "first\n");
        var second = context.Events.First(e => e.Text == "second\n");
        // "first" arrived while the cell still ran, not all at the end.
        Assert.True((second.At - first.At).TotalMilliseconds >= 300, $"first at {first.At:O}, second at {second.At:O}");
        Assert.True(context.Events.IndexOf(first) < context.Events.FindIndex(e => e.Text == "oops\n"));
    }

    [Fact]
    public async Task DisplayAndUpdateUseOneDisplayId()
    {
        var (outcome, context) = await fixture.RunAsync("var handle = display(\"step 1\");\nhandle.Update(\"step 2\");\nhandle");
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>(outcome).Result);
        var displays = context.Displays.ToArray();
        Assert.Equal(2, displays.Length);
        Assert.Equal("display", displays[0].Kind);
        Assert.Equal("step 1", displays[0].Text);
        Assert.Equal("update", displays[1].Kind);
        Assert.Equal("step 2", displays[1].Text);
        Assert.NotNull(displays[0].DisplayId);
        Assert.Equal(displays[0].DisplayId, displays[1].DisplayId);

        // An update from a later cell goes to that cell's context with the same id.
        var (_, later) = await fixture.RunAsync("handle.Update(3);");
        var update = Assert.Single(later.Displays);
        Assert.Equal(displays[0].DisplayId, update.DisplayId);
        Assert.Equal("3", update.Text);
    }

    [Fact]
    public async Task ConsoleReadLineAsksTheFrontEnd()
    {
        var context = new RecordingContext(allowStdin: true);
        context.AnswerInput("Grace");
        var (outcome, _) = await fixture.RunAsync("Console.Write(\"Name: \"); var who = Console.ReadLine(); $\"hello {who}\"", context);
        Assert.Equal("hello Grace", Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/plain"]);
        Assert.Equal(["Name: "], context.Prompts);
    }

    [Fact]
    public async Task CooperativeInterruptStopsTheCellAndKeepsTheSession()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();
        var (outcome, _) = await fixture.RunAsync("var spins = 0; while (true) { cancellationToken.ThrowIfCancellationRequested(); spins++; await Task.Delay(5); }", cancellationToken: interrupt.Token);
        Assert.IsType<ExecutionOutcome.Aborted>(outcome);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), stopwatch.Elapsed.ToString());
        Assert.Equal("ok", await fixture.ResultTextAsync("\"ok\""));
    }

    [Fact]
    public async Task NonCooperativeLoopIsAbortedAndTheSessionStillWorks()
    {
        await fixture.RunAsync("var survivor = 11;");
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();
        var (outcome, _) = await fixture.RunAsync("long n = 0; while (true) { n++; if (n % 1000 == 0) Thread.SpinWait(10); }", cancellationToken: interrupt.Token);
        Assert.IsType<ExecutionOutcome.Aborted>(outcome);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(6), stopwatch.Elapsed.ToString());
        Assert.Equal("12", await fixture.ResultTextAsync("survivor + 1"));
    }

    [Fact]
    public async Task CompletionAndInspectionKnowVariables()
    {
        await fixture.RunAsync("var completionTarget = new System.Text.StringBuilder(\"abc\");");
        var completion = fixture.Interpreter.Complete("completionT", 11);
        Assert.Contains("completionTarget", completion.Matches);
        Assert.Equal(0, completion.CursorStart);
        var members = fixture.Interpreter.Complete("completionTarget.App", 20);
        Assert.Contains("Append", members.Matches);
        Assert.Equal(17, members.CursorStart);
        var inspect = fixture.Interpreter.Inspect("completionTarget", 3, 0);
        Assert.Contains("StringBuilder", inspect!.Data["text/plain"]);
        Assert.Equal("incomplete", fixture.Interpreter.IsComplete("if (true) {"));
        Assert.Equal("complete", fixture.Interpreter.IsComplete("var z = 1;"));
    }

    [Fact]
    public async Task MarkdownCellsRenderHtml()
    {
        var (outcome, _) = await fixture.RunAsync("#!markdown\n# Title\n\nSome *text*.");
        var html = Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/html"];
        Assert.Contains("<h1", html);
        Assert.Contains("<em>text</em>", html);
        var (htmlCell, _) = await fixture.RunAsync("#!html\n<div id=\"x\">raw</div>");
        Assert.Equal("<div id=\"x\">raw</div>", Assert.IsType<ExecutionOutcome.Success>(htmlCell).Result!.Data["text/html"]);
    }
}
