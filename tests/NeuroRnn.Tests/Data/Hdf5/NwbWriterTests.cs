using System.Diagnostics;
using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Data.Nwb;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Data.Hdf5;

/// <summary>NWB files written by the toolkit: read back by h5py (another implementation) and by the front door.</summary>
public class NwbWriterTests
{
    [Fact]
    public void Written_nwb_reads_back_in_h5py_and_through_the_front_door()
    {
        var counts = V1GratingGenerator.Generate(new V1GratingOptions { Units = 6, Directions = 4, TrialsPerDirection = 3, Seed = 21 });
        string path = TestData.TempFile(".nwb");
        var spikes = NwbWriter.WriteCounts(path, counts, trialPeriodMs: 2500, seed: 3);

        // h5py: the spike times (s) and index exactly as written, the tables' columns present.
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import h5py,sys; f=h5py.File(sys.argv[1],'r'); u=f['units']; print(repr(float(u['spike_times'][...].sum())), int(u['spike_times_index'][-1]), f.attrs['nwb_version'], ','.join(sorted(f['intervals/trials'].keys())), u['unit'][0].decode())");
        start.ArgumentList.Add(path);
        using var python = Process.Start(start)!;
        string text = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, python.StandardError.ReadToEnd());
        var parts = text.Split(' ');
        var written = spikes.SpikeTimesMs.SelectMany(t => t).Select(ms => ms / 1000).ToArray();
        double sum = 0;
        foreach (double s in written) sum += s; // numpy sums pairwise; compare to rounding, the values themselves are checked below
        Assert.Equal(sum, double.Parse(parts[0], CultureInfo.InvariantCulture), 6);
        Assert.Equal(written.Length, int.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.Equal("2.7.0", parts[2]);
        Assert.Contains("direction_deg", parts[3]);
        Assert.Contains("start_time", parts[3]);
        Assert.Equal(counts.Units.GetStrings("unit")[0], parts[4]);

        // The front door bins the trains back into the recording's counts.
        var read = Recording.Read(path, new RecordingReadOptions
        {
            Columns = new() { AlignTo = "stim_on_time" },
            Binning = new SpikeBinningOptions { WindowStartMs = counts.TimeMs[0] - 5, WindowEndMs = counts.TimeMs[^1] + 5, BinMs = 10 },
        });
        Assert.Equal("nwb", read.Provenance!.Reader);
        Assert.Equal(counts.Data.ToArray(), read.Data.ToArray());
        Assert.Equal(counts.Trials.GetDoubles("direction_deg"), read.Trials.GetDoubles("direction_deg"));
        Assert.Equal(counts.Units.GetDoubles("pref_orientation_deg"), read.Units.GetDoubles("pref_orientation_deg"));
    }
}
