using System.Text.Json.Nodes;
using static NeuroRnn.Kernel.Tests.Corpus.ExecutedNotebook;

namespace NeuroRnn.Kernel.Tests.Corpus;

[CollectionDefinition("Polyglot corpus", DisableParallelization = true)]
public sealed class PolyglotCorpusCollection : ICollectionFixture<CorpusRunner>;

/// <summary>
/// The Polyglot-style corpus (tests/corpus/polyglot) run headless by <c>neurornn run</c> and by Debian's nbclient
/// against the installed kernel; each run's outputs are checked, not just that it ran.
/// </summary>
[Collection("Polyglot corpus")]
public sealed class PolyglotCorpusTests(CorpusRunner corpus)
{
    public static TheoryData<string> Runners => new() { "neurornn", "nbclient" };

    private JsonObject RunClean(string runner, string notebook)
    {
        var (code, error, executed) = runner == "neurornn" ? corpus.RunWithNeuroRnn(notebook) : corpus.RunWithNbclient(notebook);
        Assert.True(code == 0, $"{runner} {notebook} exited with {code}:\n{error}");
        return executed;
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void CSharpDisplayAndFormatting(string runner)
    {
        var notebook = RunClean(runner, "csharp-display-and-formatting.ipynb");
        Assert.Equal("Hello, students from NeuroRnnCorpusTools", Result(OutputsOf(notebook, "#r \"nuget: NeuroRnnCorpusTools, 1.0.0\"")));

        var trial = OutputsOf(notebook, "record Trial(");
        Assert.StartsWith("<b>trial 1</b>: 45&deg; &rarr; 12.4 Hz", Result(trial, "text/html"));
        Assert.Equal("trial 1: 12.4 Hz", Result(trial));

        var sessions = OutputsOf(notebook, "record Session(");
        Assert.Equal(["<i>M12</i>: 240 trials"], Data(sessions, "text/html"));
        Assert.Contains("M13", Data(sessions, "text/plain")[1]);

        // Updates replace their output: two outputs, showing the last state.
        var progress = OutputsOf(notebook, "var progress = display(");
        Assert.Equal(["epoch 3 of 3", "trial 2: 4.5 Hz"], Data(progress, "text/plain"));
        Assert.Equal("<b>trial 2</b>: 90&deg; &rarr; 4.5 Hz", Data(progress, "text/html").Single());

        var restricted = OutputsOf(notebook, "display(new Trial(3, 135, 8), \"text/plain\")");
        Assert.Equal(["trial 3: 8.0 Hz", "<span style='color:teal'>preferred orientation: 45&deg;</span>"], Data(restricted, "text/plain"));
        Assert.Single(Data(restricted, "text/html"));

        var table = Result(OutputsOf(notebook, "using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;"), "text/html");
        Assert.StartsWith("<table><thead><tr><th>orientation</th><th>rate (Hz)</th></tr></thead><tbody><tr><td>", table);
        Assert.Contains("<td style=\"text-align:right\">", table);
        Assert.Contains("12.25", table);

        Assert.Equal("<p class='note'>Rates are trial averages over the <em>whole</em> stimulus window.</p>", Result(OutputsOf(notebook, "HTML(\"<p class='note'>"), "text/html"));
        Assert.Equal(["console.log('tuning table rendered');"], Data(OutputsOf(notebook, "Javascript(\"console.log"), "application/javascript"));
        Assert.Equal(@"\tau \frac{dx}{dt} = -x + W f(x) + b", Result(OutputsOf(notebook, "new LaTeXString("), "text/latex"));
        Assert.Equal([@"$$r(\theta) = r_0 + r_1 \cos 2(\theta - \theta_0)$$"], Data(OutputsOf(notebook, "new MathString("), "text/latex"));

        var api = OutputsOf(notebook, "KernelInvocationContext.Current.Display(");
        Assert.Equal("shown through the invocation context", Data(api, "text/plain")[0]);
        Assert.Equal("csharp cell; the F# kernel is called fsharp", Result(api));

        var preferred = OutputsOf(notebook, "Formatter.SetPreferredMimeTypesFor(typeof(Trial)");
        Assert.Equal("trial 4: 2.5 Hz", Result(preferred));
        Assert.Empty(Data(preferred, "text/html"));

        Assert.Equal("12", Result(OutputsOf(notebook, "One cell, two languages")));
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void FSharpHtmlDsl(string runner)
    {
        var notebook = RunClean(runner, "fsharp-html-dsl.ipynb");
        var package = OutputsOf(notebook, "#r \"nuget: NeuroRnnCorpusTools, 1.0.0\"");
        Assert.Equal("Hello, F# students from NeuroRnnCorpusTools", Result(package));
        Assert.Contains("Installed package NeuroRnnCorpusTools version 1.0.0", Streams(package));

        var html = Result(OutputsOf(notebook, "open Html"), "text/html");
        Assert.StartsWith("<div class=\"tuning\"><h3>Tuning of unit 7</h3><table><thead><tr><th>orientation</th><th>rate (Hz)</th></tr></thead><tbody><tr><td>0&#xB0;</td><td style=\"text-align:right\">2.50</td></tr>", html);
        // PocketView encodes non-ASCII text as character references (° is &#xB0;), as in .NET Interactive.
        Assert.Contains("<td>45&#xB0;</td><td style=\"text-align:right\">12.25</td>", html);

        Assert.Equal(["(45, 12.25)", "preferred orientation 45°", "fit done"], Data(OutputsOf(notebook, "let peak = rates"), "text/plain"));
        Assert.Equal("<b>unit 7</b> prefers 45&deg;", Result(OutputsOf(notebook, "type Unit = "), "text/html"));
        Assert.Contains("<code>OSI = (r_pref - r_orth) / (r_pref + r_orth)</code>", Result(OutputsOf(notebook, "HTML \"<p>Orientation selectivity"), "text/html"));
        Assert.Equal(@"\mathrm{OSI} = \frac{r_{pref} - r_{orth}}{r_{pref} + r_{orth}}", Result(OutputsOf(notebook, "LaTeXString @"), "text/latex"));
        Assert.Equal("60 recorded units", Result(OutputsOf(notebook, "var unitCount = 60;")));
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void MixedValuesAndDiagrams(string runner)
    {
        var notebook = RunClean(runner, "mixed-values-diagrams.dib");
        // The mermaid library travels once, with the first diagram.
        var first = OutputsOf(notebook, "grating[Oriented grating]");
        var second = OutputsOf(notebook, "Stimulus->>Retina: light");
        Assert.True(Data(first, "text/html").Single().Length > 1_000_000, "the first diagram does not carry the mermaid library");
        Assert.True(Data(second, "text/html").Single().Length < 10_000, "the second diagram carries the library again");
        Assert.Contains("mermaid.render", Data(second, "text/html").Single());
        Assert.StartsWith("sequenceDiagram", Data(second, "text/plain").Single());

        Assert.Equal("4", Result(OutputsOf(notebook, "var orientations = new[]")));
        Assert.Equal("45", Result(OutputsOf(notebook, "let preferred = ")));
        Assert.Equal("Gratings at 4 orientations, 2 s each, 20 repeats.", Result(OutputsOf(notebook, "protocol.Split('\\n')[0]")));
        Assert.Equal("[2.5,12.25,4,1.75]", Result(OutputsOf(notebook, "#!set --name asJson")));
        Assert.Equal("2.5, 12.25, 4, 1.75, 7.5", Result(OutputsOf(notebook, "Only the --byref copy")));
        Assert.Contains("id=\"protocol-note\"", Result(OutputsOf(notebook, "Rates are averages over"), "text/html"));
        Assert.Equal(["document.title = \"mixed kernels\";"], Data(OutputsOf(notebook, "document.title ="), "application/javascript"));

        var project = OutputsOf(notebook, "#r \"support/SpikeTools/SpikeTools.csproj\"");
        Assert.Equal("0.278", Result(project));
        Assert.Contains("Built SpikeTools.csproj", Streams(project));
        Assert.Equal("0.17", Result(OutputsOf(notebook, "Array.pairwise")));

        var magics = Data(OutputsOf(notebook, "#!lsmagic"), "text/plain").Single();
        foreach (var name in new[] { "#!set", "#!share", "#!value", "#!mermaid", "#!javascript", "#i \"nuget: source\"", "#r \"path.csproj\"" }) Assert.Contains(name, magics);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void NotebookSavedByAnOlderDotNetInteractive(string runner)
    {
        var (code, error, notebook) = runner == "neurornn" ? corpus.RunWithNeuroRnn("saved-by-older-dotnet-interactive.ipynb") : corpus.RunWithNbclient("saved-by-older-dotnet-interactive.ipynb");
        Assert.True(code == 0, error);
        if (runner == "neurornn") Assert.Contains("output_type \"unknown\" is not an nbformat 4 output type", error);
        Assert.Equal("4", Result(OutputsOf(notebook, "baseline.Average()")));
        Assert.Equal("baseline has 3 trials\n", Streams(OutputsOf(notebook, "printfn \"baseline has")));
    }

    [Fact]
    public void BadInputThroughTheRealKernelNamesTheDirectiveAndTheKernelGoesOn()
    {
        // nbclient drives the installed kernel process and runs every cell even when one fails.
        var (code, error, notebook) = corpus.RunWithNbclient("bad-input.ipynb", allowErrors: true);
        Assert.True(code == 0, error);
        Assert.StartsWith("#i \"nuget: http://127.0.0.1:9/v3/index.json\": the feed could not be reached", Error(OutputsOf(notebook, "127.0.0.1:9")).Value);
        Assert.Contains("'ftp://feeds.example/packages' is neither an http(s) NuGet feed URL nor a local folder", Error(OutputsOf(notebook, "ftp://")).Value);
        Assert.Equal($"#!value --from-file: the file '{Path.Combine(corpus.Folder, "data", "no-such-stimulus.csv")}' does not exist.", Error(OutputsOf(notebook, "--from-file")).Value);
        Assert.Equal("#!set --value @csharp:ratesNeverDefined: csharp has no variable named 'ratesNeverDefined'.", Error(OutputsOf(notebook, "ratesNeverDefined")).Value);
        var build = Error(OutputsOf(notebook, "BrokenTool.csproj")).Value;
        Assert.StartsWith("#r \"support/BrokenTool/BrokenTool.csproj\": the build failed", build);
        Assert.Contains("error CS0103: The name 'spikeCount' does not exist", build);
        Assert.Equal("the kernel is still running", Result(OutputsOf(notebook, "the kernel is still running")));

        // neurornn run stops at the first failing cell and names it.
        var (runCode, runError, _) = corpus.RunWithNeuroRnn("bad-input.ipynb");
        Assert.NotEqual(0, runCode);
        Assert.Contains("cell 2 (#i \"nuget: http://127.0.0.1:9/v3/index.json\") failed", runError);
    }
}
