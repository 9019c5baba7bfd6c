using Deedle;
using NeuroRnn.Data;

namespace NeuroRnn.Interop.Deedle;

/// <summary>
/// A recording's trials and units tables as Deedle frames (rows keyed by trial or unit index), and frames back into a
/// recording. The recording itself is never modified: the <c>With…Frame</c> methods return a new recording.
/// </summary>
public static class RecordingFrames
{
    /// <summary>The trials table as a frame: one row per trial, keyed by trial index 0 … TrialCount−1.</summary>
    public static Frame<int, string> TrialsFrame(this Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return ColumnTableFrames.ToFrame(recording.Trials);
    }

    /// <summary>The units table as a frame: one row per unit, keyed by unit index 0 … UnitCount−1.</summary>
    public static Frame<int, string> UnitsFrame(this Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return ColumnTableFrames.ToFrame(recording.Units);
    }

    /// <summary>
    /// A new recording whose trials table is <paramref name="frame"/>: row key <c>k</c> describes trial <c>k</c>, so
    /// a frame that was sorted or had columns added in Deedle lines up again. Every trial needs exactly one row.
    /// </summary>
    /// <exception cref="ArgumentException">A trial has no row, a row key is outside 0 … TrialCount−1 or repeated, or a
    /// column cannot be stored (see <see cref="ColumnTableFrames.ToColumnTable{TRowKey, TColumnKey}"/>).</exception>
    public static Recording WithTrialsFrame(this Recording recording, Frame<int, string> frame)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(frame);
        return recording.WithTrials(InIndexOrder(frame, recording.TrialCount, "trial"));
    }

    /// <summary>A new recording whose units table is <paramref name="frame"/> (row key <c>u</c> describes unit <c>u</c>).</summary>
    /// <exception cref="ArgumentException">As for <see cref="WithTrialsFrame"/>, for units.</exception>
    public static Recording WithUnitsFrame(this Recording recording, Frame<int, string> frame)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(frame);
        return recording.WithUnits(InIndexOrder(frame, recording.UnitCount, "unit"));
    }

    /// <summary>The frame's rows as a table in key order 0 … count−1.</summary>
    private static ColumnTable InIndexOrder(Frame<int, string> frame, int count, string what)
    {
        var table = ColumnTableFrames.ToColumnTable(frame);
        var rowOf = new int[count];
        Array.Fill(rowOf, -1);
        int position = 0;
        foreach (int key in frame.RowKeys)
        {
            if ((uint)key >= (uint)count)
                throw new ArgumentException($"The frame has a row keyed {key}, but the recording's {what}s are numbered 0 … {count - 1}.", "frame");
            if (rowOf[key] >= 0)
                throw new ArgumentException($"The frame has two rows keyed {key}; each {what} needs exactly one row.", "frame");
            rowOf[key] = position++;
        }
        int missing = Array.IndexOf(rowOf, -1);
        if (missing >= 0)
            throw new ArgumentException($"The frame has {frame.RowCount} rows and none for {what} {missing}; each of the recording's {count} {what}s needs a row (fill missing values instead of dropping rows).", "frame");
        return table.Take(rowOf);
    }
}
