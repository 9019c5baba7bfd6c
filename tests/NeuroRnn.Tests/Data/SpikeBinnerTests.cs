using NeuroRnn.Data;

namespace NeuroRnn.Tests.Data;

public class SpikeBinnerTests
{
    [Fact]
    public void Bins_are_closed_left_open_right_and_outside_spikes_are_dropped()
    {
        var spikes = new[] { new double[] { 90, 100, 109.999, 110, 130, 140, 500 } };
        var r = SpikeBinner.Bin(spikes, new double[] { 100, double.NaN }, new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 40, BinMs = 10 });
        Assert.Equal(new double[] { 2, 1, 0, 1 }, Enumerable.Range(0, 4).Select(t => r[0, t, 0]));
        Assert.True(double.IsNaN(r[0, 0, 1]));
        Assert.Equal(new double[] { 5, 15, 25, 35 }, r.GetTimeMs());
    }

    [Fact]
    public void Input_spike_arrays_are_not_modified_and_options_are_validated()
    {
        var train = new double[] { 30, 10, 20 };
        SpikeBinner.Bin(new[] { train }, new double[] { 0 }, new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 50, BinMs = 10 });
        Assert.Equal(new double[] { 30, 10, 20 }, train);
        Assert.Throws<ArgumentException>(() => SpikeBinner.Bin(new[] { train }, new double[] { 0 }, new SpikeBinningOptions { BinMs = 0 }));
        Assert.Throws<ArgumentException>(() => SpikeBinner.Bin(new[] { train }, new double[] { 0 }, new SpikeBinningOptions { WindowStartMs = 5, WindowEndMs = 5 }));
        Assert.Throws<ArgumentException>(() => SpikeBinner.Bin(new[] { train }, new double[] { 0 }, trials: Recording.DefaultTrials(2)));
    }
}
