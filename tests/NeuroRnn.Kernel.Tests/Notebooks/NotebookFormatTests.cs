using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Kernel.Tests.Notebooks;

public sealed class NotebookFormatTests
{
    private static void AssertSameCells(Notebook expected, Notebook actual, bool compareIds)
    {
        Assert.Equal(expected.DefaultLanguage, actual.DefaultLanguage);
        Assert.Equal(expected.Cells.Count, actual.Cells.Count);
        for (var i = 0; i < expected.Cells.Count; i++)
        {
            var (e, a) = (expected.Cells[i], actual.Cells[i]);
            Assert.Equal((e.Kind, e.Language, e.Source), (a.Kind, a.Language, a.Source));
            if (compareIds) Assert.Equal(e.Id, a.Id);
        }
    }

    [Fact]
    public void DibRoundTripKeepsCellsLanguagesAndMetadata()
    {
        var original = NotebookFile.Load(SampleNotebooks.Path("mixed.dib"));
        Assert.Equal(["markdown", "csharp", "fsharp", "csharp"], original.Cells.Select(c => c.Language));
        Assert.StartsWith("#!share --from csharp rates", original.Cells[2].Source);

        var written = DibFormat.Write(original);
        var reread = DibFormat.Read(written);
        AssertSameCells(original, reread, compareIds: false);
        Assert.Equal(original.Metadata.ToJsonString(), reread.Metadata.ToJsonString());
        Assert.Equal(written, DibFormat.Write(reread));
        Assert.Equal("csharp", reread.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
    }

    [Fact]
    public void IpynbRoundTripKeepsIdsPolyglotMetadataAndOutputs()
    {
        var original = NotebookFile.Load(SampleNotebooks.Path("mixed.ipynb"));
        Assert.Equal(["markdown", "csharp", "fsharp", "csharp"], original.Cells.Select(c => c.Language));
        var withOutputs = original with
        {
            Cells = original.Cells.Select((c, i) => i != 1 ? c : c with
            {
                ExecutionCount = 1,
                Outputs =
                [
                    new CellOutput.Stream("stdout", "line 1\nline 2\n"),
                    new CellOutput.DisplayData(new MimeBundle(new Dictionary<string, string> { ["text/plain"] = "fig", ["application/vnd.plotly.v1+json"] = "{\"data\":[{\"y\":[1,2]}]}" })),
                    new CellOutput.ExecuteResult(1, new MimeBundle(new Dictionary<string, string> { ["text/plain"] = "7.5", ["text/html"] = "<b>7.5</b>" })),
                    new CellOutput.Error("Boom", "it failed", ["line a", "line b"]),
                ],
            }).ToArray(),
        };

        var json = IpynbFormat.Write(withOutputs);
        var root = JsonNode.Parse(json)!;
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("fsharp", root["cells"]![2]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        // JSON MIME types are embedded as JSON, not as strings.
        Assert.Equal(2, root["cells"]![1]!["outputs"]![1]!["data"]!["application/vnd.plotly.v1+json"]!["data"]![0]!["y"]![1]!.GetValue<int>());

        var reread = IpynbFormat.Read(json);
        AssertSameCells(withOutputs, reread, compareIds: true);
        Assert.Equal(json, IpynbFormat.Write(reread));
        var outputs = reread.Cells[1].Outputs;
        Assert.Equal("line 1\nline 2\n", Assert.IsType<CellOutput.Stream>(outputs[0]).Text);
        Assert.Equal("7.5", Assert.IsType<CellOutput.ExecuteResult>(outputs[2]).Bundle.Data["text/plain"]);
        Assert.Equal(["line a", "line b"], Assert.IsType<CellOutput.Error>(outputs[3]).Traceback);
        Assert.Equal(1, reread.Cells[1].ExecutionCount);
    }

    [Fact]
    public void LanguagesComeFromKernelspecOrFirstLineWhenPolyglotMetadataIsMissing()
    {
        const string json = """
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {"kernelspec": {"name": "neurornn-fsharp", "language": "F#", "display_name": "F#"}},
             "cells": [
               {"cell_type": "code", "metadata": {}, "source": "let x = 1", "outputs": [], "execution_count": null},
               {"cell_type": "code", "metadata": {}, "source": ["#!csharp\n", "var y = 2;"], "outputs": [], "execution_count": 3}
             ]}
            """;
        var notebook = IpynbFormat.Read(json);
        Assert.Equal("fsharp", notebook.DefaultLanguage);
        Assert.Equal(["fsharp", "csharp"], notebook.Cells.Select(c => c.Language));
        Assert.All(notebook.Cells, c => Assert.Matches("^[0-9a-f]{8}$", c.Id));

        var dib = DibFormat.Write(notebook);
        Assert.Contains("#!csharp\n\nvar y = 2;", dib);
        Assert.DoesNotContain("#!csharp\n\n#!csharp", dib);
    }

    [Fact]
    public void InvalidNotebooksFailWithClearMessages()
    {
        Assert.Contains("nbformat 4", Assert.Throws<FormatException>(() => IpynbFormat.Read("{\"nbformat\": 3, \"cells\": []}")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<FormatException>(() => IpynbFormat.Read("{oops")).Message);
        Assert.Contains("#!meta", Assert.Throws<FormatException>(() => DibFormat.Read("#!meta\n\n[1,2\n\n#!csharp\n1")).Message);
        Assert.Throws<ArgumentException>(() => NotebookFile.Save(Notebook.Empty(), "x.txt"));
        Assert.Throws<FileNotFoundException>(() => NotebookFile.Load("/nonexistent/n.ipynb"));
    }
}
