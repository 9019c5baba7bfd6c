namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The interrupt signal for user code. Long-running cells should pass <see cref="Token"/> to APIs that accept a
/// token or check it in their loops: an interrupt cancels it first, and only a cell that ignores it for about a
/// second is aborted forcibly.
/// </summary>
public static class KernelCancellation
{
    /// <summary>Cancelled when the front end interrupts the running cell; <see cref="CancellationToken.None"/> outside a cell.</summary>
    public static CancellationToken Token => CellScope.Current?.CancellationToken ?? CancellationToken.None;
}
