using Microsoft.DotNet.Interactive.Formatting;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Engines;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The running cell as .NET Interactive's <c>KernelInvocationContext</c> exposes it to notebook code:
/// <c>KernelInvocationContext.Current.Display(x)</c>, its cancellation token and the kernel handling it.
/// </summary>
public sealed class KernelInvocationContext
{
    private readonly CellScope _scope;

    private KernelInvocationContext(CellScope scope)
    {
        _scope = scope;
    }

    /// <summary>The context of the cell running on this flow of execution, or null outside a cell.</summary>
    public static KernelInvocationContext? Current => CellScope.Current is { } scope ? new KernelInvocationContext(scope) : null;

    /// <summary>Cancelled when the front end interrupts the cell.</summary>
    public CancellationToken CancellationToken => _scope.CancellationToken;

    /// <summary>The kernel running the cell.</summary>
    public Kernel HandlingKernel => _scope.Session.Kernels.Root.FindChild(_scope.Language) ?? _scope.Session.Kernels.Root;

    /// <summary>Shows <paramref name="value"/> in the cell's output (as <paramref name="mimeTypes"/> when any are given).</summary>
    public DisplayedValue Display(object? value, params string[] mimeTypes)
    {
        using (_scope.Enter()) return NotebookDisplays.Show(value, mimeTypes);
    }

    /// <summary>Shows the text <paramref name="value"/> as <paramref name="mimeType"/> (e.g. "text/markdown").</summary>
    public DisplayedValue DisplayAs(string value, string mimeType)
    {
        using (_scope.Enter()) return NotebookDisplays.ShowAs(value, mimeType);
    }

    /// <summary>Fails the cell with <paramref name="message"/> (or the exception's message).</summary>
    public void Fail(Exception? exception = null, string? message = null) =>
        throw new InvalidOperationException(message ?? exception?.Message ?? "The cell was failed by its code.", exception);
}
