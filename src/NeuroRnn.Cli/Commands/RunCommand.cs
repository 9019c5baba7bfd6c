using System.CommandLine;
using System.Globalization;
using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn run NOTEBOOK.ipynb|.dib [--output executed.ipynb] [--html page.html] [--param name=value]… [--timeout SECONDS]</c>:
/// runs every cell of a Polyglot notebook in a fresh in-process C#/F# interpreter and exits non-zero at the first
/// failing cell, naming it.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook to run (.ipynb or .dib)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the executed notebook here (.ipynb keeps outputs; .dib keeps only code)." };
        var html = new Option<string?>("--html") { Description = "Write an HTML page of the executed notebook here." };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A variable defined before the first cell, name=value (int, double, bool, else string). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var timeout = new Option<double?>("--timeout") { Description = "Fail a cell that runs longer than this many seconds." };

        var command = new Command("run", "Run a notebook (.ipynb or .dib) headless and write the executed notebook and/or an HTML page.");
        command.Arguments.Add(notebook);
        command.Options.Add(output);
        command.Options.Add(html);
        command.Options.Add(parameters);
        command.Options.Add(timeout);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(notebook)!,
            parseResult.GetValue(output),
            parseResult.GetValue(html),
            parseResult.GetValue(parameters) ?? [],
            parseResult.GetValue(timeout)));
        return command;
    }

    private static int Run(string notebookPath, string? outputPath, string? htmlPath, string[] parameterTexts, double? timeoutSeconds)
    {
        Notebook notebook;
        NotebookRunOptions options;
        try
        {
            notebook = NotebookFile.Load(notebookPath);
            foreach (var note in notebook.LoadNotes) Console.Error.WriteLine($"neurornn run: note: {notebookPath}: {note}");
            if (outputPath is not null) ValidateExtension(outputPath, "--output", ".ipynb", ".dib");
            if (htmlPath is not null) ValidateExtension(htmlPath, "--html", ".html", ".htm");
            if (timeoutSeconds is <= 0) throw new ArgumentException($"--timeout must be a positive number of seconds, got {timeoutSeconds}.");
            options = new NotebookRunOptions
            {
                Parameters = parameterTexts.Select(NotebookRunOptions.ParseParameter).ToDictionary(p => p.Key, p => p.Value),
                CellTimeout = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"neurornn run: {e.Message}");
            return 2;
        }

        // The runner's cells write to Console, which the interpreter redirects to the notebook outputs; progress
        // goes to the original standard error, captured before the interpreter starts.
        var progress = Console.Error;
        options = options with { CellCompleted = (index, cell, status, elapsed) =>
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cell {index + 1} [{cell.Language}] {status} ({elapsed.TotalMilliseconds:0} ms)")) };
        var result = NotebookRunner.RunAsync(notebook, options).GetAwaiter().GetResult();

        try
        {
            if (outputPath is not null)
            {
                NotebookFile.Save(result.Executed, outputPath);
                progress.WriteLine($"wrote {outputPath}");
            }
            if (htmlPath is not null)
            {
                File.WriteAllText(htmlPath, NotebookHtmlExporter.ToHtml(result.Executed, Path.GetFileNameWithoutExtension(notebookPath)));
                progress.WriteLine($"wrote {htmlPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.WriteLine($"neurornn run: could not write the result: {e.Message}");
            return 2;
        }

        if (!result.Succeeded)
        {
            progress.WriteLine($"neurornn run: {notebookPath}: {result.FailureMessage}");
            return 1;
        }
        return 0;
    }

    private static void ValidateExtension(string path, string option, params string[] extensions)
    {
        if (!extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
        {
            throw new ArgumentException($"{option} must name a {string.Join(" or ", extensions)} file, got '{path}'.");
        }
    }
}
