using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using NeuroRnn.Interactive.Magics;

namespace NeuroRnn.Interactive.Extension;

/// <summary>
/// Declares a toolkit <see cref="MagicDefinition"/> as a .NET Interactive directive (its options as directive parameters,
/// so the host offers help and completion) and runs it with the raw directive line, so that parsing and error messages
/// are those of the NeuroRnn kernel.
/// </summary>
internal static class DirectiveAdapter
{
    public static void Register(Kernel kernel, MagicDefinition definition)
    {
        var directive = new KernelActionDirective(definition.Name) { Description = definition.Help };
        // The host allows one implicit (nameless) parameter per directive. A command whose first bare word picks among
        // fixed choices (#!plot tuning rec) becomes one subcommand per choice, each keeping the next implicit option.
        var selector = definition.Options.Count(o => o.Implicit) > 1 ? definition.Options.First(o => o.Implicit) : null;
        if (selector is { Choices.Count: > 0 })
        {
            foreach (var choice in selector.Choices)
            {
                var subcommand = new KernelActionDirective(choice) { Description = $"{definition.Name} {choice}" };
                AddParameters(subcommand, definition.Options.Where(o => o != selector));
                directive.Subcommands.Add(subcommand);
            }
        }
        else
        {
            AddParameters(directive, definition.Options);
        }
        KernelCommandInvocation handler = (command, context) => RunAsync(kernel, definition, command, context);
        kernel.AddDirective(directive, handler);
        // AddDirective binds the handler to the directive itself; a subcommand's command needs its own binding, which
        // the host (1.0.0-beta.26120.1) only offers internally.
        var bind = typeof(Kernel).GetMethod("RegisterDirectiveCommandHandler", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(KernelActionDirective), typeof(KernelCommandInvocation)]);
        foreach (var subcommand in directive.Subcommands)
        {
            if (bind is null) throw new InvalidOperationException($"{definition.Name} {subcommand.Name}: this .NET Interactive version has no way to handle subcommands.");
            bind.Invoke(kernel, [subcommand, handler]);
        }
    }

    private static void AddParameters(KernelActionDirective directive, IEnumerable<MagicOption> options)
    {
        bool implicitTaken = false;
        foreach (var option in options)
        {
            var parameter = new KernelDirectiveParameter(option.Name, option.Help)
            {
                AllowImplicitName = option.Implicit && !implicitTaken,
                Required = option.Required,
                Flag = option.IsFlag,
            };
            implicitTaken |= parameter.AllowImplicitName;
            if (option.Choices.Count > 0) parameter.AddCompletions(() => option.Choices);
            directive.Parameters.Add(parameter);
        }
    }

    private static async Task RunAsync(Kernel kernel, MagicDefinition definition, KernelCommand command, KernelInvocationContext context)
    {
        var line = DirectiveText(command) ?? definition.Name;
        try
        {
            await definition.InvokeAsync(line, name => Variables.Get(kernel, name), (name, value) => Variables.Set(kernel, name, value),
                value => LiveDisplay.Show(context, value), context.CancellationToken);
        }
        catch (MagicUsageException e)
        {
            // A user error fails this command with the toolkit's message; the session goes on.
            context.Fail(command, null, e.Message);
        }
    }

    /// <summary>The directive line as typed. The host keeps the parsed directive in an internal DirectiveNode whose Text is the line.</summary>
    private static string? DirectiveText(KernelCommand command)
    {
        var node = command.GetType().GetProperty("DirectiveNode", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(command);
        var text = node?.GetType().GetProperty("Text", BindingFlags.Public | BindingFlags.Instance)?.GetValue(node) as string ?? node?.ToString();
        return text?.Trim();
    }
}
