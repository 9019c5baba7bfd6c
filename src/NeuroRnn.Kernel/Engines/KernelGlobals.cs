using Microsoft.DotNet.Interactive.Formatting;
using NeuroRnn.Kernel.Display;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Functions every cell sees without qualification besides .NET Interactive's own (<c>display</c>, <c>HTML</c>, …
/// from <c>Microsoft.DotNet.Interactive.Kernel</c>): imported with <c>using static</c> in C# and <c>open type</c> in
/// F#. The lower-case names follow the notebook convention.
/// </summary>
public static class KernelGlobals
{
    /// <summary>Shows <paramref name="value"/> formatted only as <paramref name="mimeType"/> (plus text/plain).</summary>
    public static DisplayedValue displayAs(object? value, string mimeType) => NotebookDisplays.Show(value, [mimeType]);

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
