using System.Reflection;

namespace NeuroRnn.Interactive;

/// <summary>
/// A cell output you replace in place — a chart redrawn as data arrive, a status line — that works the same in
/// NeuroRnn's kernel and in .NET Interactive / Polyglot Notebooks:
/// <code>
/// var live = LiveOutput.Show(TrainingChart.FromStatistics([]));
/// var progress = new TrainingProgress(live.Update);
/// </code>
/// </summary>
/// <remarks>
/// Why not <c>display(x)</c> and <c>.Update(y)</c>: under Jupyter, .NET Interactive (1.0.712001) announces the value
/// that <c>display(x)</c> (and <c>x.Display()</c>) shows under one display id and sends its updates under another, so
/// front ends never replace it (the first frame stays). Displays made through the running command's
/// <c>KernelInvocationContext.Current.Display(x)</c> keep one id in both hosts; this class goes through it. It is found by
/// name at run time, so the toolkit needs no reference to either host.
/// </remarks>
public sealed class LiveOutput
{
    private const string ContextTypeName = "Microsoft.DotNet.Interactive.KernelInvocationContext";
    private const string ExtensionsTypeName = "Microsoft.DotNet.Interactive.KernelInvocationContextExtensions";

    private readonly Action<object> _update;

    private LiveOutput(object value, Action<object> update)
    {
        Value = value;
        _update = update;
    }

    /// <summary>The value shown now.</summary>
    public object Value { get; private set; }

    /// <summary>Shows <paramref name="value"/> in the running cell's output and returns the handle that replaces it.</summary>
    /// <exception cref="InvalidOperationException">No notebook cell of either host is running on this flow of execution.</exception>
    public static LiveOutput Show(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var context = CurrentContext(out var contextType)
            ?? throw new InvalidOperationException("LiveOutput.Show needs a running notebook cell (NeuroRnn's kernel or .NET Interactive); outside a notebook, draw the value yourself.");
        var display = DisplayMethod(contextType)
            ?? throw new InvalidOperationException($"LiveOutput.Show: this host's {ContextTypeName} has no Display(object, string[]) method.");
        var displayed = display.IsStatic ? display.Invoke(null, [context, value, Array.Empty<string>()]) : display.Invoke(context, [value, Array.Empty<string>()]);
        var update = displayed?.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, [typeof(object)])
            ?? throw new InvalidOperationException($"LiveOutput.Show: the host's display handle ({displayed?.GetType().FullName ?? "null"}) has no Update(object) method.");
        return new LiveOutput(value, replacement => update.Invoke(displayed, [replacement]));
    }

    /// <summary>Replaces the shown value with <paramref name="value"/> (also from a later cell or another thread).</summary>
    public void Update(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            _update(value);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
        Value = value;
    }

    private static object? CurrentContext(out Type contextType)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || assembly.GetType(ContextTypeName, throwOnError: false) is not { } type) continue;
            contextType = type;
            if (type.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is { } current) return current;
        }
        contextType = typeof(object);
        return null;
    }

    /// <summary>NeuroRnn's kernel: an instance method; .NET Interactive: the extension method of KernelInvocationContextExtensions.</summary>
    private static MethodInfo? DisplayMethod(Type contextType)
    {
        Type[] parameters = [typeof(object), typeof(string[])];
        return contextType.GetMethod("Display", BindingFlags.Public | BindingFlags.Instance, parameters)
            ?? contextType.Assembly.GetType(ExtensionsTypeName, throwOnError: false)
                ?.GetMethod("Display", BindingFlags.Public | BindingFlags.Static, [contextType, .. parameters]);
    }
}
