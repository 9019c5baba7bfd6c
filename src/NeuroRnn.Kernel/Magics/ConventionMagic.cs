using System.Collections;
using System.Reflection;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Adapts a magic definition declared by convention (see <see cref="MagicDiscovery"/>) into a <see cref="MagicCommand"/>.
/// The definition is read by reflection only:
/// <list type="bullet">
/// <item><c>string Name</c> (with <c>#!</c>), <c>string Help</c>, <c>IEnumerable Options</c>;</item>
/// <item>each option: <c>string Name</c> (with dashes), <c>string Help</c>, <c>bool IsFlag</c>, <c>bool Required</c>,
/// <c>bool Implicit</c> (takes a bare word), optionally <c>IEnumerable&lt;string&gt; Choices</c> and <c>string TypeHint</c>;</item>
/// <item><c>Task InvokeAsync(string line, Func&lt;string, object?&gt; getVariable, Action&lt;string, object?&gt; setVariable,
/// Func&lt;object, Action&lt;object&gt;&gt; display, CancellationToken)</c>: runs the command for the magic line with the
/// cell's variables and display (the returned action replaces the display in place).</item>
/// </list>
/// An exception from the command fails only its cell, with the command's message (the kernel survives).
/// </summary>
internal static class ConventionMagic
{
    private static readonly Type[] InvokeSignature =
        [typeof(string), typeof(Func<string, object?>), typeof(Action<string, object?>), typeof(Func<object, Action<object>>), typeof(CancellationToken)];

    public static MagicCommand Adapt(object definition, Type declaringType)
    {
        var type = definition.GetType();
        string Where() => $"a magic definition of {declaringType.FullName} ({type.FullName})";
        var name = Property<string>(definition, "Name") ?? throw new MagicCommandException($"{Where()} has no string Name.");
        var help = Property<string>(definition, "Help") ?? "";
        var options = (Property<IEnumerable>(definition, "Options") ?? Array.Empty<object>()).Cast<object>().Select(o => Parameter(o, name)).ToArray();
        var invoke = type.GetMethod("InvokeAsync", BindingFlags.Public | BindingFlags.Instance, InvokeSignature);
        if (invoke is null || !typeof(Task).IsAssignableFrom(invoke.ReturnType))
            throw new MagicCommandException($"{Where()} ({name}) has no public Task InvokeAsync(string, Func<string, object?>, Action<string, object?>, Func<object, Action<object>>, CancellationToken).");
        try
        {
            return new MagicCommand(name, help, options, (invocation, context) => RunAsync(definition, invoke, invocation));
        }
        catch (ArgumentException e)
        {
            throw new MagicCommandException($"{Where()}: {e.Message}", e);
        }
    }

    private static MagicParameter Parameter(object option, string command)
    {
        var name = Property<string>(option, "Name") ?? throw new MagicCommandException($"An option of {command} has no string Name.");
        var isImplicit = Property<bool>(option, "Implicit");
        var choices = Property<IEnumerable<string>>(option, "Choices")?.ToArray() ?? [];
        // An implicit option may arrive as a bare word, which the kernel's binder does not count as the option:
        // the definition checks required options itself.
        return new MagicParameter(name, Property<string>(option, "Help") ?? "", Property<bool>(option, "IsFlag"), Property<bool>(option, "Required") && !isImplicit)
        {
            Choices = choices,
            TypeHint = Property<string>(option, "TypeHint"),
            Implicit = isImplicit,
        };
    }

    private static T? Property<T>(object instance, string name) =>
        instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) is T value ? value : default;

    private static async Task RunAsync(object definition, MethodInfo invoke, MagicInvocation invocation)
    {
        var language = invocation.Interpreter.Sharing;
        var cellLanguage = invocation.CellLanguage;
        var commandName = invocation.Command.Name;
        Func<string, object?> getVariable = variable =>
            CellLanguages.IsCode(cellLanguage) ? invocation.Interpreter.TryGetVariable(cellLanguage, variable)?.Value : null;
        Action<string, object?> setVariable = (variable, value) => language.Define(commandName, cellLanguage, variable, value, value?.GetType() ?? typeof(object));
        Func<object, Action<object>> display = value =>
        {
            var shown = NotebookDisplays.Show(value, null);
            return replacement => shown.Update(replacement);
        };
        Task task;
        try
        {
            task = (Task)invoke.Invoke(definition, [invocation.Line, getVariable, setVariable, display, invocation.CancellationToken])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw Translate(e.InnerException);
        }
        try
        {
            await task;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not MagicCommandException)
        {
            throw Translate(e);
        }
    }

    /// <summary>A library's usage error (any exception named …UsageException, or an ArgumentException) becomes the kernel's magic error with the same message.</summary>
    private static Exception Translate(Exception e) =>
        e is MagicCommandException or OperationCanceledException ? e
        : e.GetType().Name.EndsWith("UsageException", StringComparison.Ordinal) || e is ArgumentException ? new MagicCommandException(e.Message, e)
        : e;
}
