using System.Diagnostics;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// Runs a notebook top to bottom in a fresh <see cref="PolyglotInterpreter"/> in this process and records the
/// outputs, stopping at the first cell that fails. Markdown and raw cells are kept as they are.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebook"/>.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new NotebookRunOptions();
        var defaultLanguage = notebook.DefaultLanguage is "fsharp" ? "fsharp" : "csharp";
        using var interpreter = new PolyglotInterpreter(defaultLanguage);

        // Only languages the notebook uses get the parameters, so a C#-only run never starts F#.
        var parameterLanguages = notebook.Cells.Where(c => c.Kind == "code").Select(c => c.Language).Where(l => l is "csharp" or "fsharp").Append(defaultLanguage).Distinct().ToArray();
        foreach (var (name, value) in options.Parameters)
        {
            interpreter.DefineVariable(name, value, parameterLanguages);
        }

        var collector = new CellOutputCollector();
        var cells = notebook.Cells.ToList();
        var executedIndices = new List<int>();
        var executionCount = 0;
        for (var index = 0; index < cells.Count; index++)
        {
            var cell = cells[index];
            if (cell.Kind != "code") continue;
            cancellationToken.ThrowIfCancellationRequested();
            executionCount++;
            collector.BeginCell(executionCount);
            executedIndices.Add(index);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.CellTimeout is { } limit) timeout.CancelAfter(limit);
            var stopwatch = Stopwatch.StartNew();
            var outcome = CellLanguages.Find(cell.Language) is not null
                ? await interpreter.ExecuteAsync(CodeFor(cell, defaultLanguage), collector, timeout.Token)
                : new ExecutionOutcome.Error("UnsupportedLanguage", $"this kernel runs C#, F# and content cells ({string.Join(", ", CellLanguages.All.Select(l => l.Name))}), not {cell.Language}", [$"This kernel has no {cell.Language} kernel; it runs {string.Join(", ", CellLanguages.All.Select(l => l.Name))} cells."]);
            stopwatch.Stop();
            string? failure = null;
            switch (outcome)
            {
                case ExecutionOutcome.Success { Result: { } result }:
                    collector.Add(new CellOutput.ExecuteResult(executionCount, result));
                    break;
                case ExecutionOutcome.Error error:
                    collector.Add(new CellOutput.Error(error.Name, error.Value, error.Traceback));
                    failure = $"{error.Name}: {error.Value}";
                    break;
                case ExecutionOutcome.Aborted:
                    cancellationToken.ThrowIfCancellationRequested();
                    failure = options.CellTimeout is { } t ? $"timed out after {t.TotalSeconds:0.###} s" : "interrupted";
                    collector.Add(new CellOutput.Error("Aborted", failure, [failure]));
                    break;
            }
            options.CellCompleted?.Invoke(index, cell, failure is null ? "ok" : failure, stopwatch.Elapsed);
            cells[index] = cell with { ExecutionCount = executionCount };
            if (failure is not null)
            {
                ApplyOutputs(cells, executedIndices, collector);
                var message = $"cell {index + 1} ({cell.FirstLine}) failed: {failure}";
                return new NotebookRunResult(notebook with { Cells = cells }, index, message);
            }
        }
        ApplyOutputs(cells, executedIndices, collector);
        return new NotebookRunResult(notebook with { Cells = cells }, null, null);
    }

    private static void ApplyOutputs(List<NotebookCell> cells, List<int> executedIndices, CellOutputCollector collector)
    {
        // Outputs are read at the end so display updates from later cells are applied to earlier outputs.
        for (var n = 0; n < executedIndices.Count; n++)
        {
            var index = executedIndices[n];
            cells[index] = cells[index] with { Outputs = collector.OutputsOf(n) };
        }
    }

    /// <summary>The cell text for the interpreter: prefixed with its language line when it is not the default.</summary>
    internal static string CodeFor(NotebookCell cell, string defaultLanguage)
    {
        var first = cell.Source.Split('\n')[0].Trim();
        var hasLanguageLine = first.StartsWith("#!", StringComparison.Ordinal) && CellParser.LanguageLine(first) is not null;
        if (hasLanguageLine || cell.Language == defaultLanguage) return cell.Source;
        return $"#!{cell.Language}\n{cell.Source}";
    }
}
