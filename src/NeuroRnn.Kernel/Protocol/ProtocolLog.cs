namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Writes the kernel's own diagnostics (dropped messages, handler failures) to a writer that user code cannot
/// redirect — by default the process's raw standard error, not <see cref="Console.Error"/>, because engines
/// redirect the Console to capture cell output.
/// </summary>
internal sealed class ProtocolLog
{
    private readonly TextWriter _writer;
    private readonly object _lock = new();

    public ProtocolLog(TextWriter writer) => _writer = writer;

    /// <summary>A log on the process's real standard error.</summary>
    public static ProtocolLog StandardError() =>
        new(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    public void Write(string text)
    {
        lock (_lock)
        {
            try
            {
                _writer.WriteLine($"[neurornn-kernel {DateTime.UtcNow:HH:mm:ss.fff}] {text}");
                _writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Nowhere left to report to; the kernel must keep serving regardless.
            }
        }
    }
}
