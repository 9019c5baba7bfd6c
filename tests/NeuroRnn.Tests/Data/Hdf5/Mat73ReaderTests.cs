using NeuroRnn.Data;
using NeuroRnn.Data.Mat;

namespace NeuroRnn.Tests.Data.Hdf5;

/// <summary>MAT v7.3 files in MATLAB's layout (written by h5py), read into the MAT model and into recordings.</summary>
public class Mat73ReaderTests
{
    private static string File73 => Hdf5TestFiles.Path("v73.mat");

    [Fact]
    public void Arrays_read_bit_exact_in_matlab_order()
    {
        var mat = MatFileReader.Read(File73);
        Assert.StartsWith("MATLAB 7.3 MAT-file", mat.HeaderText);
        foreach (var name in new[] { "data", "big" })
        {
            var array = (MatNumericArray)mat[name];
            var expected = Hdf5TestFiles.Expected("v73.mat", name); // numpy C order over MATLAB's dimensions
            Assert.Equal(expected.Shape, array.Dimensions);
            var rowMajor = array.ToRowMajorArray();
            var want = expected.ToDoubleArray();
            for (int i = 0; i < want.Length; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(want[i]), BitConverter.DoubleToInt64Bits(rowMajor[i]));
        }
    }

    [Fact]
    public void Every_class_of_the_layout_is_read()
    {
        var mat = MatFileReader.Read(File73);
        double[] Values(string n) => ((MatNumericArray)mat[n]).ToColumnMajorArray();
        Assert.Equal(new double[] { -32768, 7, 32767 }, Values("x_int16"));
        Assert.Equal(MatClass.Int16, mat["x_int16"].Class);
        Assert.Equal(new double[] { 0, 42, 123456789012 }, Values("x_uint64"));
        Assert.Equal(new double[] { 1.5, -2.25, 3 }, Values("x_single"));
        var logical = (MatNumericArray)mat["x_logical"];
        Assert.True(logical.IsLogical);
        Assert.Equal(new[] { 2, 3 }, logical.Dimensions);
        Assert.Equal(new double[] { 1, 0, 0, 0, 1, 1 }, logical.ToColumnMajorArray());
        var complex = (MatNumericArray)mat["x_complex"];
        Assert.Equal(new double[] { 1, 3 }, complex.Real.ToArray());
        Assert.Equal(new double[] { 2, -4 }, complex.Imaginary.ToArray());
        Assert.Equal(new[] { 0, 0 }, mat["x_empty"].Dimensions);
        var sparse = (MatNumericArray)mat["x_sparse"];
        Assert.True(sparse.WasSparse);
        Assert.Equal(new[] { 3, 4 }, sparse.Dimensions);
        Assert.Equal(5, sparse.GetValue(0, 1));
        Assert.Equal(-6, sparse.GetValue(2, 3));
        Assert.Equal("hello", ((MatCharArray)mat["x_char"]).Text);
        Assert.Equal(new[] { "ab", "cd" }, ((MatCharArray)mat["x_char_rows"]).Rows);
        var labels = ((MatStructArray)mat["trials"])["label"];
        Assert.Equal(new[] { "a", "bb", "ccc", "dd", "e" }, ((MatCellArray)labels).Elements.Select(e => ((MatCharArray)e).Text));
    }

    [Fact]
    public void A_function_handle_field_keeps_its_struct_and_is_named_in_a_warning()
    {
        var mat = MatFileReader.Read(File73);
        var model = (MatStructArray)mat["model"];
        Assert.Equal(new double[] { 1, 3, 2, 4 }, ((MatNumericArray)model["w"]).ToColumnMajorArray());
        Assert.Equal("net", ((MatCharArray)model["name"]).Text);
        Assert.Equal(MatClass.Function, model["fn"].Class);
        Assert.Contains(mat.Warnings, w => w.Contains(File73) && w.Contains("'model'") && w.Contains("fn") && w.Contains("function handle"));
    }

    [Fact]
    public void Recording_from_v73_equals_the_written_array_and_tables()
    {
        var recording = Recording.Read(File73);
        Assert.Equal("mat73", recording.Provenance!.Reader);
        var expected = Hdf5TestFiles.Expected("v73.mat", "data"); // (units, time, trials) in C order = the frame's layout
        Assert.Equal(expected.ToDoubleArray(), recording.Data.ToArray());
        Assert.Equal(new double[] { 10, 30, 50, 70, 90, 110 }, recording.GetTimeMs());
        Assert.Equal(new double[] { 0, 90, 180, 270, 0 }, recording.Trials.GetDoubles("direction_deg"));
        Assert.Equal(new[] { "a", "bb", "ccc", "dd", "e" }, recording.Trials.GetStrings("label"));
        Assert.Equal(new[] { "V1", "LM", "AL", "PM" }, recording.Units.GetStrings("area"));
        Assert.Equal(new double[] { 100, 200, 300, 400 }, recording.Units.GetDoubles("depth"));
        Assert.Contains(recording.Provenance.Warnings, w => w.Contains("function handle"));
    }

    [Fact]
    public void A_dimension_order_that_does_not_fit_names_the_dimension()
    {
        // 'big' is 20 × 10 × 3; with time_ms (6 entries) nothing fits, and the message says which dimension has which size.
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(File73, new RecordingReadOptions { Data = "big" }));
        Assert.Contains(File73, e.Message);
        Assert.Contains("'time_ms'", e.Message);
        Assert.Contains("20×10×3 read as units × time × trials", e.Message);
        // data is 4 × 6 × 5: read as time × units × trials, time_ms's 6 entries match dimension 2, read as units.
        e = Assert.Throws<RecordingFormatException>(() => Recording.Read(File73,
            new RecordingReadOptions { DimensionOrder = [RecordingDimension.Time, RecordingDimension.Units, RecordingDimension.Trials] }));
        Assert.Contains("matches dimension 2", e.Message);
        Assert.Contains("DimensionOrder", e.Message);
    }
}
