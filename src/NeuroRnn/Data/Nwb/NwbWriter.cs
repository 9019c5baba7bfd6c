using System.Globalization;
using NeuroRnn.Data.Io;
using PureHDF;

namespace NeuroRnn.Data.Nwb;

/// <summary>
/// Writes spike trains as an NWB 2.x file (through PureHDF; readable by h5py/pynwb-style readers and by
/// <see cref="Recording.Read(string, RecordingReadOptions?)"/>): the required root fields, <c>/units</c> (spike_times in
/// seconds with spike_times_index, id, and every units-table column) and <c>/intervals/trials</c> (start_time and
/// stop_time bounding each trial's bins, <c>stim_on_time</c> = each trial's time 0, and every trials-table column). Useful to hand simulated or converted data to NWB tools and for tutorials.
/// </summary>
public static class NwbWriter
{
    /// <summary>Writes <paramref name="spikes"/> with the units and trials tables of <paramref name="source"/>.</summary>
    /// <param name="path">The file to create (overwritten).</param>
    /// <param name="spikes">Spike trains on the session clock and each trial's time 0 (start_time).</param>
    /// <param name="source">The recording whose units and trials tables describe the trains and trials (same counts).</param>
    /// <param name="description">The session description.</param>
    /// <exception cref="ArgumentException">The tables do not match the trains or trials.</exception>
    public static void Write(string path, SessionSpikes spikes, Recording source, string description = "written by NeuroRnn")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentNullException.ThrowIfNull(source);
        if (spikes.SpikeTimesMs.Length != source.UnitCount) throw new ArgumentException($"{spikes.SpikeTimesMs.Length} spike trains but {source.UnitCount} units.", nameof(spikes));
        if (spikes.OnsetsMs.Length != source.TrialCount) throw new ArgumentException($"{spikes.OnsetsMs.Length} trials but the trials table has {source.TrialCount}.", nameof(spikes));
        var units = new H5Group { Attributes = Table("Units", "spike_times", source.Units) };
        units["spike_times"] = spikes.SpikeTimesMs.SelectMany(t => t).Select(ms => ms / 1000).ToArray();
        long end = 0;
        units["spike_times_index"] = spikes.SpikeTimesMs.Select(t => (ulong)(end += t.Length)).ToArray();
        units["id"] = Enumerable.Range(0, source.UnitCount).Select(i => (long)i).ToArray();
        AddColumns(units, source.Units);
        var trials = new H5Group { Attributes = Table("TimeIntervals", "start_time", source.Trials, "stop_time", "stim_on_time") };
        trials["start_time"] = spikes.OnsetsMs.Select(ms => (ms + spikes.TrialStartMs) / 1000).ToArray();
        trials["stop_time"] = spikes.OnsetsMs.Select(ms => (ms + spikes.TrialStartMs + spikes.TrialDurationMs) / 1000).ToArray();
        trials["stim_on_time"] = spikes.OnsetsMs.Select(ms => ms / 1000).ToArray();
        trials["id"] = Enumerable.Range(0, source.TrialCount).Select(i => (long)i).ToArray();
        AddColumns(trials, source.Trials);
        string now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var file = new H5File
        {
            Attributes = new() { ["nwb_version"] = "2.7.0", ["namespace"] = "core", ["neurodata_type"] = "NWBFile" },
            ["identifier"] = "neurornn-" + Guid.NewGuid().ToString("N"),
            ["session_description"] = description,
            ["session_start_time"] = now,
            ["timestamps_reference_time"] = now,
            ["file_create_date"] = new[] { now },
            ["acquisition"] = new H5Group(),
            ["analysis"] = new H5Group(),
            ["processing"] = new H5Group(),
            ["stimulus"] = new H5Group { ["presentation"] = new H5Group(), ["templates"] = new H5Group() },
            ["general"] = new H5Group(),
            ["units"] = units,
            ["intervals"] = new H5Group { ["trials"] = trials },
        };
        file.Write(path);
    }

    /// <summary>
    /// Writes a recording of spike counts as spike trains (see <see cref="SessionSpikes.FromCounts"/>) with its tables.
    /// Reading the file back aligned to <c>stim_on_time</c> with the recording's window and bin width gives the counts.
    /// </summary>
    /// <exception cref="ArgumentException">The values are not counts or the period is shorter than a trial.</exception>
    public static SessionSpikes WriteCounts(string path, Recording counts, double trialPeriodMs = 3000, ulong seed = 1)
    {
        var spikes = SessionSpikes.FromCounts(counts, trialPeriodMs, seed);
        Write(path, spikes, counts);
        return spikes;
    }

    private static Dictionary<string, object> Table(string type, string first, ColumnTable table, params string[] more) => new()
    {
        ["neurodata_type"] = type,
        ["namespace"] = "core",
        ["description"] = type == "Units" ? "units" : "trials",
        ["colnames"] = new[] { first }.Concat(more).Concat(table.Columns.Select(c => c.Name)).ToArray(),
    };

    private static void AddColumns(H5Group group, ColumnTable table)
    {
        foreach (var column in table.Columns)
        {
            if (group.ContainsKey(column.Name)) continue;
            group[column.Name] = column switch
            {
                DoubleColumn d => d.ToArray(),
                StringColumn s => s.ToArray().Select(v => v ?? "").ToArray(),
                _ => throw new ArgumentException($"Column '{column.Name}' has an unsupported type."),
            };
        }
    }
}
