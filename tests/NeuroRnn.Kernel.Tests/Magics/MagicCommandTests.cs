using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Tests.Magics;

public sealed class MagicCommandTests(MagicFixture fixture) : IClassFixture<MagicFixture>
{
    private static string Plain(ExecutionOutcome outcome) =>
        outcome is ExecutionOutcome.Success { Result: { } r } ? r.Data["text/plain"]
        : throw new Xunit.Sdk.XunitException($"unexpected outcome {outcome}: {(outcome as ExecutionOutcome.Error)?.Value}");

    [Fact]
    public void TokenizerHonoursQuotes()
    {
        Assert.Equal(["#!share", "--from", "fsharp", "my value", "a\"b"], MagicTokenizer.Tokenize("#!share --from fsharp \"my value\" 'a\"b'"));
        Assert.Equal(["#r", "C:\\dir with space\\x.dll"], MagicTokenizer.Tokenize("#r \"C:\\\\dir with space\\\\x.dll\""));
        Assert.Throws<MagicCommandException>(() => MagicTokenizer.Tokenize("#!x \"open"));
    }

    [Fact]
    public async Task TimeReportsWallTimeAfterTheCellOutput()
    {
        var (outcome, context) = await fixture.RunAsync("#!time\nConsole.WriteLine(\"work\"); await Task.Delay(120); 5");
        Assert.Equal("5", Plain(outcome));
        var match = System.Text.RegularExpressions.Regex.Match(context.Stdout, @"^work\nWall time: ([0-9.]+) ms\n$");
        Assert.True(match.Success, context.Stdout);
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 100, 10_000);
    }

    [Fact]
    public async Task WhoAndWhosListVariables()
    {
        await fixture.RunAsync("var whoProbe = 123;");
        var (_, who) = await fixture.RunAsync("#!who");
        Assert.Contains("whoProbe", Assert.Single(who.Displays).Text);
        var (_, whos) = await fixture.RunAsync("#!whos");
        var display = Assert.Single(whos.Displays);
        Assert.Contains("csharp\twhoProbe\tInt32\t123", display.Text);
        Assert.Contains("<td>whoProbe</td>", display.Bundle!.Data["text/html"]);
    }

    [Fact]
    public async Task LsmagicAboutAndUnknownMagic()
    {
        var (_, list) = await fixture.RunAsync("#!lsmagic");
        var text = Assert.Single(list.Displays).Text;
        foreach (var name in new[] { "#!time", "#!who", "#!whos", "#!share", "#!about", "#r \"nuget: Package, Version\"" }) Assert.Contains(name, text);

        var (_, about) = await fixture.RunAsync("#!about");
        Assert.Contains("NeuroRnn polyglot kernel", Assert.Single(about.Displays).Text);

        var (unknown, _) = await fixture.RunAsync("#!nosuchmagic --x 1\n1");
        var error = Assert.IsType<ExecutionOutcome.Error>(unknown);
        Assert.Contains("Unknown magic command #!nosuchmagic", error.Value);
        Assert.Contains("#!lsmagic", error.Value);

        var (badOption, _) = await fixture.RunAsync("#!share --form fsharp x");
        Assert.Contains("has no option --form", Assert.IsType<ExecutionOutcome.Error>(badOption).Value);
    }

    [Fact]
    public async Task MagicsCanBeRegisteredFromACell()
    {
        var (registered, _) = await fixture.RunAsync("""
            using NeuroRnn.Kernel.Magics;
            MagicCommands.Register(new MagicCommand("#!shout", "Says its argument loudly.", new[] { new MagicParameter("--times", "how often") },
                (invocation, context) => { for (var i = 0; i < int.Parse(invocation.Option("--times") ?? "1"); i++) context.WriteStream("stdout", invocation.Arguments[0].ToUpperInvariant() + "\n"); return Task.CompletedTask; }));
            """);
        Assert.IsType<ExecutionOutcome.Success>(registered);
        var (outcome, context) = await fixture.RunAsync("#!shout \"hey you\" --times 2\n1 + 1");
        Assert.Equal("2", Plain(outcome));
        Assert.Equal("HEY YOU\nHEY YOU\n", context.Stdout);
        Assert.Contains(MagicCommands.All, c => c.Name == "#!shout");
    }

    [Fact]
    public async Task AFailingMagicHandlerFailsOnlyItsCell()
    {
        MagicCommands.Register(new MagicCommand("#!explode", "Always throws.", [], (_, _) => throw new IOException("disk on fire")));
        var (outcome, _) = await fixture.RunAsync("#!explode\n1");
        var error = Assert.IsType<ExecutionOutcome.Error>(outcome);
        Assert.Equal("IOException", error.Name);
        Assert.Equal("disk on fire", error.Value);
        Assert.Equal("2", Plain((await fixture.RunAsync("1 + 1")).Outcome));
    }

    [Fact]
    public async Task ReferencedDllIsACopySoRebuildingItDoesNotBreakTheSession()
    {
        var folder = Path.Combine(fixture.Root, "tinylib");
        Directory.CreateDirectory(folder);
        var dll = Path.Combine(folder, "TinyLib.dll");
        Compile(dll, """
            namespace TinyLib
            {
                public static class Greeter { public static string Hello(string name) => "Hello, " + name; }

                // The convention: no reference to the kernel (Compile below gives TinyLib only the framework).
                [NeuroRnnMagics]
                public static class Magics
                {
                    public static System.Collections.IEnumerable MagicDefinitions() => new object[] { new Tiny() };
                }

                public sealed class TinyOption
                {
                    public string Name => "--times"; public string Help => "how often"; public bool IsFlag => false;
                    public bool Required => false; public bool Implicit => false; public string TypeHint => "integer";
                }

                public sealed class Tiny
                {
                    public string Name => "#!tinylib";
                    public string Help => "From TinyLib.";
                    public System.Collections.IEnumerable Options => new object[] { new TinyOption() };
                    public System.Threading.Tasks.Task InvokeAsync(string line, System.Func<string, object> getVariable, System.Action<string, object> setVariable,
                        System.Func<object, System.Action<object>> display, System.Threading.CancellationToken cancellationToken)
                    {
                        if (line.Contains("bad")) throw new System.ArgumentException("#!tinylib: bad input");
                        var words = line.Split(' ');
                        int times = words.Length > 2 ? int.Parse(words[2]) : 1;
                        var update = display("tiny magic " + times);
                        update("tiny magic updated, seed " + (getVariable("tinySeed") ?? "none"));
                        setVariable("tinyResult", times * 2);
                        return System.Threading.Tasks.Task.CompletedTask;
                    }
                }

                internal sealed class NeuroRnnMagicsAttribute : System.Attribute { }
            }
            """);

        var (outcome, _) = await fixture.RunAsync($"#r \"{dll}\"\nTinyLib.Greeter.Hello(\"C#\")");
        Assert.Equal("Hello, C#", Plain(outcome));

        // Rebuild the library in place with a different API: the session keeps using its private copy.
        Compile(dll, "namespace TinyLib { public static class Other { public static int Answer => 42; } }");
        Assert.Equal("Hello, again", Plain((await fixture.RunAsync("TinyLib.Greeter.Hello(\"again\")")).Outcome));
        Assert.Equal("Hello, F#", Plain((await fixture.RunAsync("#!fsharp\nTinyLib.Greeter.Hello \"F#\"")).Outcome));

        // The library's magic was registered by convention when it was loaded, and reaches the cell's variables and display.
        await fixture.RunAsync("var tinySeed = 7;");
        var (magicOutcome, magic) = await fixture.RunAsync("#!tinylib --times 3\ntinyResult");
        Assert.Equal("6", Plain(magicOutcome));
        Assert.Equal(["tiny magic 3", "tiny magic updated, seed 7"], magic.Displays.Select(d => d.Text));
        var (unknown, _) = await fixture.RunAsync("#!tinylib --often 3");
        Assert.Contains("#!tinylib has no option --often", Assert.IsType<ExecutionOutcome.Error>(unknown).Value);
        var (bad, _) = await fixture.RunAsync("#!tinylib bad");
        Assert.Equal("#!tinylib: bad input", Assert.IsType<ExecutionOutcome.Error>(bad).Value);
        Assert.Equal("2", Plain((await fixture.RunAsync("1 + 1")).Outcome));

        var (missing, _) = await fixture.RunAsync($"#r \"{Path.Combine(folder, "Missing.dll")}\"");
        Assert.Contains("does not exist", Assert.IsType<ExecutionOutcome.Error>(missing).Value);
    }

    [Fact]
    public async Task NuGetPackageFromTheLocalCacheLoadsAndUnknownPackageFailsClearly()
    {
        var stopwatch = Stopwatch.StartNew();
        var (outcome, context) = await fixture.RunAsync("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nNewtonsoft.Json.JsonConvert.SerializeObject(new { a = 1 })");
        Assert.Equal("{\"a\":1}", Plain(outcome));
        Assert.Contains("Installed package Newtonsoft.Json version 13.0.3", context.Stdout);
        var first = stopwatch.Elapsed;

        // The second time the resolved list comes from ~/.cache-like storage: no restore.
        stopwatch.Restart();
        var (again, _) = await fixture.RunAsync("#r \"nuget: Newtonsoft.Json, 13.0.3\"\n1");
        Assert.Equal("1", Plain(again));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"cached #r took {stopwatch.Elapsed} (first {first})");
        // The entry is keyed by version, plus a hash of the extra sources when the working folder's nuget.config lists feeds
        // (a repository's nuget.org entry counts): "13.0.3" or "13.0.3-<hash>".
        var entries = Directory.GetDirectories(Path.Combine(fixture.Root, "nuget-cache", "newtonsoft.json"), "13.0.3*");
        Assert.Contains(entries, entry => File.Exists(Path.Combine(entry, "assemblies.txt")));

        var (unknown, _) = await fixture.RunAsync("#r \"nuget: NeuroRnn.Surely.Not.A.Package.Zq9, 1.0.0\"");
        var error = Assert.IsType<ExecutionOutcome.Error>(unknown);
        Assert.Contains("restore failed", error.Value);
        Assert.Contains("NU1101", error.Value);

        var (malformed, _) = await fixture.RunAsync("#r \"nuget: bad id!, 1\"");
        Assert.Contains("expected \"nuget: PackageId, Version\"", Assert.IsType<ExecutionOutcome.Error>(malformed).Value);
    }

    private static void Compile(string path, string source)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location));
        var references = framework.Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("TinyLib", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = File.Create(path);
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
