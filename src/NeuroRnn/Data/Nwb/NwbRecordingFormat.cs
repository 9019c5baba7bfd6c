using System.Text;
using NeuroRnn.Data.Hdf5;
using PureHDF;

namespace NeuroRnn.Data.Formats;

/// <summary>
/// NWB 2.x files (Neurodata Without Borders, HDF5): the <c>/units</c> table (spike times with
/// <c>spike_times_index</c>, per-unit columns, electrodes resolved to the electrodes table) binned around the events of a
/// trials or stimulus-intervals table (<c>/intervals/trials</c> by default); or a TimeSeries / ElectricalSeries from
/// <c>/acquisition</c> or <c>/processing/&lt;module&gt;</c> (<c>data</c> with <c>timestamps</c> or
/// <c>starting_time</c> + <c>rate</c>; <c>conversion</c> applied) — cut into trials and averaged per bin when there is a
/// trials table, continuous (one trial) otherwise. NWB times are seconds; the recording's are ms. Missing optional parts
/// (trials table, electrodes table, ids) are read around with a warning naming the file and group.
/// </summary>
internal sealed class NwbRecordingFormat : IRecordingFormat
{
    public string Name => "nwb";
    public string Description => "Neurodata Without Borders 2.x (HDF5)";
    public IReadOnlyList<string> Extensions { get; } = [".nwb", ".h5", ".hdf5"];

    public bool Sniff(ReadOnlySpan<byte> head) => head.StartsWith(Hdf5Source.Signature);

    public Recording Read(string path, RecordingReadOptions options, IList<string> warnings)
    {
        using var h5 = Hdf5Source.Open(path);
        return new NwbReader(h5, options, warnings).Read();
    }

    public string Describe(string path, RecordingReadOptions options)
    {
        var sb = new StringBuilder();
        using (var h5 = Hdf5Source.Open(path))
        {
            string? version = h5.StringAttribute(h5.Root, "/", "nwb_version");
            sb.AppendLine($"  NWB version: {version ?? "(none: not an NWB file?)"}");
            foreach (var line in NwbReader.Listing(h5)) sb.AppendLine("  " + line);
        }
        var warnings = new List<string>();
        try
        {
            using var h5 = Hdf5Source.Open(path);
            sb.Append(new NwbReader(h5, options, warnings).Read().Summary());
            foreach (var w in warnings) sb.AppendLine().Append("  warning: " + w);
        }
        catch (RecordingFormatException e)
        {
            sb.Append($"  (not readable as a recording with these options: {e.Problem})");
        }
        return sb.ToString().TrimEnd();
    }
}
