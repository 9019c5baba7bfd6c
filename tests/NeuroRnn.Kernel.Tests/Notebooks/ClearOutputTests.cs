using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Kernel.Tests.Notebooks;

/// <summary>clearOutput() in a headless run: the notebook keeps only what came after it (with wait: after the next output).</summary>
public sealed class ClearOutputTests
{
    [Fact]
    public async Task ClearOutput_DropsTheCellsEarlierOutputs_AndTheirDisplayIds()
    {
        using var interpreter = new PolyglotInterpreter("csharp");
        var collector = new CellOutputCollector();
        collector.BeginCell(1);
        var outcome = await interpreter.ExecuteAsync("Console.WriteLine(\"gone\"); var d = display(1); clearOutput(); Console.WriteLine(\"kept\");", collector, CancellationToken.None);
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        Assert.Equal("kept\n", Assert.IsType<CellOutput.Stream>(Assert.Single(collector.OutputsOf(0))).Text);

        // The cleared display cannot be updated back into existence.
        collector.BeginCell(2);
        await interpreter.ExecuteAsync("d.Update(2);", collector, CancellationToken.None);
        Assert.Empty(collector.OutputsOf(1));
        Assert.Equal("kept\n", Assert.IsType<CellOutput.Stream>(Assert.Single(collector.OutputsOf(0))).Text);
    }

    [Fact]
    public void ClearOutputWithWait_ClearsWhenTheNextOutputArrives()
    {
        var collector = new CellOutputCollector();
        collector.BeginCell(1);
        collector.WriteStream("stdout", "frame 1\n");
        collector.ClearOutput(wait: true);
        Assert.Single(collector.OutputsOf(0));
        collector.PublishDisplay(MimeBundle.PlainText("frame 2"), null, isUpdate: false);
        Assert.Equal("frame 2", Assert.IsType<CellOutput.DisplayData>(Assert.Single(collector.OutputsOf(0))).Bundle.Data["text/plain"]);
    }
}
