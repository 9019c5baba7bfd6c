using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;
using InteractiveFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Sends displayed values to the running cell: <c>display(x)</c>, <c>x.Display()</c>, <c>DisplayAs</c> and
/// <c>KernelInvocationContext.Current.Display</c> all end here. A display returns .NET Interactive's
/// <see cref="DisplayedValue"/>; its <see cref="DisplayedValue.Update"/> raises the package's displayed-value event,
/// which this class subscribes to, and replaces the output in place (Jupyter <c>update_display_data</c> with the same
/// display id) — also from a later cell. Values displayed through the package's own <c>Display()</c> extension (used
/// when the receiver is typed <c>object</c>) arrive through the same event.
/// </summary>
internal static class NotebookDisplays
{
    /// <summary>What a display was shown with, so that its updates use the same MIME types and, after its cell, the same context.</summary>
    private sealed record Shown(IReadOnlyList<string>? MimeTypes, IExecutionContext Context);

    private static readonly ConditionalWeakTable<DisplayedValue, Shown> Displays = new();
    private static readonly object SubscriptionGate = new();
    private static IDisposable? _subscription;

    /// <summary>Subscribes to .NET Interactive's displayed-value event (once per process).</summary>
    public static void EnsureSubscribed()
    {
        lock (SubscriptionGate) _subscription ??= InteractiveFormatter.SubscribeToDisplayedValues(OnDisplayedValue);
    }

    /// <summary>Shows <paramref name="value"/> in the running cell (as <paramref name="mimeTypes"/> plus text/plain when any are given).</summary>
    /// <exception cref="InvalidOperationException">No cell is running on this flow of execution.</exception>
    public static DisplayedValue Show(object? value, IReadOnlyList<string>? mimeTypes)
    {
        EnsureSubscribed();
        var scope = CellScope.Current ?? throw new InvalidOperationException("display(...) can only be called while a notebook cell runs.");
        var requested = mimeTypes is { Count: > 0 } ? mimeTypes : null;
        var bundle = DisplayFormatter.Format(value, requested);
        return Publish(value, bundle, requested, scope);
    }

    /// <summary>Shows the text <paramref name="content"/> as <paramref name="mimeType"/> (e.g. HTML written by hand), with text/plain.</summary>
    public static DisplayedValue ShowAs(string content, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureSubscribed();
        var scope = CellScope.Current ?? throw new InvalidOperationException("DisplayAs(...) can only be called while a notebook cell runs.");
        var bundle = new MimeBundle(new Dictionary<string, string> { [mimeType] = content, ["text/plain"] = content });
        return Publish(content, bundle, [mimeType], scope);
    }

    /// <summary>Shows a ready-made bundle (HTML and script cells) and returns its handle.</summary>
    public static DisplayedValue ShowBundle(object value, MimeBundle bundle)
    {
        EnsureSubscribed();
        var scope = CellScope.Current ?? throw new InvalidOperationException("A display can only be shown while a notebook cell runs.");
        return Publish(value, bundle, [.. bundle.Data.Keys], scope);
    }

    private static DisplayedValue Publish(object? value, MimeBundle bundle, IReadOnlyList<string>? mimeTypes, CellScope scope)
    {
        scope.Flush();
        // Only text/plain is listed: DisplayedValue.Update re-formats every listed MIME type with the package's own
        // formatters (which throw for types they do not know) before this class formats the update itself.
        var displayed = new DisplayedValue(value!, [new FormattedValue("text/plain", bundle.Data.GetValueOrDefault("text/plain", ""))]);
        Displays.AddOrUpdate(displayed, new Shown(mimeTypes, scope.Context));
        scope.Context.PublishDisplay(bundle, displayed.DisplayId, isUpdate: false);
        return displayed;
    }

    private static void OnDisplayedValue(DisplayedValue displayed)
    {
        var scope = CellScope.Current;
        if (Displays.TryGetValue(displayed, out var shown))
        {
            scope?.Flush();
            // The cell that runs the update is the parent of the message when there is one (Jupyter convention);
            // a background update after its cell ended goes through the cell that made the display.
            var context = scope?.Context ?? shown.Context;
            context.PublishDisplay(DisplayFormatter.Format(displayed.Value, shown.MimeTypes), displayed.DisplayId, isUpdate: true);
            return;
        }
        if (scope is null) return;
        // From the package's own Display()/DisplayAs() extensions (or an update of what they returned, whose display
        // id the package never announced): shown as a new output that later updates replace.
        scope.Flush();
        var (bundle, mimeTypes) = FromPackage(displayed);
        Displays.AddOrUpdate(displayed, new Shown(mimeTypes, scope.Context));
        scope.Context.PublishDisplay(bundle, displayed.DisplayId, isUpdate: false);
    }

    private static (MimeBundle Bundle, IReadOnlyList<string>? MimeTypes) FromPackage(DisplayedValue displayed)
    {
        var formatted = displayed.FormattedValues;
        // "text".DisplayAs(mime): the text is the content.
        if (displayed.Value is string text && formatted.Count == 1 && formatted[0].Value == text)
        {
            return (new MimeBundle(new Dictionary<string, string> { [formatted[0].MimeType] = text, ["text/plain"] = text }), [formatted[0].MimeType]);
        }
        var mimeTypes = formatted.Select(f => f.MimeType).ToArray();
        var preferred = displayed.Value is null ? [] : InteractiveFormatter.GetPreferredMimeTypesFor(displayed.Value.GetType()).ToArray();
        // MIME types equal to the type's preference mean none were asked for: the kernel's defaults apply.
        IReadOnlyList<string>? requested = mimeTypes.SequenceEqual(preferred) ? null : mimeTypes;
        return (DisplayFormatter.Format(displayed.Value, requested), requested);
    }
}
