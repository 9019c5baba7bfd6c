using System.Globalization;
using CsvHelper;

namespace NeuroRnn.Data.Io;

/// <summary>
/// Writes recordings as CSV in the layouts <see cref="CsvRecordingReader"/> reads. Trial ids come from the trials-table
/// column <c>trial</c> (else 0, 1, …), unit ids from the units-table column <c>unit</c> (else u0, u1, …); missing values
/// are empty fields; numbers use the shortest round-trip form.
/// </summary>
public static class CsvRecordingWriter
{
    /// <summary>
    /// Writes the tidy/long layout <c>trial, time_ms, unit, value</c> plus every other trials-table column (constant within
    /// a trial). Units-table columns other than <c>unit</c> are not written.
    /// </summary>
    public static void WriteLong(Recording recording, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path);
        WriteLong(recording, writer);
    }

    /// <summary>Writes the tidy/long layout to a text writer.</summary>
    public static void WriteLong(Recording recording, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(writer);
        var trialIds = Ids(recording.Trials, "trial", i => i.ToString(CultureInfo.InvariantCulture));
        var unitIds = Ids(recording.Units, "unit", i => "u" + i.ToString(CultureInfo.InvariantCulture));
        var extra = recording.Trials.Columns.Where(c => c.Name != "trial").ToArray();
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (string h in new[] { "trial", "time_ms", "unit", "value" }.Concat(extra.Select(c => c.Name))) csv.WriteField(h);
        csv.NextRecord();
        var time = recording.TimeMs.ToArray();
        for (int k = 0; k < recording.TrialCount; k++)
            for (int t = 0; t < recording.TimeCount; t++)
                for (int u = 0; u < recording.UnitCount; u++)
                {
                    csv.WriteField(trialIds[k]);
                    csv.WriteField(Format(time[t]));
                    csv.WriteField(unitIds[u]);
                    csv.WriteField(Format(recording.Data[recording.Index(u, t, k)]));
                    foreach (var c in extra) csv.WriteField(c.FormatValue(k));
                    csv.NextRecord();
                }
    }

    /// <summary>Writes the wide layout <c>trial, time_ms, &lt;unit…&gt;</c> (one row per trial and time bin).</summary>
    public static void WriteWide(Recording recording, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path);
        WriteWide(recording, writer);
    }

    /// <summary>Writes the wide layout to a text writer.</summary>
    public static void WriteWide(Recording recording, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(writer);
        var trialIds = Ids(recording.Trials, "trial", i => i.ToString(CultureInfo.InvariantCulture));
        var unitIds = Ids(recording.Units, "unit", i => "u" + i.ToString(CultureInfo.InvariantCulture));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteField("trial");
        csv.WriteField("time_ms");
        foreach (string u in unitIds) csv.WriteField(u);
        csv.NextRecord();
        var time = recording.TimeMs.ToArray();
        for (int k = 0; k < recording.TrialCount; k++)
            for (int t = 0; t < recording.TimeCount; t++)
            {
                csv.WriteField(trialIds[k]);
                csv.WriteField(Format(time[t]));
                for (int u = 0; u < recording.UnitCount; u++) csv.WriteField(Format(recording.Data[recording.Index(u, t, k)]));
                csv.NextRecord();
            }
    }

    private static string[] Ids(ColumnTable table, string column, Func<int, string> fallback)
    {
        var ids = new string[table.RowCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = table.Contains(column) && !table[column].IsMissing(i) ? table[column].FormatValue(i) : fallback(i);
            if (!seen.Add(ids[i])) throw new ArgumentException($"The {column} id '{ids[i]}' appears twice; CSV layouts need unique ids.", nameof(table));
        }
        return ids;
    }

    private static string Format(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
