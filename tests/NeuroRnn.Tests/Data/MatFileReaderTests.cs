using System.Buffers.Binary;
using System.Text;
using NeuroRnn.Data;
using NeuroRnn.Data.Mat;

namespace NeuroRnn.Tests.Data;

/// <summary>Reads the Octave-made fixtures in tests/fixtures/mat (see make_fixtures.m there) and hand-built files.</summary>
public class MatFileReaderTests
{
    public static IEnumerable<object[]> ClassFiles() => new[] { new object[] { "classes.mat" }, new object[] { "classes_v7.mat" } };

    [Theory]
    [MemberData(nameof(ClassFiles))]
    public void Numeric_classes_are_read_and_converted(string file)
    {
        var mat = MatFileReader.Read(TestData.MatFixture(file));
        var x = (MatNumericArray)mat["x_double"];
        Assert.Equal(new[] { 3, 4 }, x.Dimensions);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i / 4.0), x.ToColumnMajorArray());
        Assert.Equal(2.0 / 4, x.GetValue(1, 0)); // x(2,1)
        Assert.Equal(4.0 / 4, x.GetValue(0, 1)); // x(1,2)
        Assert.Equal(new double[] { 0.25, 1, 1.75, 2.5, 0.5 }, x.ToRowMajorArray()[..5]);
        Assert.Equal(MatClass.Single, mat["x_single"].Class);
        Assert.Equal(new[] { 1.5, -2.25, 3 }, ((MatNumericArray)mat["x_single"]).ToColumnMajorArray());
        Assert.Equal(new double[] { -128, 0, 127 }, Values(mat, "x_int8"));
        Assert.Equal(new double[] { 0, 1, 255 }, Values(mat, "x_uint8"));
        Assert.Equal(new double[] { -32768, 7, 32767 }, Values(mat, "x_int16"));
        Assert.Equal(new double[] { 0, 65535 }, Values(mat, "x_uint16"));
        Assert.Equal(new double[] { -2147483648, 5, 2147483647 }, Values(mat, "x_int32"));
        Assert.Equal(new double[] { 0, 4294967295 }, Values(mat, "x_uint32"));
        Assert.Equal(new double[] { -5, 0, 123456789012 }, Values(mat, "x_int64"));
        Assert.Equal(new double[] { 0, 42, 123456789012 }, Values(mat, "x_uint64"));
        Assert.Equal(MatClass.UInt64, mat["x_uint64"].Class);
        Assert.Equal(Math.PI, ((MatNumericArray)mat["x_scalar"]).Scalar);
        Assert.Equal(0, mat["x_empty"].ElementCount);
    }

    private static double[] Values(MatFile mat, string name) => ((MatNumericArray)mat[name]).ToColumnMajorArray();

    [Theory]
    [MemberData(nameof(ClassFiles))]
    public void Logical_complex_and_sparse(string file)
    {
        var mat = MatFileReader.Read(TestData.MatFixture(file));
        var logical = (MatNumericArray)mat["x_logical"];
        Assert.True(logical.IsLogical);
        Assert.Equal(new double[] { 1, 0, 0, 0, 1, 1 }, logical.ToColumnMajorArray());
        var complex = (MatNumericArray)mat["x_complex"];
        Assert.True(complex.IsComplex);
        Assert.Equal(new double[] { 1, 3 }, complex.Real.ToArray());
        Assert.Equal(new double[] { 2, -4 }, complex.Imaginary.ToArray());
        var sparse = (MatNumericArray)mat["x_sparse"];
        Assert.True(sparse.WasSparse);
        Assert.Equal(new[] { 3, 4 }, sparse.Dimensions);
        Assert.Equal(5, sparse.GetValue(0, 1));
        Assert.Equal(-6, sparse.GetValue(2, 3));
        Assert.Equal(-1, sparse.ToColumnMajorArray().Sum());
    }

    [Theory]
    [MemberData(nameof(ClassFiles))]
    public void Chars_cells_and_nested_structs(string file)
    {
        var mat = MatFileReader.Read(TestData.MatFixture(file));
        Assert.Equal("hello", ((MatCharArray)mat["x_char"]).Text);
        Assert.Equal(new[] { "ab", "cd", "ef" }, ((MatCharArray)mat["x_char_rows"]).Rows);
        var cell = (MatCellArray)mat["x_cell"];
        Assert.Equal(new[] { 2, 2 }, cell.Dimensions);
        Assert.Equal(1, ((MatNumericArray)cell[0]).Scalar);            // {1,1}
        Assert.Equal(new double[] { 3, 4, 5 }, ((MatNumericArray)cell[1]).ToColumnMajorArray()); // {2,1}
        Assert.Equal("two", ((MatCharArray)cell[2]).Text);               // {1,2}
        var inner = (MatCellArray)cell[3];                               // {2,2}
        Assert.Equal("seven", ((MatCharArray)inner[1]).Text);
        var s = (MatStructArray)mat["x_struct"];
        Assert.Equal(new[] { "a", "name", "list" }, s.FieldNames);
        var c = ((MatStructArray)((MatStructArray)s["a"])["b"])["c"];
        Assert.Equal(42, ((MatNumericArray)c).Scalar);
        Assert.Equal("nested", ((MatCharArray)s["name"]).Text);
        Assert.Equal("x", ((MatCharArray)((MatCellArray)s["list"])[1]).Text);
        var array = (MatStructArray)mat["x_struct_array"];
        Assert.Equal(2, array.ElementCount);
        Assert.Equal(2, ((MatNumericArray)array.Get(1, "v")).Scalar);
        Assert.Equal("one", ((MatCharArray)array.Get(0, "w")).Text);
        Assert.Throws<KeyNotFoundException>(() => array.Get(0, "zz"));
        Assert.Contains("x_struct_array: 1x2 struct with fields v, w", mat.Describe());
    }

    [Fact]
    public void A_recording_is_built_from_named_variables()
    {
        var r = MatRecording.Read(TestData.MatFixture("recording_v7.mat"));
        Assert.Equal((3, 4, 5), (r.UnitCount, r.TimeCount, r.TrialCount));
        for (int u = 0; u < 3; u++)
            for (int t = 0; t < 4; t++)
                for (int k = 0; k < 5; k++) Assert.Equal(100 * (u + 1) + 10 * (t + 1) + k + 1, r[u, t, k]);
        Assert.Equal(new double[] { 5, 15, 25, 35 }, r.GetTimeMs());
        Assert.Equal(new double[] { 0, 45, 90, 135, 0 }, r.Trials.GetDoubles("orientation"));
        Assert.Equal(new[] { "a", "b", "a", "b", null }, r.Trials.GetStrings("context"));
        Assert.Equal(new[] { "n1", "n2", "n3" }, r.Units.GetStrings("unit"));
        Assert.Equal(new double[] { 100, 250, 400 }, r.Units.GetDoubles("depth_um"));
        var e = Assert.Throws<RecordingFormatException>(() => MatRecording.Read(TestData.MatFixture("recording_v7.mat"), new MatRecordingOptions { DataVariable = "spikes" }));
        Assert.Contains("variable 'spikes'", e.Message);
    }

    [Fact]
    public void A_v7_3_header_without_a_valid_hdf5_body_is_a_format_error_naming_the_superblock()
    {
        // The fixture is a v7.3 preamble followed by the HDF5 signature and nothing else (real v7.3 files: Mat73ReaderTests).
        var e = Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(TestData.MatFixture("v73_header.mat")));
        Assert.Contains("HDF5", e.Message);
        Assert.Contains("v73_header.mat", e.Message);
        var bare = new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 13, 10, 26, 10, 0, 0 };
        Assert.Contains("HDF5", Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(bare, "bare.h5")).Message);
    }

    [Fact]
    public void Non_mat_input_is_refused_clearly()
    {
        Assert.Contains("shorter than the 128-byte", Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(new byte[10], "tiny")).Message);
        Assert.Contains("endianness indicator", Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(new byte[200], "zeros")).Message);
    }

    // ---- hand-built files: big-endian, small elements, UTF-8 text, unsupported classes ----

    private sealed class MatBuilder(bool bigEndian)
    {
        private readonly MemoryStream body = new();

        private byte[] U32(uint v)
        {
            var b = new byte[4];
            if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
            return b;
        }

        public byte[] Element(int type, byte[] data, bool small = false)
        {
            var ms = new MemoryStream();
            if (small && data.Length <= 4)
            {
                ms.Write(U32(((uint)data.Length << 16) | (uint)type));
                ms.Write(data);
                ms.Write(new byte[4 - data.Length]);
                return ms.ToArray();
            }
            ms.Write(U32((uint)type));
            ms.Write(U32((uint)data.Length));
            ms.Write(data);
            ms.Write(new byte[(8 - data.Length % 8) % 8]);
            return ms.ToArray();
        }

        public byte[] Matrix(int classCode, int[] dims, string name, params byte[][] rest)
        {
            var content = new MemoryStream();
            content.Write(Element(6, U32((uint)classCode).Concat(U32(0)).ToArray()));
            content.Write(Element(5, dims.SelectMany(d => U32((uint)d)).ToArray()));
            content.Write(Element(1, Encoding.ASCII.GetBytes(name), small: true));
            foreach (var r in rest) content.Write(r);
            return Element(14, content.ToArray());
        }

        public void Add(byte[] element) => body.Write(element);

        public byte[] File()
        {
            var header = new byte[128];
            Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, hand-built by NeuroRnn tests").CopyTo(header, 0);
            for (int i = 50; i < 116; i++) header[i] = (byte)' ';
            if (bigEndian) { header[124] = 1; header[125] = 0; header[126] = (byte)'M'; header[127] = (byte)'I'; }
            else { header[124] = 0; header[125] = 1; header[126] = (byte)'I'; header[127] = (byte)'M'; }
            return header.Concat(body.ToArray()).ToArray();
        }

        public byte[] Int16s(params short[] values) =>
            values.SelectMany(v => { var b = new byte[2]; if (bigEndian) BinaryPrimitives.WriteInt16BigEndian(b, v); else BinaryPrimitives.WriteInt16LittleEndian(b, v); return b; }).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hand_built_files_in_both_byte_orders(bool bigEndian)
    {
        var m = new MatBuilder(bigEndian);
        // A double array stored as miINT16 (MATLAB does this to save space), with a small-format name.
        m.Add(m.Matrix(6, new[] { 1, 3 }, "a", m.Element(3, m.Int16s(-1, 2, 300))));
        // A char array stored as UTF-8.
        m.Add(m.Matrix(4, new[] { 1, 4 }, "txt", m.Element(16, Encoding.UTF8.GetBytes("abcd"))));
        // A function handle (class 16): kept as a placeholder with a warning, later variables still read.
        m.Add(m.Matrix(16, new[] { 1, 1 }, "fh", m.Element(1, new byte[8])));
        m.Add(m.Matrix(9, new[] { 1, 2 }, "u8", m.Element(2, new byte[] { 7, 9 }, small: true)));
        var mat = MatFileReader.Read(m.File(), "hand.mat");
        Assert.Equal(new double[] { -1, 2, 300 }, Values(mat, "a"));
        Assert.Equal("abcd", ((MatCharArray)mat["txt"]).Text);
        Assert.Equal(new double[] { 7, 9 }, Values(mat, "u8"));
        Assert.Equal(MatClass.Function, mat["fh"].Class);
        Assert.Contains(mat.Warnings, w => w.Contains("class code 16") && w.Contains("hand.mat") && w.Contains("variable 'fh'"));
    }

    [Fact]
    public void A_function_handle_deep_in_a_struct_keeps_the_variable_and_names_variable_field_and_file()
    {
        // model.net.fn is a function handle (as MATLAB saves trained models); model.net.w and model.name must survive.
        var m = new MatBuilder(false);
        byte[] FieldNames(params string[] names) =>
            m.Element(1, names.SelectMany(n => Encoding.ASCII.GetBytes(n).Concat(new byte[8 - n.Length])).ToArray());
        byte[] Field(int classCode, int[] dims, params byte[][] rest) => m.Matrix(classCode, dims, "", rest);
        var net = Field(2, new[] { 1, 1 }, m.Element(5, new byte[] { 8, 0, 0, 0 }, small: true), FieldNames("w", "fn"),
            Field(6, new[] { 1, 3 }, m.Element(3, m.Int16s(1, 2, 3))),
            Field(16, new[] { 1, 1 }, m.Element(1, new byte[8])));
        m.Add(m.Matrix(2, new[] { 1, 1 }, "model", m.Element(5, new byte[] { 8, 0, 0, 0 }, small: true), FieldNames("net", "name"),
            net, Field(4, new[] { 1, 3 }, m.Element(16, Encoding.UTF8.GetBytes("abc")))));
        var mat = MatFileReader.Read(m.File(), "model.mat");
        var model = (MatStructArray)mat["model"]; // before the fix the whole variable was dropped ("no variable")
        var netValue = (MatStructArray)model["net"];
        Assert.Equal(new double[] { 1, 2, 3 }, ((MatNumericArray)netValue["w"]).ToColumnMajorArray());
        Assert.IsType<MatUnsupportedValue>(netValue["fn"]);
        Assert.Equal("abc", ((MatCharArray)model["name"]).Text);
        var warning = Assert.Single(mat.Warnings);
        Assert.Contains("model.mat", warning);
        Assert.Contains("variable 'model'", warning);
        Assert.Contains("net.fn", warning);
        Assert.DoesNotContain("''", warning);
    }

    [Fact]
    public void Lying_lengths_are_reported_with_their_position()
    {
        var m = new MatBuilder(false);
        m.Add(m.Matrix(6, new[] { 1, 3 }, "a", m.Element(9, new byte[16]))); // 3 doubles need 24 bytes
        var e = Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(m.File(), "short.mat"));
        Assert.Contains("do not hold 3 values", e.Message);
        Assert.Contains("variable 'a'", e.Message);
        var file = new MatBuilder(false);
        file.Add(file.Matrix(6, new[] { 1, 1 }, "b", file.Element(9, new byte[8])));
        var bytes = file.File();
        bytes[132] = 0xFF; // the miMATRIX length → far beyond the file
        bytes[133] = 0xFF;
        e = Assert.Throws<RecordingFormatException>(() => MatFileReader.Read(bytes, "long.mat"));
        Assert.Equal("byte 128", e.Position);
        Assert.Contains("remain", e.Message);
    }
}
