using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Kernel.Tests.Notebooks;

public sealed class NotebookRunnerTests
{
    [Theory]
    [InlineData("mixed.ipynb")]
    [InlineData("mixed.dib")]
    public async Task MixedNotebookRunsUnchangedWithOutputs(string name)
    {
        var notebook = NotebookFile.Load(SampleNotebooks.Path(name));
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.True(result.Succeeded, result.FailureMessage);
        var cells = result.Executed.Cells;
        Assert.Equal([null, 1, 2, 3], cells.Select(c => c.ExecutionCount));

        Assert.Equal("5 rates\n", Assert.IsType<CellOutput.Stream>(cells[1].Outputs[0]).Text);
        Assert.Equal("7.5", Assert.IsType<CellOutput.ExecuteResult>(cells[1].Outputs[1]).Bundle.Data["text/plain"]);
        Assert.Equal("max 5\n", Assert.IsType<CellOutput.Stream>(cells[2].Outputs[0]).Text);
        Assert.Equal("15", Assert.IsType<CellOutput.ExecuteResult>(cells[2].Outputs[1]).Bundle.Data["text/plain"]);
        // The display was updated in place: one display_data with the final value.
        var display = Assert.IsType<CellOutput.DisplayData>(cells[3].Outputs[0]);
        Assert.Equal("done: 5 values", display.Bundle.Data["text/plain"]);
        Assert.Contains("<th>Index</th><th>Value</th>", Assert.IsType<CellOutput.ExecuteResult>(cells[3].Outputs[1]).Bundle.Data["text/html"]);

        var html = NotebookHtmlExporter.ToHtml(result.Executed, name);
        Assert.Contains("<h1", html);
        Assert.Contains("Mixed C# and F#", html);
        Assert.True(html.IndexOf("5 rates", StringComparison.Ordinal) < html.IndexOf("max 5", StringComparison.Ordinal));
        Assert.Contains("<th>Index</th>", html);
    }

    [Fact]
    public async Task MagicsSampleRuns()
    {
        var result = await NotebookRunner.RunAsync(NotebookFile.Load(SampleNotebooks.Path("magics.dib")));
        Assert.True(result.Succeeded, result.FailureMessage);
        var last = result.Executed.Cells[^1];
        Assert.Equal("HELLO, NOTEBOOK!\n", Assert.IsType<CellOutput.Stream>(Assert.Single(last.Outputs)).Text);
        Assert.StartsWith("Wall time: ", result.Executed.Cells[2].Outputs.OfType<CellOutput.Stream>().Single().Text);
    }

    [Fact]
    public async Task RunnerStopsAtTheFirstFailingCellAndNamesIt()
    {
        var notebook = new Notebook(
        [
            NotebookCell.Code("csharp", "var a = 1;"),
            NotebookCell.Code("csharp", "// second cell\nthrow new InvalidOperationException(\"bad input\");"),
            NotebookCell.Code("csharp", "a + 1"),
        ], "csharp", new System.Text.Json.Nodes.JsonObject());
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedCellIndex);
        Assert.Equal("cell 2 (// second cell) failed: InvalidOperationException: bad input", result.FailureMessage);
        Assert.IsType<CellOutput.Error>(Assert.Single(result.Executed.Cells[1].Outputs));
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task ParametersAreTypedVariablesAndTimeoutFailsTheCell()
    {
        var options = new NotebookRunOptions
        {
            Parameters = new[] { "count=3", "scale=0.5", "verbose=true", "label=abc" }.Select(NotebookRunOptions.ParseParameter).ToDictionary(p => p.Key, p => p.Value),
            CellTimeout = TimeSpan.FromSeconds(2),
        };
        var notebook = new Notebook(
        [
            NotebookCell.Code("csharp", "$\"{count * 2} {scale * 4} {!verbose} {label.ToUpper()}\""),
            NotebookCell.Code("csharp", "var handle = display(\"first\");"),
            NotebookCell.Code("csharp", "handle.Update(\"changed later\");"),
            NotebookCell.Code("csharp", "while (true) { }"),
        ], "csharp", new System.Text.Json.Nodes.JsonObject());
        var result = await NotebookRunner.RunAsync(notebook, options);
        Assert.Equal("6 2 False ABC", Assert.IsType<CellOutput.ExecuteResult>(result.Executed.Cells[0].Outputs[0]).Bundle.Data["text/plain"]);
        Assert.Equal("changed later", Assert.IsType<CellOutput.DisplayData>(result.Executed.Cells[1].Outputs[0]).Bundle.Data["text/plain"]);
        Assert.Equal(3, result.FailedCellIndex);
        Assert.Contains("timed out after 2 s", result.FailureMessage);
        Assert.Throws<ArgumentException>(() => NotebookRunOptions.ParseParameter("no-equals"));
        Assert.Throws<ArgumentException>(() => NotebookRunOptions.ParseParameter("1x=2"));
    }
}
