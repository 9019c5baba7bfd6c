using System.IO.Compression;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;

namespace NeuroRnn.Tests.Data;

public class NpzTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recording_round_trips_through_npz(bool compress)
    {
        var r = TestData.Small();
        string path = TestData.TempFile(".npz");
        try
        {
            RecordingNpz.Write(r, path, new RecordingNpzWriteOptions { Compress = compress });
            var back = RecordingNpz.Read(path);
            Assert.True(back.ContentEquals(r));
            Assert.Equal("small", back.Name);
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(new[] { "data.npy", "time_ms.npy", "meta/name.npy", "meta/value_kind.npy", "trial/trial.npy", "trial/orientation.npy",
                "trial/context.npy", "trial/rt.npy", "unit/unit.npy", "unit/cell_type.npy", "unit/depth_um.npy" }, zip.Entries.Select(e => e.FullName));
            if (!compress) Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Data_type_is_the_smallest_exact_one()
    {
        var counts = TestData.Small();
        Assert.Equal(NpyElementType.UInt8, RecordingNpz.ToNpz(counts)["data"].ElementType); // values up to 235
        var larger = counts.WithData(counts.Data.ToArray().Select(v => v * 10).ToArray());
        Assert.Equal(NpyElementType.UInt16, RecordingNpz.ToNpz(larger)["data"].ElementType);
        var smooth = counts.Smooth(10);
        Assert.Equal(NpyElementType.Float64, RecordingNpz.ToNpz(smooth)["data"].ElementType);
        var negative = counts.WithData(counts.Data.ToArray().Select(v => -v - 1).ToArray());
        Assert.Equal(NpyElementType.Int16, RecordingNpz.ToNpz(negative)["data"].ElementType);
        var withNan = counts.WithData(counts.Data.ToArray().Select((v, i) => i == 3 ? double.NaN : v).ToArray());
        Assert.Equal(NpyElementType.Float64, RecordingNpz.ToNpz(withNan)["data"].ElementType);
        Assert.True(RecordingNpz.FromNpz(RecordingNpz.ToNpz(withNan), "x").ContentEquals(withNan));
    }

    [Fact]
    public void Generic_npz_arrays_keep_order_names_and_types()
    {
        var npz = new NpzFile(new KeyValuePair<string, NpyArray>[]
        {
            new("b", NpyArray.FromSingles(new[] { 1f, 2f }, 1, 2)),
            new("a", new NpyArray(NpyElementType.Int64, new[] { 2 }, new long[] { -1, long.MaxValue })),
        });
        var stream = new MemoryStream();
        npz.Write(stream);
        stream.Position = 0;
        var back = NpzFile.Read(stream, "(memory)");
        Assert.Equal(new[] { "b", "a" }, back.Names);
        Assert.Equal(new[] { 1, 2 }, back["b"].Shape);
        Assert.Equal(new long[] { -1, long.MaxValue }, (long[])back["a"].Data);
        Assert.Throws<KeyNotFoundException>(() => back["c"]);
    }

    [Fact]
    public void Layout_violations_name_the_member()
    {
        var good = RecordingNpz.ToNpz(TestData.Small());
        NpzFile Replace(string name, NpyArray array) => new(good.Arrays.Select(a => a.Key == name ? new KeyValuePair<string, NpyArray>(name, array) : a));
        var e = Assert.Throws<RecordingFormatException>(() => RecordingNpz.FromNpz(Replace("trial/rt", NpyArray.FromDoubles(new double[5])), "f.npz"));
        Assert.Equal("member 'trial/rt'", e.Position);
        e = Assert.Throws<RecordingFormatException>(() => RecordingNpz.FromNpz(Replace("data", NpyArray.FromDoubles(new double[4], 2, 2)), "f.npz"));
        Assert.Contains("3 dimensions", e.Message);
        e = Assert.Throws<RecordingFormatException>(() => RecordingNpz.FromNpz(new NpzFile(good.Arrays.Where(a => a.Key != "time_ms")), "f.npz"));
        Assert.Contains("time_ms", e.Message);
        e = Assert.Throws<RecordingFormatException>(() => RecordingNpz.FromNpz(Replace("meta/value_kind", NpyArray.FromStrings(new[] { "Bogus" })), "f.npz"));
        Assert.Contains("Bogus", e.Message);
    }

    [Fact]
    public void Not_a_zip_gives_a_format_exception()
    {
        var e = Assert.Throws<RecordingFormatException>(() => NpzFile.Read(new MemoryStream(new byte[100]), "junk.npz"));
        Assert.Equal("junk.npz", e.FilePath);
    }
}
