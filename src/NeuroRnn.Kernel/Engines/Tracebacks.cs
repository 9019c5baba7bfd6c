using System.Text.RegularExpressions;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>Readable tracebacks for exceptions thrown by cell code: the frames of the scripting machinery are dropped.</summary>
internal static partial class Tracebacks
{
    public static ExecutionOutcome.Error FromException(Exception exception)
    {
        while (exception is System.Reflection.TargetInvocationException { InnerException: { } inner }) exception = inner;
        var lines = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            lines.Add((lines.Count == 0 ? "" : "---> ") + $"{current.GetType().FullName}: {current.Message}");
            foreach (var frame in (current.StackTrace ?? "").Split('\n'))
            {
                var cleaned = Clean(frame.TrimEnd('\r'));
                if (cleaned is not null) lines.Add(cleaned);
            }
        }
        return new ExecutionOutcome.Error(exception.GetType().Name, exception.Message, lines);
    }

    private static string? Clean(string frame)
    {
        var trimmed = frame.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("--- End of", StringComparison.Ordinal)) return null;
        if (NoiseFrame().IsMatch(trimmed)) return null;
        var renamed = SubmissionFrame().Replace(trimmed, m => m.Groups[1].Success ? "cell, line" : "cell");
        renamed = SubmissionPrefix().Replace(renamed, "");
        renamed = FsiMainFrame().Replace(renamed, "cell");
        renamed = FsiFrame().Replace(renamed, "");
        renamed = LineSuffix().Replace(renamed, ", line $1");
        return "   " + renamed;
    }

    [GeneratedRegex(@"^at (Microsoft\.CodeAnalysis\.Scripting|System\.Runtime\.CompilerServices|System\.Threading\.(Tasks|ExecutionContext)|System\.Runtime\.ExceptionServices|System\.RuntimeMethodHandle|System\.Reflection\.Method(Base|Invoker)|NeuroRnn\.Kernel\.Engines|System\.Reflection\.RuntimeMethodInfo|FSharp\.Compiler)")]
    private static partial Regex NoiseFrame();

    [GeneratedRegex(@"Submission#\d+\.<<Initialize>>d__\d+\.MoveNext\(\)( in :line)?")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"Submission#\d+\.")]
    private static partial Regex SubmissionPrefix();

    [GeneratedRegex(@" in [^ ]*:line (\d+)$")]
    private static partial Regex LineSuffix();

    [GeneratedRegex(@"<StartupCode\$FSI_\d+>\.\$FSI_\d+\.main@\(\)")]
    private static partial Regex FsiMainFrame();

    [GeneratedRegex(@"FSI_\d+\.")]
    private static partial Regex FsiFrame();
}
