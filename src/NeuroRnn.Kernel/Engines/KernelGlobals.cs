using NeuroRnn.Kernel.Display;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Functions every cell sees without qualification: imported with <c>using static</c> in C# and
/// <c>open type</c> in F#. The lower-case names follow the notebook convention (<c>display(x)</c>).
/// </summary>
public static class KernelGlobals
{
    /// <summary>Shows <paramref name="value"/> now (display_data) and returns a handle that can replace it later.</summary>
    public static DisplayHandle display(object? value) => DisplayHandle.Show(value, null);

    /// <summary>Shows <paramref name="value"/> formatted only as <paramref name="mimeType"/> (plus text/plain).</summary>
    public static DisplayHandle displayAs(object? value, string mimeType) => DisplayHandle.Show(value, mimeType);

    /// <summary>
    /// Clears this cell's output so far (Jupyter clear_output); with <paramref name="wait"/> the front end waits for
    /// the next output before clearing, so a redrawn figure does not flicker.
    /// </summary>
    public static void clearOutput(bool wait = false)
    {
        var scope = CellScope.Current ?? throw new InvalidOperationException("clearOutput() can only be called while a notebook cell runs.");
        scope.Flush();
        scope.Context.ClearOutput(wait);
    }

    /// <summary>The interrupt token of the running cell (see <see cref="KernelCancellation"/>).</summary>
    public static CancellationToken cancellationToken => KernelCancellation.Token;
}
