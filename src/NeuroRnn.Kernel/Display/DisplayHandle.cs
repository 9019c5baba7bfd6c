using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// A value shown with <c>display(x)</c>. <see cref="Update"/> replaces it in place (Jupyter
/// <c>update_display_data</c> with the same display id), also from a later cell.
/// </summary>
public sealed class DisplayHandle
{
    private readonly IExecutionContext _originalContext;

    private DisplayHandle(string displayId, IExecutionContext originalContext, string? mimeType)
    {
        DisplayId = displayId;
        _originalContext = originalContext;
        MimeType = mimeType;
    }

    /// <summary>The display id that front ends use to find the output to replace.</summary>
    public string DisplayId { get; }

    /// <summary>The MIME type the value was restricted to, or null for the full bundle.</summary>
    public string? MimeType { get; }

    /// <summary>Replaces the shown value with <paramref name="value"/>.</summary>
    public void Update(object? value)
    {
        var scope = CellScope.Current;
        scope?.Flush();
        // The cell that runs the update is the parent of the message when there is one (Jupyter convention);
        // a background update after its cell ended goes through the cell that made the display.
        var context = scope?.Context ?? _originalContext;
        context.PublishDisplay(Formatter.Format(value, MimeType), DisplayId, isUpdate: true);
    }

    internal static DisplayHandle Show(object? value, string? mimeType)
    {
        var scope = CellScope.Current ?? throw new InvalidOperationException("display(...) can only be called while a notebook cell runs.");
        scope.Flush();
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), scope.Context, mimeType);
        scope.Context.PublishDisplay(Formatter.Format(value, mimeType), handle.DisplayId, isUpdate: false);
        return handle;
    }

    /// <summary>The display id, so that a handle returned as the last expression of a cell reads well.</summary>
    public override string ToString() => $"DisplayHandle {DisplayId}";
}
