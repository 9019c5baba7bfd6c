using NeuroRnn.Data;
using NeuroRnn.Data.Io;

namespace NeuroRnn.Tests.Data;

public class CsvTests
{
    private static Recording WithFractions()
    {
        var r = TestData.Small();
        var values = r.Data.ToArray().Select((v, i) => i == 5 ? double.NaN : v / 7.0).ToArray();
        return r.WithData(values, RecordingValueKind.Other);
    }

    [Fact]
    public void Long_csv_round_trips_values_time_and_trial_columns()
    {
        var r = WithFractions();
        var writer = new StringWriter();
        CsvRecordingWriter.WriteLong(r, writer);
        var text = writer.ToString();
        Assert.StartsWith("trial,time_ms,unit,value,orientation,context,rt", text);
        var back = CsvRecordingReader.ReadLong(new StringReader(text), "long.csv");
        Assert.Equal(r.ToFlatArray(), back.ToFlatArray());
        Assert.Equal(r.GetTimeMs(), back.GetTimeMs());
        Assert.True(r.Trials.ContentEquals(back.Trials));
        Assert.Equal(r.Units.GetStrings("unit"), back.Units.GetStrings("unit"));
    }

    [Fact]
    public void Wide_csv_round_trips_through_a_file()
    {
        var r = WithFractions();
        string path = TestData.TempFile(".csv");
        try
        {
            CsvRecordingWriter.WriteWide(r, path);
            Assert.StartsWith("trial,time_ms,n0,n1,n2", File.ReadAllText(path));
            var back = CsvRecordingReader.ReadWide(path);
            Assert.Equal(r.ToFlatArray(), back.ToFlatArray());
            Assert.Equal(r.Trials.GetDoubles("trial"), back.Trials.GetDoubles("trial"));
            Assert.Equal(new[] { "n0", "n1", "n2" }, back.Units.GetStrings("unit"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Missing_combinations_become_NaN_and_rows_may_come_in_any_order()
    {
        const string csv = "trial,time_ms,unit,value,stim\nB,20,x,2,left\nA,10,x,1,right\nA,20,y,3,right\n";
        var r = CsvRecordingReader.ReadLong(new StringReader(csv), "t.csv");
        Assert.Equal(new[] { "B", "A" }, r.Trials.GetStrings("trial"));
        Assert.Equal(new double[] { 10, 20 }, r.GetTimeMs());
        Assert.Equal(2, r[0, 1, 0]);
        Assert.True(double.IsNaN(r[0, 0, 0]));
        Assert.Equal(3, r[1, 1, 1]);
        Assert.Equal(new[] { "left", "right" }, r.Trials.GetStrings("stim"));
    }

    [Theory]
    [InlineData("trial,time_ms,unit\n1,2,3\n", "no column 'value'")]
    [InlineData("trial,time_ms,unit,value\n1,abc,u,3\n", "line 2, column 'time_ms'")]
    [InlineData("trial,time_ms,unit,value\n1,10,u,3\n1,10,u,4\n", "a second value")]
    [InlineData("trial,time_ms,unit,value,stim\n1,10,u,3,a\n1,20,u,4,b\n", "changes within trial")]
    [InlineData("trial,time_ms,unit,value\n1,10,u\n", "3 fields but the header has 4")]
    [InlineData("", "empty")]
    [InlineData("trial,time_ms,unit,value\n1,10,\"u,3\n", "line")]
    [InlineData("trial,trial,unit,value\n", "twice")]
    public void Malformed_long_csv_names_line_and_column(string text, string expected)
    {
        var e = Assert.Throws<RecordingFormatException>(() => CsvRecordingReader.ReadLong(new StringReader(text), "bad.csv"));
        Assert.Contains(expected, e.Message);
        Assert.Equal("bad.csv", e.FilePath);
    }

    [Fact]
    public void Inconsistent_ids_do_not_allocate_a_huge_frame()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"t{i},{i},u{i},1"));
        var e = Assert.Throws<RecordingFormatException>(() => CsvRecordingReader.ReadLong(new StringReader("trial,time_ms,unit,value\n" + rows), "sparse.csv"));
        Assert.Contains("inconsistent", e.Message);
    }

    [Fact]
    public void Spike_times_and_trials_csv_are_binned()
    {
        const string spikes = "unit,time_ms\na,1005\na,1015\na,1019.9\nb,2000\na,3000\nb,995\n";
        const string trials = "trial,onset_ms,orientation\n1,1000,0\n2,2000,90\n";
        var r = CsvRecordingReader.ReadSpikes(new StringReader(spikes), "s.csv", new StringReader(trials), "t.csv",
            new SpikeBinningOptions { WindowStartMs = -10, WindowEndMs = 30, BinMs = 10 });
        Assert.Equal(new double[] { -5, 5, 15, 25 }, r.GetTimeMs());
        Assert.Equal(new[] { "a", "b" }, r.Units.GetStrings("unit"));
        Assert.Equal(new double[] { 0, 90 }, r.Trials.GetDoubles("orientation"));
        Assert.Equal(1, r[0, 1, 0]); // 1005
        Assert.Equal(2, r[0, 2, 0]); // 1015, 1019.9
        Assert.Equal(1, r[1, 0, 0]); // 995
        Assert.Equal(1, r[1, 1, 1]); // 2000 → bin [2000, 2010)
        Assert.Equal(5, r.Data.ToArray().Sum());
        Assert.Equal(RecordingValueKind.Counts, r.ValueKind);
    }
}
