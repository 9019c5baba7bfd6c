namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Maps cursor offsets between a cell as typed and its code as <see cref="CellParser"/> hands it to an engine
/// (line endings normalised to '\n', directive lines blanked but kept as lines), by line and column.
/// </summary>
internal static class CellPositions
{
    /// <summary>The offset in <paramref name="code"/> for offset <paramref name="offset"/> of <paramref name="cell"/>, or null when the cursor is on a line the engine does not see.</summary>
    public static int? ToCode(string cell, string code, int offset)
    {
        var (line, column) = LineColumn(cell, offset);
        var codeLines = code.Split('\n');
        if (line >= codeLines.Length)
        {
            return null;
        }

        var cellLine = Lines(cell)[line];
        if (codeLines[line].Length == 0 && cellLine.Trim().Length > 0)
        {
            return null; // a directive line, blanked for the engine
        }

        return StartOf(codeLines, line) + Math.Min(column, codeLines[line].Length);
    }

    /// <summary>The offset in <paramref name="cell"/> for offset <paramref name="offset"/> of <paramref name="code"/>.</summary>
    public static int ToCell(string cell, string code, int offset)
    {
        var (line, column) = LineColumn(code, offset);
        var cellLines = Lines(cell);
        if (line >= cellLines.Length)
        {
            return cell.Length;
        }

        // Count the original line breaks ("\r\n" is two characters) up to that line.
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            start = cell.IndexOf('\n', start) + 1;
        }

        return Math.Min(start + column, cell.Length);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static int StartOf(string[] lines, int line)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            start += lines[i].Length + 1;
        }

        return start;
    }

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // A "\r" before the cursor on its line is not part of the column.
        var column = offset - lineStart;
        return (line, column);
    }
}
