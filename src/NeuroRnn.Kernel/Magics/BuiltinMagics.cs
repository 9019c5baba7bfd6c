using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>The magic commands every session has: #!time, #!who, #!whos, #!lsmagic, #!about (value sharing: <see cref="ValueMagics"/>).</summary>
internal static class BuiltinMagics
{
    public static IEnumerable<MagicCommand> Create() =>
    [
        new MagicCommand("#!time", "Reports the wall-clock time the rest of the cell took.", [], Time),
        new MagicCommand("#!who", "Lists the names of the variables of the C# and F# sessions.", [], (i, c) => Who(i, c, detailed: false)),
        new MagicCommand("#!whos", "Lists the variables of the C# and F# sessions with their types and values.", [], (i, c) => Who(i, c, detailed: true)),
        new MagicCommand("#!lsmagic", "Lists the magic commands; #!lsmagic #!name shows one command's options.", [], ListMagics),
        new MagicCommand("#!about", "Shows what this kernel is.", [], About),
    ];

    /// <summary>Descriptions of directives that are not registered commands but are understood by the interpreter.</summary>
    private static readonly (string Name, string Description)[] Directives =
    [
        ("#r \"path.dll\"", "References an assembly (a private copy is loaded, so rebuilding it does not break the session)."),
        ("#r \"nuget: Package, Version\"", "Restores a NuGet package (version optional) and references its assemblies, in C# and F# alike."),
        ("#r \"path.csproj\"", "Builds a local project (dotnet build, Release) and references its assembly."),
        ("#i \"nuget: source\"", "Adds a NuGet v3 feed (…/index.json) or a local folder of packages for this session's #r \"nuget:\"."),
    ];

    private static Task Time(MagicInvocation invocation, IExecutionContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        invocation.OnCellCompleted(_ =>
            context.WriteStream("stdout", string.Create(CultureInfo.InvariantCulture, $"Wall time: {stopwatch.Elapsed.TotalMilliseconds:0.###} ms\n")));
        return Task.CompletedTask;
    }

    private static Task Who(MagicInvocation invocation, IExecutionContext context, bool detailed)
    {
        var variables = invocation.Interpreter.Variables();
        if (variables.Count == 0)
        {
            context.PublishDisplay(MimeBundle.PlainText("No variables are defined."), null, false);
            return Task.CompletedTask;
        }
        if (!detailed)
        {
            var text = string.Join(Environment.NewLine, variables.GroupBy(v => v.Language).Select(g => $"{g.Key}: {string.Join(", ", g.Select(v => v.Name))}"));
            context.PublishDisplay(MimeBundle.PlainText(text), null, false);
            return Task.CompletedTask;
        }
        var plain = new StringBuilder();
        var html = new StringBuilder("<table class=\"neurornn-whos\"><thead><tr><th>language</th><th>name</th><th>type</th><th>value</th></tr></thead><tbody>");
        foreach (var variable in variables)
        {
            var type = PlainTextFormatter.TypeName(variable.Type);
            var value = Shorten(SafePlainText(variable.Value));
            plain.Append(variable.Language).Append('\t').Append(variable.Name).Append('\t').Append(type).Append('\t').Append(value).AppendLine();
            html.Append("<tr><td>").Append(variable.Language).Append("</td><td>").Append(WebUtility.HtmlEncode(variable.Name))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(type)).Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        context.PublishDisplay(new MimeBundle(new Dictionary<string, string> { ["text/plain"] = plain.ToString().TrimEnd(), ["text/html"] = html.ToString() }), null, false);
        return Task.CompletedTask;
    }

    private static string SafePlainText(object? value)
    {
        try
        {
            return DisplayFormatter.ToPlainText(value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One variable whose formatter throws must not hide the others.
            return $"<{e.GetType().Name} while formatting>";
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 80 ? line[..79] + "…" : line;
    }

    private static Task ListMagics(MagicInvocation invocation, IExecutionContext context)
    {
        if (invocation.Arguments.Count > 0)
        {
            context.PublishDisplay(MimeBundle.PlainText(CommandHelp(invocation.Arguments[0])), null, false);
            return Task.CompletedTask;
        }
        var plain = new StringBuilder("Magic commands (put them at the top of a cell; #!lsmagic #!name for one command's options):").AppendLine();
        foreach (var command in MagicCommands.All)
        {
            plain.Append("  ").Append(command.Name);
            foreach (var parameter in command.Parameters) plain.Append(' ').Append(Usage(parameter));
            plain.Append("  — ").AppendLine(command.Description);
        }
        plain.AppendLine("Cell kernels (first line of a cell, or a line of its own to switch within a cell):");
        foreach (var (name, aliases, _, description) in CellLanguages.All)
        {
            plain.Append("  #!").Append(name);
            foreach (var alias in aliases) plain.Append(", #!").Append(alias);
            plain.Append("  — ").AppendLine(description);
        }
        plain.AppendLine("Directives:");
        foreach (var (name, description) in Directives) plain.Append("  ").Append(name).Append("  — ").AppendLine(description);
        context.PublishDisplay(MimeBundle.PlainText(plain.ToString().TrimEnd()), null, false);
        return Task.CompletedTask;
    }

    private static string Usage(MagicParameter parameter)
    {
        var value = parameter.Choices.Count > 0 ? string.Join('|', parameter.Choices) : $"<{parameter.TypeHint ?? "value"}>";
        var text = parameter.Implicit ? value : parameter.IsFlag ? parameter.Name : $"{parameter.Name} {value}";
        return parameter.IsRequired || parameter.Implicit ? text : $"[{text}]";
    }

    private static string CommandHelp(string name)
    {
        var command = MagicCommands.Find(name.StartsWith("#!", StringComparison.Ordinal) ? name : "#!" + name)
            ?? throw new MagicCommandException($"#!lsmagic: there is no magic command {name} ({string.Join(", ", MagicCommands.All.Select(c => c.Name))}).");
        var help = new StringBuilder(command.Name).Append("  — ").AppendLine(command.Description);
        foreach (var parameter in command.Parameters)
        {
            help.Append("  ").Append(Usage(parameter)).Append("  ").Append(parameter.Description);
            if (parameter.Implicit) help.Append(" (also ").Append(parameter.Name).Append(')');
            help.AppendLine();
        }
        return help.ToString().TrimEnd();
    }

    private static Task About(MagicInvocation invocation, IExecutionContext context)
    {
        var text = invocation.Interpreter.Banner + Environment.NewLine +
                   $"Default language: {invocation.Interpreter.DefaultLanguage}. F# session started: {(invocation.Interpreter.IsFSharpStarted ? "yes" : "no")}.";
        context.PublishDisplay(MimeBundle.PlainText(text), null, false);
        return Task.CompletedTask;
    }
}
