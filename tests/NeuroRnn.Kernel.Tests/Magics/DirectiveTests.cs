using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>Polyglot directives: value cells and sharing, #i sources, F# packages through the kernel's restorer, #r of projects, content cells.</summary>
public sealed class DirectiveTests(MagicFixture fixture) : IClassFixture<MagicFixture>
{
    private static string Plain(ExecutionOutcome outcome) =>
        outcome is ExecutionOutcome.Success { Result: { } r } ? r.Data["text/plain"]
        : throw new Xunit.Sdk.XunitException($"unexpected outcome {outcome}: {(outcome as ExecutionOutcome.Error)?.Value}");

    private static string ErrorText(ExecutionOutcome outcome) => Assert.IsType<ExecutionOutcome.Error>(outcome).Value;

    [Fact]
    public async Task ValueCellsAreSharedIntoCSharpAndFSharp()
    {
        var csv = Path.Combine(fixture.Root, "rates.csv");
        await File.WriteAllTextAsync(csv, "unit,rate\n1,4.5\n");
        var (stored, storedContext) = await fixture.RunAsync("#!value --name notes\nPrincipal components of the population response");
        Assert.Null(Assert.IsType<ExecutionOutcome.Success>(stored).Result);
        Assert.Empty(storedContext.Displays);
        Assert.Equal("PRINCIPAL COMPONENTS OF THE POPULATION RESPONSE", Plain((await fixture.RunAsync("#!share --from value notes\nnotes.ToUpperInvariant()")).Outcome));

        var (fromFile, fileContext) = await fixture.RunAsync($"#!value --name table --from-file \"{csv}\" --mime-type text/csv");
        Assert.IsType<ExecutionOutcome.Success>(fromFile);
        Assert.Equal("unit,rate\n1,4.5\n", Assert.Single(fileContext.Displays).Bundle!.Data["text/csv"]);
        Assert.Equal("2", Plain((await fixture.RunAsync("#!fsharp\n#!set --name lines --value @value:table\nlines.Trim().Split('\\n').Length")).Outcome));
    }

    [Fact]
    public async Task SetCopiesThroughJsonUnlessByRefAndFormatsWithMimeType()
    {
        await fixture.RunAsync("var probe = new List<int> { 1 };");
        var (set, _) = await fixture.RunAsync("#!fsharp\n#!set --name copied --value @csharp:probe\n#!set --name shared --value @csharp:probe --byref\ncopied.Add 2\nshared.Add 3");
        Assert.IsType<ExecutionOutcome.Success>(set);
        Assert.Equal("1,3", Plain((await fixture.RunAsync("string.Join(\",\", probe)")).Outcome));
        Assert.Equal("[1,3]", Plain((await fixture.RunAsync("#!fsharp\n#!set --name json --value @csharp:probe --mime-type application/json\njson")).Outcome));
        Assert.Equal("hello there", Plain((await fixture.RunAsync("#!set --name greeting --value \"hello there\"\ngreeting")).Outcome));
    }

    [Fact]
    public async Task SetAsksTheUserForInputAndPasswords()
    {
        var context = new NeuroRnn.Kernel.Tests.Engines.RecordingContext(allowStdin: true);
        context.AnswerInput("M12");
        context.AnswerInput("s3cret");
        var outcome = await fixture.Interpreter.ExecuteAsync(
            "#!set --name animal --value \"@input:Which animal?\"\n#!set --name token --value @password:Token\n$\"{animal} {token} {token.GetClearTextPassword().Length}\"",
            context, CancellationToken.None);
        Assert.Equal("M12 ************ 6", Plain(outcome));
        Assert.Equal(["Which animal?", "Token"], context.Prompts);
    }

    [Fact]
    public async Task BadValueDirectivesNameTheDirectiveAndTheCauseAndTheSessionGoesOn()
    {
        var missing = Path.Combine(fixture.Root, "no-such-file.txt");
        Assert.Equal($"#!value --from-file: the file '{missing}' does not exist.", ErrorText((await fixture.RunAsync($"#!value --name x --from-file {missing}")).Outcome));
        Assert.Contains("#!value: option --name is required", ErrorText((await fixture.RunAsync("#!value\ntext")).Outcome));
        Assert.Equal("#!set --value @csharp:neverDefined: csharp has no variable named 'neverDefined'.",
            ErrorText((await fixture.RunAsync("#!fsharp\n#!set --name y --value @csharp:neverDefined")).Outcome));
        Assert.Contains("#!share: the value kernel has no value named 'nothing'", ErrorText((await fixture.RunAsync("#!share --from value nothing")).Outcome));
        Assert.Contains("#!set: option --value is required", ErrorText((await fixture.RunAsync("#!set --name z")).Outcome));
        Assert.Equal("4", Plain((await fixture.RunAsync("2 + 2")).Outcome));
    }

    [Fact]
    public async Task PackageSourcesAreCheckedWhenAdded()
    {
        // Its own session: the source added at the end stays in the session, and its feed stops with this test.
        using var session = new MagicFixture();
        var feedFolder = Path.Combine(session.Root, "empty-feed");
        Directory.CreateDirectory(feedFolder);
        using var feed = new LoopbackNuGetFeed(feedFolder);
        Assert.Contains("neither an http(s) NuGet feed URL nor a local folder", ErrorText((await session.RunAsync("#i \"nuget: ftp://example.invalid/feed\"")).Outcome));
        Assert.StartsWith("#i \"nuget: http://127.0.0.1:9/v3/index.json\": the feed could not be reached", ErrorText((await session.RunAsync("#i \"nuget: http://127.0.0.1:9/v3/index.json\"")).Outcome));
        Assert.Contains("is not a NuGet v3 service index", ErrorText((await session.RunAsync($"#i \"nuget: {feed.NotAFeed}\"")).Outcome));
        Assert.Contains("does not exist", ErrorText((await session.RunAsync("#i \"nuget: ./no/such/folder\"")).Outcome));
        Assert.Contains("expected #i \"nuget: <source>\"", ErrorText((await session.RunAsync("#i \"/just/a/path\"")).Outcome));
        var (added, context) = await session.RunAsync($"// sources first\n#i \"nuget: {feed.ServiceIndex}\"\n1");
        Assert.Equal("1", Plain(added));
        Assert.Contains($"Added NuGet source {feed.ServiceIndex}", context.Stdout);
    }

    [Fact]
    public async Task FolderAndHttpFeedsServeCSharpAndFSharpThroughOneRestorer()
    {
        var folder = Path.Combine(fixture.Root, "feed");
        var served = Path.Combine(fixture.Root, "served");
        var version = LocalPackages.FreshVersion();
        LocalPackages.Create(folder, "NeuroRnnTestFolderPkg", version);
        LocalPackages.Create(served, "NeuroRnnTestHttpPkg", version);
        using var httpFeed = new LoopbackNuGetFeed(served);

        var (csharp, csharpContext) = await fixture.RunAsync($"#i \"nuget: {folder}\"\n#r \"nuget: NeuroRnnTestFolderPkg, {version}\"\nNeuroRnnTestFolderPkg.Greeter.Hello(\"C#\")");
        Assert.Equal("Hello, C# from NeuroRnnTestFolderPkg", Plain(csharp));
        Assert.Contains($"Installed package NeuroRnnTestFolderPkg version {version}", csharpContext.Stdout);

        // F#: the same #i/#r lines go through the kernel's restorer, not F# Interactive's package manager.
        var (fsharp, fsharpContext) = await fixture.RunAsync($"#!fsharp\n#i \"nuget: {httpFeed.ServiceIndex}\"\n#r \"nuget: NeuroRnnTestHttpPkg, {version}\"\nNeuroRnnTestHttpPkg.Greeter.Hello \"F#\"");
        Assert.Equal("Hello, F# from NeuroRnnTestHttpPkg", Plain(fsharp));
        Assert.Contains($"Installed package NeuroRnnTestHttpPkg version {version}", fsharpContext.Stdout);
        Assert.True(httpFeed.Downloads >= 1, "the package did not come from the loopback feed");

        var (unknown, _) = await fixture.RunAsync("#!fsharp\n#r \"nuget: NeuroRnn.Surely.Not.A.Package.Fs7, 1.0.0\"\n1");
        var error = ErrorText(unknown);
        Assert.StartsWith("#r \"nuget: NeuroRnn.Surely.Not.A.Package.Fs7, 1.0.0\": restore failed.", error);
        Assert.Contains("NU1101", error);
    }

    [Fact]
    public async Task ProjectReferencesAreBuiltAndBuildErrorsAreShown()
    {
        var good = WriteProject("GoodLib", "namespace GoodLib; public static class Rates { public static double Hz(int spikes, double seconds) => spikes / seconds; }");
        var (built, context) = await fixture.RunAsync($"#r \"{good}\"\nGoodLib.Rates.Hz(30, 1.5)");
        Assert.Equal("20", Plain(built));
        Assert.Contains("Built GoodLib.csproj", context.Stdout);

        var bad = WriteProject("BadLib", "namespace BadLib; public static class Broken { public static int Value => undefinedName; }");
        var error = ErrorText((await fixture.RunAsync($"#r \"{bad}\"\n1")).Outcome);
        Assert.StartsWith($"#r \"{bad}\": the build failed", error);
        Assert.Contains("error CS0103", error);
        Assert.Contains("undefinedName", error);
        Assert.Equal("3", Plain((await fixture.RunAsync("1 + 2")).Outcome));
    }

    private string WriteProject(string name, string source)
    {
        var folder = Path.Combine(fixture.Root, "projects", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, name + ".cs"), source);
        return Path.Combine(folder, name + ".csproj");
    }

    [Fact]
    public async Task ContentCellsMixedCellsAndTheMagicList()
    {
        var (first, firstContext) = await fixture.RunAsync("#!mermaid\ngraph LR\n  stimulus --> network --> choice");
        Assert.IsType<ExecutionOutcome.Success>(first);
        var firstHtml = Assert.Single(firstContext.Displays).Bundle!.Data["text/html"];
        var (_, secondContext) = await fixture.RunAsync("#!mermaid\nsequenceDiagram\n  A->>B: spike");
        var secondHtml = Assert.Single(secondContext.Displays).Bundle!.Data["text/html"];
        // The library rides along with the first diagram of the session only.
        Assert.True(firstHtml.Length > 1_000_000 || secondHtml.Length > 1_000_000, "no diagram carries the mermaid library");
        Assert.True(Math.Min(firstHtml.Length, secondHtml.Length) < 5_000, "the library was sent twice");
        Assert.Contains("mermaid.render", secondHtml);
        Assert.Equal("sequenceDiagram\n  A->>B: spike", secondContext.Displays.Single().Text);

        var (script, scriptContext) = await fixture.RunAsync("#!javascript\nconsole.log('from a cell')");
        Assert.IsType<ExecutionOutcome.Success>(script);
        Assert.Equal("console.log('from a cell')", Assert.Single(scriptContext.Displays).Bundle!.Data["application/javascript"]);
        Assert.Equal("<p>x</p>", (await fixture.RunAsync("#!html\n<p>x</p>")).Outcome is ExecutionOutcome.Success { Result: { } html } ? html.Data["text/html"] : null);

        var (mixed, mixedContext) = await fixture.RunAsync("var mixedA = 20;\n#!fsharp\nlet mixedB = 22\nmixedB");
        Assert.Equal("22", Plain(mixed));
        Assert.Empty(mixedContext.Displays);
        Assert.Equal("20", Plain((await fixture.RunAsync("mixedA")).Outcome));

        var (_, list) = await fixture.RunAsync("#!lsmagic");
        var text = Assert.Single(list.Displays).Text;
        foreach (var name in new[] { "#!set", "#!share", "#!time", "#!value", "#!mermaid", "#!javascript, #!js", "#!html", "#!markdown, #!md", "#i \"nuget: source\"", "#r \"path.csproj\"" })
        {
            Assert.Contains(name, text);
        }
    }
}
