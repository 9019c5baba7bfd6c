using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Tests.Engines;

namespace NeuroRnn.Kernel.Tests.Compatibility;

/// <summary>The .NET Interactive API that published notebooks call, in C# cells (F#: <see cref="FSharpInteractiveApiTests"/>).</summary>
public sealed class InteractiveApiTests(InterpreterFixture fixture) : IClassFixture<InterpreterFixture>
{
    private static MimeBundle Result(ExecutionOutcome outcome) =>
        outcome is ExecutionOutcome.Success { Result: { } result } ? result
        : throw new Xunit.Sdk.XunitException($"unexpected outcome {outcome}: {(outcome as ExecutionOutcome.Error)?.Value}");

    [Fact]
    public async Task DisplayExtensionUpdatesItsOwnOutputAndDisplayTakesMimeTypes()
    {
        var (outcome, context) = await fixture.RunAsync("""
            record Reading(string Unit, double Value);
            var handle = new Reading("mV", -65).Display();
            handle.Update(new Reading("mV", -40));
            display(new Reading("Hz", 12.5), "text/html");
            "<b>bold</b>".DisplayAs("text/html");
            """);
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var events = context.Displays.ToArray();
        Assert.Equal(["display", "update", "display", "display"], events.Select(e => e.Kind));
        Assert.Equal(events[0].DisplayId, events[1].DisplayId);
        Assert.Contains("-40", events[1].Text);
        // An explicit MIME type without a registered formatter falls back to .NET Interactive's own HTML view.
        Assert.Contains("12.5", events[2].Bundle!.Data["text/html"]);
        Assert.Equal("<b>bold</b>", events[3].Bundle!.Data["text/html"]);
    }

    [Fact]
    public async Task FormatterRegistrationsAndPreferencesFromACell()
    {
        await fixture.RunAsync("""
            record Spike(double TimeMs);
            Formatter.Register<Spike>((spike, writer) => writer.Write($"<i>spike at {spike.TimeMs} ms</i>"), "text/html");
            Formatter.Register<Spike>(spike => $"spike@{spike.TimeMs}", "text/plain");
            """);
        var both = Result((await fixture.RunAsync("new Spike(12)")).Outcome);
        Assert.Equal("<i>spike at 12 ms</i>", both.Data["text/html"]);
        Assert.Equal("spike@12", both.Data["text/plain"]);
        var plainOnly = Result((await fixture.RunAsync("Formatter.SetPreferredMimeTypesFor(typeof(Spike), \"text/plain\");\nnew Spike(3)")).Outcome);
        Assert.Equal(["text/plain"], plainOnly.Data.Keys);
    }

    [Fact]
    public async Task PocketViewTagsWorkWithAndWithoutTheUsingAndDiscardsStillCompile()
    {
        var implicitTags = Result((await fixture.RunAsync("_ = 1;\nint.TryParse(\"4\", out _);\ntable(tr(td[style: \"color:red\"](\"a<b\"), td(b(\"bold\"))))")).Outcome);
        Assert.Equal("<table><tr><td style=\"color:red\">a&lt;b</td><td><b>bold</b></td></tr></table>", implicitTags.Data["text/html"]);
        var explicitUsing = Result((await fixture.RunAsync("using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;\n_ = 2;\ndiv[@class: \"note\"](i(\"x\"))")).Outcome);
        Assert.Equal("<div class=\"note\"><i>x</i></div>", explicitUsing.Data["text/html"]);
    }

    [Fact]
    public async Task HtmlJavascriptCssLatexAndMath()
    {
        Assert.Equal("<em>hi</em>", Result((await fixture.RunAsync("HTML(\"<em>hi</em>\")")).Outcome).Data["text/html"]);
        var (_, script) = await fixture.RunAsync("Javascript(\"document.title = 'x' + '</script>';\");\nCSS(\"h1 { color: teal }\");");
        var displays = script.Displays.ToArray();
        Assert.Equal("document.title = 'x' + '</script>';", displays[0].Bundle!.Data["application/javascript"]);
        Assert.Equal("<script type=\"text/javascript\">\ndocument.title = 'x' + '<\\/script>';\n</script>", displays[0].Bundle!.Data["text/html"]);
        Assert.Equal("<style>\nh1 { color: teal }\n</style>", displays[1].Bundle!.Data["text/html"]);
        Assert.Equal(@"\tau \dot{x}", Result((await fixture.RunAsync("new LaTeXString(@\"\\tau \\dot{x}\")")).Outcome).Data["text/latex"]);
        Assert.Equal("$$e^{-t/\\tau}$$", Result((await fixture.RunAsync("(MathString)@\"e^{-t/\\tau}\"")).Outcome).Data["text/latex"]);
    }

    [Fact]
    public async Task KernelRootAndInvocationContext()
    {
        var (outcome, context) = await fixture.RunAsync("""
            using Microsoft.DotNet.Interactive;
            KernelInvocationContext.Current.Display("from the context");
            var names = string.Join(",", ((CompositeKernel)Kernel.Root).ChildKernels.Select(k => k.Name));
            $"{names}|{Kernel.Current.Name}|{Kernel.Root.FindKernelByName("f#")?.Name}|{KernelInvocationContext.Current.HandlingKernel.Name}"
            """);
        Assert.Equal("csharp,fsharp,markdown,html,javascript,mermaid,value|csharp|fsharp|csharp", Result(outcome).Data["text/plain"]);
        Assert.Equal("from the context", Assert.Single(context.Displays).Text);
    }
}

/// <summary>The .NET Interactive API in F# cells: display functions, the Html DSL, formatter registration.</summary>
public sealed class FSharpInteractiveApiTests(FSharpInterpreterFixture fixture) : IClassFixture<FSharpInterpreterFixture>
{
    [Fact]
    public async Task DisplayFunctionsPipelinesAndUpdates()
    {
        var (outcome, context) = await fixture.RunAsync("""
            display 1 |> ignore
            2 |> display |> ignore
            let handle = (3.5).Display()
            handle.Update(4.5)
            display (HTML "<u>u</u>") |> ignore
            Javascript "console.log(1)"
            """);
        Assert.IsType<ExecutionOutcome.Success>(outcome);
        var events = context.Displays.ToArray();
        Assert.Equal(["display", "display", "display", "update", "display", "display"], events.Select(e => e.Kind));
        Assert.Equal(["1", "2", "3.5", "4.5"], events.Take(4).Select(e => e.Text));
        Assert.Equal(events[2].DisplayId, events[3].DisplayId);
        Assert.Equal("<u>u</u>", events[4].Bundle!.Data["text/html"]);
        Assert.Equal("console.log(1)", events[5].Bundle!.Data["application/javascript"]);
    }

    [Fact]
    public async Task HtmlDslBuildsNestedElementsWithAttributes()
    {
        var (outcome, _) = await fixture.RunAsync("""
            open Microsoft.DotNet.Interactive.FSharp.FSharpKernelHelpers.Html
            let rows : obj list = [ for rate in [ 5.0; 12.5 ] -> tr [] [ td [ _class "rate"; _data "unit" "Hz" ] [ str (string rate) ] ] ]
            div [ _id "summary"; _hidden false ] [ b [] [ str "rates <Hz>" ]; table [] rows; rawText "<hr/>"; 42 ]
            """);
        var html = Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/html"];
        Assert.StartsWith("<div id=\"summary\"><b>rates &lt;Hz&gt;</b><table><tr><td class=\"rate\" data-unit=\"Hz\">5</td></tr><tr><td class=\"rate\" data-unit=\"Hz\">12.5</td></tr></table><hr/>", html);
        Assert.Contains("42", html);
        Assert.DoesNotContain("hidden", html);
    }

    [Fact]
    public async Task FormatterRegistrationFromFSharp()
    {
        var (outcome, _) = await fixture.RunAsync("""
            type Neuron = { Id: int; Rate: float }
            Formatter.Register<Neuron>((fun (n: Neuron) (w: System.IO.TextWriter) -> w.Write(sprintf "<b>unit %d</b>: %.1f Hz" n.Id n.Rate)), "text/html")
            { Id = 3; Rate = 7.25 }
            """);
        var result = Assert.IsType<ExecutionOutcome.Success>(outcome).Result!;
        Assert.Equal("<b>unit 3</b>: 7.2 Hz", result.Data["text/html"]);
    }
}
