using NeuroRnn.Data;
using NeuroRnn.Data.Mat;

namespace NeuroRnn.Tests.Data.Octave;

/// <summary>
/// Cross-reader tests on material NeuroRnn did not shape: MAT v5 files saved by GNU Octave, uncompressed (-v6) and
/// compressed (-v7), read by NeuroRnn's reader and compared value for value with what Octave printed.
/// </summary>
public class OctaveMatReaderTests
{
    public static TheoryData<string> Files => new() { "octave-v6.mat", "octave-v7.mat" };

    private static void BitExact(double[] expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, Octave wrote {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{what}[{i}]: read {actual[i]:R}, Octave wrote {expected[i]:R}");
    }

    [Theory, MemberData(nameof(Files))]
    public void Doubles_and_singles_read_bit_exact_with_their_shapes(string file)
    {
        var mat = MatFileReader.Read(OctaveMatFiles.Path(file));
        Assert.StartsWith("MATLAB 5.0 MAT-file, written by Octave", mat.HeaderText);
        Assert.Empty(mat.Warnings);
        var rates = (MatNumericArray)mat["rates"];
        Assert.Equal(new[] { 4, 5, 6 }, rates.Dimensions);
        BitExact(OctaveMatFiles.Expected("rates"), rates.Real, "rates");
        // Subnormals, eps, a huge value and negative zero survive unchanged.
        BitExact(OctaveMatFiles.Expected("tiny"), ((MatNumericArray)mat["tiny"]).Real, "tiny");
        var single = (MatNumericArray)mat["s"];
        Assert.Equal(MatClass.Single, single.Class);
        Assert.Equal(new[] { 3, 4 }, single.Dimensions);
        BitExact(OctaveMatFiles.Expected("s"), single.Real, "s");
    }

    [Theory, MemberData(nameof(Files))]
    public void Integer_classes_keep_their_class_and_extreme_values(string file)
    {
        var mat = MatFileReader.Read(OctaveMatFiles.Path(file));
        void Check(string name, MatClass cls, double[] values)
        {
            var a = (MatNumericArray)mat[name];
            Assert.Equal(cls, a.Class);
            Assert.Equal(values, a.ToColumnMajorArray());
        }
        Check("i8", MatClass.Int8, [-128, -1, 0, 1, 127]);
        Check("i16", MatClass.Int16, [-32768, -1, 0, 1, 32767]);
        Check("u16", MatClass.UInt16, [0, 1, 65535]);
        Check("i32", MatClass.Int32, [-2147483648, 0, 2147483647]);
        Check("u8", MatClass.UInt8, [0, 51, 102, 153, 204, 255]);
        Check("i64", MatClass.Int64, OctaveMatFiles.Expected("i64"));
    }

    [Theory, MemberData(nameof(Files))]
    public void Logical_char_empty_complex_and_sparse_arrays(string file)
    {
        var mat = MatFileReader.Read(OctaveMatFiles.Path(file));
        var flags = (MatNumericArray)mat["flags"];
        Assert.True(flags.IsLogical);
        Assert.Equal(new[] { 2, 3 }, flags.Dimensions);
        Assert.Equal(new double[] { 1, 0, 0, 1, 1, 0 }, flags.ToColumnMajorArray());
        Assert.Equal("V1 gratings", ((MatCharArray)mat["label"]).Text);
        Assert.Equal(new[] { "abc", "xyz" }, ((MatCharArray)mat["names"]).Rows);
        Assert.Equal(new[] { 0, 3 }, mat["empty"].Dimensions);
        var z = (MatNumericArray)mat["z"];
        Assert.Equal(new double[] { 1, 2 }, z.Real.ToArray());
        Assert.Equal(new double[] { 3, -4 }, z.Imaginary.ToArray());
        var sp = (MatNumericArray)mat["sp"];
        Assert.True(sp.WasSparse);
        Assert.Equal(new[] { 3, 3 }, sp.Dimensions);
        Assert.Equal(5, sp.GetValue(0, 1));
        Assert.Equal(7, sp.GetValue(2, 1));
        Assert.Equal(12, sp.ToColumnMajorArray().Sum());
    }

    [Theory, MemberData(nameof(Files))]
    public void Nested_structs_cells_and_struct_arrays(string file)
    {
        var mat = MatFileReader.Read(OctaveMatFiles.Path(file));
        var meta = (MatStructArray)mat["meta"];
        Assert.Equal("mouse-3", ((MatCharArray)meta["session"]).Text);
        var rig = (MatStructArray)meta["rig"];
        Assert.Equal(1000, ((MatNumericArray)rig["sampling_hz"]).Scalar);
        Assert.Equal(new[] { 1.5, 2.5 }, ((MatNumericArray)rig["gain"]).ToColumnMajorArray());
        var c = (MatCellArray)mat["c"];
        Assert.Equal(new[] { 1, 3 }, c.Dimensions);
        Assert.Equal(new double[] { 1, 2, 3 }, ((MatNumericArray)c[0]).ToColumnMajorArray());
        Assert.Equal("text", ((MatCharArray)c[1]).Text);
        var inner = (MatNumericArray)((MatCellArray)c[2])[0];
        Assert.Equal(MatClass.Int8, inner.Class);
        Assert.Equal(-4, inner.Scalar);
        var sa = (MatStructArray)mat["sa"];
        Assert.Equal(new[] { 1, 3 }, sa.Dimensions);
        Assert.Equal(new[] { "a", "bb", "ccc" }, Enumerable.Range(0, 3).Select(i => ((MatCharArray)sa.Get(i, "tag")).Text));
        Assert.Equal(new double[] { 1, 2, 3 }, Enumerable.Range(0, 3).Select(i => ((MatNumericArray)sa.Get(i, "id")).Scalar));
    }

    [Theory, MemberData(nameof(Files))]
    public void An_octave_recording_opens_through_the_front_door_with_its_trial_table(string file)
    {
        string path = OctaveMatFiles.Path(file);
        var recording = Recording.Read(path);
        Assert.Equal(4, recording.UnitCount);
        Assert.Equal(25, recording.TimeCount);
        Assert.Equal(6, recording.TrialCount);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => -100 + 10.0 * i), recording.GetTimeMs());
        Assert.Equal(new double[] { 0, 45, 90, 135, 0, 45 }, recording.Trials.GetDoubles("orientation"));
        Assert.Equal(new double[] { 1, 1, 0.5, 0.5, 1, 0.25 }, recording.Trials.GetDoubles("contrast"));
        Assert.Equal(new double[] { 11, 12, 13, 14 }, recording.Units.GetDoubles("id"));
        Assert.Equal(new[] { "V1", "V1", "LM", "AL" }, recording.Units.GetStrings("area"));
        // Octave's column-major units × time × trials, element by element.
        var expected = OctaveMatFiles.Expected("data");
        for (int trial = 0; trial < 6; trial++)
        for (int t = 0; t < 25; t++)
        for (int unit = 0; unit < 4; unit++)
            Assert.Equal(expected[unit + 4 * (t + 25 * trial)], recording[unit, t, trial]);
    }

    [Fact]
    public void Reading_never_modifies_the_file()
    {
        string path = OctaveMatFiles.Path("octave-v7.mat");
        byte[] before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        _ = Recording.Read(path);
        _ = MatFileReader.Read(path);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }
}
