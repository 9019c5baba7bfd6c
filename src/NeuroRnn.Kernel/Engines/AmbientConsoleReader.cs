namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// A <see cref="TextReader"/> installed as <see cref="Console.In"/>: <c>Console.ReadLine()</c> inside a cell asks
/// the front end for a line (Jupyter <c>input_request</c>). Text written to stdout without a newline just before
/// the read is used as the prompt, which is what a user of <c>Console.Write("Name: ")</c> expects.
/// </summary>
internal sealed class AmbientConsoleReader : TextReader
{
    private readonly TextReader _fallback;
    private string? _lineRemainder;

    public AmbientConsoleReader(TextReader fallback) => _fallback = fallback;

    public override string? ReadLine()
    {
        var scope = CellScope.Current;
        if (scope is null) return _fallback.ReadLine();
        if (_lineRemainder is not null)
        {
            var rest = _lineRemainder;
            _lineRemainder = null;
            return rest;
        }
        if (!scope.Context.AllowStdin)
        {
            throw new InvalidOperationException("This front end does not accept input: Console.ReadLine() cannot be answered here.");
        }
        var prompt = scope.TakePartialStdoutLine();
        scope.Flush();
        return scope.Context.RequestInputAsync(prompt, false, scope.CancellationToken).GetAwaiter().GetResult();
    }

    public override int Read()
    {
        if (CellScope.Current is null) return _fallback.Read();
        // Character reads consume a requested line followed by its newline.
        _lineRemainder ??= ReadLine() is { } line ? line + "\n" : null;
        if (string.IsNullOrEmpty(_lineRemainder)) { _lineRemainder = null; return -1; }
        var c = _lineRemainder[0];
        _lineRemainder = _lineRemainder.Length > 1 ? _lineRemainder[1..] : null;
        return c;
    }

    public override int Peek()
    {
        if (CellScope.Current is null) return _fallback.Peek();
        return string.IsNullOrEmpty(_lineRemainder) ? -1 : _lineRemainder[0];
    }
}
