using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Notebooks;
using NeuroRnn.Kernel.Tests.Integration;
using NeuroRnn.Kernel.Tests.Magics;

namespace NeuroRnn.Kernel.Tests.Corpus;

/// <summary>
/// Runs the notebooks of <c>tests/corpus/polyglot</c> headless, by <c>neurornn run</c> and by Debian's nbclient against
/// the kernelspecs that <c>neurornn kernel install</c> wrote, and returns the executed notebooks as JSON. Writes the
/// corpus's local package feed first (<c>feed/</c>, one tiny package) so <c>#i "nuget: ./feed"</c> has something to serve.
/// </summary>
public sealed class CorpusRunner : IDisposable
{
    public const string FeedPackage = "NeuroRnnCorpusTools";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public CorpusRunner()
    {
        Folder = FindCorpus();
        var feed = Path.Combine(Folder, "feed");
        if (!File.Exists(Path.Combine(feed, $"{FeedPackage}.1.0.0.nupkg".ToLowerInvariant()))) LocalPackages.Create(feed, FeedPackage, "1.0.0");
        Output = Directory.CreateTempSubdirectory("neurornn-corpus-").FullName;
    }

    public string Folder { get; }

    public string Output { get; }

    public string PathOf(string notebook) => Path.Combine(Folder, notebook);

    /// <summary>Runs <paramref name="notebook"/> with <c>neurornn run</c> in the corpus folder; returns the exit code, stderr and the executed notebook.</summary>
    public (int ExitCode, string Error, JsonObject Executed) RunWithNeuroRnn(string notebook)
    {
        var output = Path.Combine(Output, Path.GetFileNameWithoutExtension(notebook) + ".neurornn.ipynb");
        var (code, _, error) = NeuroRnnCli.RunIn(Folder, Timeout, null, "run", notebook, "--output", output);
        if (!File.Exists(output)) throw new Xunit.Sdk.XunitException($"neurornn run {notebook} wrote no output (exit {code}):\n{error}");
        return (code, error, JsonNode.Parse(File.ReadAllText(output))!.AsObject());
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> with nbclient. A .dib is converted to .ipynb first, each cell starting with its
    /// kernel line when it is not the default (Jupyter gives a kernel only the cell text).
    /// </summary>
    public (int ExitCode, string Error, JsonObject Executed) RunWithNbclient(string notebook, bool allowErrors = false)
    {
        var path = PathOf(notebook);
        var loaded = NotebookFile.Load(path);
        if (Path.GetExtension(notebook) == ".dib")
        {
            var cells = loaded.Cells.Select(c => c.Kind == "code" ? c with { Source = NotebookRunner.CodeFor(c, loaded.DefaultLanguage) } : c).ToArray();
            // Next to the original, so that relative paths resolve the same way; removed after the run.
            path = Path.Combine(Folder, $".{Path.GetFileNameWithoutExtension(notebook)}.converted.ipynb");
            File.WriteAllText(path, IpynbFormat.Write(loaded with { Cells = cells }));
        }
        var output = Path.Combine(Output, Path.GetFileNameWithoutExtension(notebook) + ".nbclient.ipynb");
        try
        {
            var kernel = $"{NeuroRnnCli.KernelStem}-{(loaded.DefaultLanguage == "fsharp" ? "fsharp" : "csharp")}";
            var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "Corpus", "run_with_nbclient.py"), path, kernel, output };
            if (allowErrors) arguments.Add("--allow-errors");
            var (code, error) = RunPython(arguments);
            if (code == 3) throw new InvalidOperationException($"Debian's nbclient is missing (apt-get install python3-nbclient): {error}");
            if (!File.Exists(output)) throw new Xunit.Sdk.XunitException($"nbclient wrote no output for {notebook} (exit {code}):\n{error}");
            return (code, error, JsonNode.Parse(File.ReadAllText(output))!.AsObject());
        }
        finally
        {
            if (path != PathOf(notebook)) File.Delete(path);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Output, recursive: true); } catch (IOException) { }
    }

    private static (int ExitCode, string Error) RunPython(IReadOnlyList<string> arguments)
    {
        if (!File.Exists(JupyterClientScript.Python)) throw new InvalidOperationException($"{JupyterClientScript.Python} is missing: install Debian's python3 and python3-nbclient.");
        var start = new ProcessStartInfo(JupyterClientScript.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in NeuroRnnCli.JupyterEnvironment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {JupyterClientScript.Python}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nbclient did not finish {arguments[1]} within {Timeout}.");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "corpus", "polyglot");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/corpus/polyglot was not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Reading the outputs of an executed notebook (nbformat JSON).</summary>
internal static class ExecutedNotebook
{
    /// <summary>The outputs of the one code cell whose source contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<JsonObject> OutputsOf(JsonObject notebook, string marker)
    {
        var cells = notebook["cells"]!.AsArray().Select(c => c!.AsObject())
            .Where(c => c["cell_type"]!.GetValue<string>() == "code" && Text(c["source"]).Contains(marker, StringComparison.Ordinal))
            .ToArray();
        if (cells.Length != 1) throw new Xunit.Sdk.XunitException($"{cells.Length} code cells contain \"{marker}\"");
        return cells[0]["outputs"]!.AsArray().Select(o => o!.AsObject()).ToArray();
    }

    /// <summary>The <paramref name="mime"/> data of every display_data/execute_result output, in order.</summary>
    public static IReadOnlyList<string> Data(IReadOnlyList<JsonObject> outputs, string mime) =>
        outputs.Where(o => o["data"] is JsonObject data && data.ContainsKey(mime)).Select(o => Text(o["data"]![mime])).ToArray();

    /// <summary>The text of the cell's result (execute_result) as <paramref name="mime"/>.</summary>
    public static string Result(IReadOnlyList<JsonObject> outputs, string mime = "text/plain")
    {
        var result = outputs.SingleOrDefault(o => o["output_type"]!.GetValue<string>() == "execute_result")
            ?? throw new Xunit.Sdk.XunitException($"no execute_result among {Describe(outputs)}");
        return Text(result["data"]![mime] ?? throw new Xunit.Sdk.XunitException($"the result has no {mime}: {result.ToJsonString()}"));
    }

    /// <summary>The stream text of the outputs (stdout and stderr).</summary>
    public static string Streams(IReadOnlyList<JsonObject> outputs) =>
        string.Concat(outputs.Where(o => o["output_type"]!.GetValue<string>() == "stream").Select(o => Text(o["text"])));

    /// <summary>The error output (ename, evalue).</summary>
    public static (string Name, string Value) Error(IReadOnlyList<JsonObject> outputs)
    {
        var error = outputs.SingleOrDefault(o => o["output_type"]!.GetValue<string>() == "error")
            ?? throw new Xunit.Sdk.XunitException($"no error among {Describe(outputs)}");
        return (error["ename"]!.GetValue<string>(), error["evalue"]!.GetValue<string>());
    }

    public static string Describe(IReadOnlyList<JsonObject> outputs) => "[" + string.Join(", ", outputs.Select(o => o.ToJsonString()[..Math.Min(300, o.ToJsonString().Length)])) + "]";

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Concat(array.Select(n => n?.GetValue<string>() ?? "")),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
