using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Kernel.Tests.Notebooks;

/// <summary>Notebooks saved by older .NET Interactive versions carry outputs nbformat does not know; they still load.</summary>
public sealed class OldOutputTypesTests
{
    private const string WithUnknownOutputs = """
        {
          "cells": [
            {"cell_type": "code", "execution_count": 1, "metadata": {"dotnet_interactive": {"language": "csharp"}},
             "outputs": [
               {"output_type": "unknown", "data": {"text/plain": "old"}},
               {"output_type": "stream", "name": "stdout", "text": ["kept\n"]},
               {"data": {"text/plain": "no type at all"}}
             ],
             "source": ["Console.WriteLine(\"kept\");"]}
          ],
          "metadata": {"kernelspec": {"name": ".net-csharp", "language": "C#", "display_name": ".NET (C#)"}},
          "nbformat": 4, "nbformat_minor": 4
        }
        """;

    [Fact]
    public void UnknownOutputTypes_AreDroppedWithANoteNamingCellAndOutput_TheRestLoads()
    {
        var notebook = IpynbFormat.Read(WithUnknownOutputs);
        var cell = Assert.Single(notebook.Cells);
        Assert.Equal("kept\n", Assert.IsType<CellOutput.Stream>(Assert.Single(cell.Outputs)).Text);
        Assert.Equal(
            [
                "cell 1, output 1: output_type \"unknown\" is not an nbformat 4 output type; the output was dropped",
                "cell 1, output 3: output_type \"(missing)\" is not an nbformat 4 output type; the output was dropped",
            ],
            notebook.LoadNotes);
    }

    [Fact]
    public async Task SuchANotebook_Runs()
    {
        var result = await NotebookRunner.RunAsync(IpynbFormat.Read(WithUnknownOutputs));
        Assert.Equal("kept\n", Assert.IsType<CellOutput.Stream>(Assert.Single(result.Executed.Cells[0].Outputs)).Text);
    }
}
