using System.Text;
using System.Text.RegularExpressions;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>One cell of the history: its session, its execution count (the line number) and its input and output.</summary>
/// <param name="Session">The session number (this kernel's run).</param>
/// <param name="Line">The cell's execution count.</param>
/// <param name="Input">The cell's code as sent.</param>
/// <param name="Output">The text/plain of its execute_result, or null when it had none.</param>
internal sealed record HistoryEntry(int Session, int Line, string Input, string? Output);

/// <summary>
/// The inputs (and text results) of the cells run with store_history in this kernel session, for history_request
/// with the three access types of the protocol: the last n cells ("tail"), a range of execution counts in a session
/// ("range") and a glob search over inputs ("search", with IPython's pattern rules). Thread-safe.
/// </summary>
internal sealed class ExecutionHistory
{
    private readonly List<HistoryEntry> _entries = [];
    private readonly object _gate = new();

    /// <summary>Creates the history of session <paramref name="session"/> (1 unless histories are kept across runs).</summary>
    public ExecutionHistory(int session = 1) => Session = session;

    /// <summary>The current session's number; requests may name it as 0 or a negative offset from it.</summary>
    public int Session { get; }

    /// <summary>Records a cell run with store_history.</summary>
    public void Record(int line, string input, string? output)
    {
        lock (_gate)
        {
            _entries.Add(new HistoryEntry(Session, line, input, output));
        }
    }

    /// <summary>The last <paramref name="count"/> cells, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int count)
    {
        lock (_gate)
        {
            return count <= 0 ? [] : _entries.Skip(Math.Max(0, _entries.Count - count)).ToArray();
        }
    }

    /// <summary>
    /// Cells of <paramref name="session"/> (0 or a negative number: relative to the current one) with
    /// <paramref name="start"/> ≤ line &lt; <paramref name="stop"/> (null: to the end), as IPython's get_range.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int? stop)
    {
        var absolute = session <= 0 ? Session + session : session;
        lock (_gate)
        {
            return _entries.Where(e => e.Session == absolute && e.Line >= start && (stop is null || e.Line < stop)).ToArray();
        }
    }

    /// <summary>
    /// Cells whose input matches the glob <paramref name="pattern"/> (<c>*</c>, <c>?</c>, <c>[...]</c>, matched against
    /// the whole input as SQLite's GLOB does), oldest first; with <paramref name="unique"/> only the latest of equal
    /// inputs; with <paramref name="count"/> only the last that many matches.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? count, bool unique)
    {
        var regex = GlobToRegex(pattern);
        List<HistoryEntry> matches;
        lock (_gate)
        {
            matches = _entries.Where(e => regex.IsMatch(e.Input)).ToList();
        }

        if (unique)
        {
            var latest = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < matches.Count; i++)
            {
                latest[matches[i].Input] = i;
            }

            matches = matches.Where((e, i) => latest[e.Input] == i).ToList();
        }

        return count is { } n && n >= 0 && matches.Count > n ? matches.GetRange(matches.Count - n, n) : matches;
    }

    /// <summary>A glob as a whole-text, case-sensitive regular expression (SQLite GLOB semantics).</summary>
    public static Regex GlobToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    var negated = set.StartsWith('^');
                    if (negated)
                    {
                        set = set[1..];
                    }

                    regex.Append('[').Append(negated ? "^" : "").Append(set.Replace(@"\", @"\\").Replace("[", @"\[")).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
