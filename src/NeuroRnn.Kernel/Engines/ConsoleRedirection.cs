namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Installs the ambient console writers/reader once per process. Both engines run in this process and user code
/// writes to the process-wide <see cref="Console"/>, so redirection is global and the cell is found per flow.
/// </summary>
internal static class ConsoleRedirection
{
    private static readonly object Gate = new();
    private static bool _installed;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            var originalOut = Console.Out;
            var originalError = Console.Error;
            var originalIn = Console.In;
            Console.SetOut(new AmbientConsoleWriter("stdout", originalOut));
            Console.SetError(new AmbientConsoleWriter("stderr", originalError));
            Console.SetIn(new AmbientConsoleReader(originalIn));
            _installed = true;
        }
    }
}
