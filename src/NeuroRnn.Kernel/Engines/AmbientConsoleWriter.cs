using System.Text;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// A <see cref="TextWriter"/> installed as <see cref="Console.Out"/>/<see cref="Console.Error"/> that sends text to
/// the running cell (see <see cref="CellScope"/>), or to the original console when no cell is running. Every
/// Write overload ends in <see cref="Write(ReadOnlySpan{char})"/>, so text written char by char (as F#'s printf
/// does) streams line by line like text written as strings.
/// </summary>
internal sealed class AmbientConsoleWriter : TextWriter
{
    private readonly string _streamName;
    private readonly TextWriter _fallback;

    public AmbientConsoleWriter(string streamName, TextWriter fallback)
    {
        _streamName = streamName;
        _fallback = fallback;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write([value]);

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer)
    {
        if (buffer is not null) Write(buffer.AsSpan());
    }

    public override void Write(string? value)
    {
        if (value is not null) Write(value.AsSpan());
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var scope = CellScope.Current;
        if (scope is null)
        {
            _fallback.Write(buffer);
            return;
        }
        scope.Write(_streamName, buffer);
    }

    public override void WriteLine(string? value)
    {
        Write(string.Concat(value, NewLine));
    }

    public override void Flush()
    {
        var scope = CellScope.Current;
        if (scope is null) _fallback.Flush();
    }
}
