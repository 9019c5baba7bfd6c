using System.Buffers.Binary;
using System.Text;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;

namespace NeuroRnn.Tests.Data;

public class NpyTests
{
    public static IEnumerable<object[]> AllTypes() =>
        Enum.GetValues<NpyElementType>().Select(t => new object[] { t });

    private static NpyArray Sample(NpyElementType type)
    {
        int[] shape = { 2, 3, 4 };
        var values = Enumerable.Range(0, 24).ToArray();
        Array data = type switch
        {
            NpyElementType.Float32 => values.Select(v => v * 1.5f - 7).ToArray(),
            NpyElementType.Float64 => values.Select(v => v * 1.25 - 9 + 1e-9).ToArray(),
            NpyElementType.Int8 => values.Select(v => (sbyte)(v * 11 - 128)).ToArray(),
            NpyElementType.Int16 => values.Select(v => (short)(v * 2000 - 30000)).ToArray(),
            NpyElementType.Int32 => values.Select(v => v * 100_000_000 - 2_000_000_000).ToArray(),
            NpyElementType.Int64 => values.Select(v => v * 400_000_000_000_000_000L - 4_000_000_000_000_000_000L).ToArray(),
            NpyElementType.UInt8 => values.Select(v => (byte)(v * 11)).ToArray(),
            NpyElementType.UInt16 => values.Select(v => (ushort)(v * 2800)).ToArray(),
            NpyElementType.UInt32 => values.Select(v => (uint)v * 180_000_000u).ToArray(),
            NpyElementType.UInt64 => values.Select(v => (ulong)v * 800_000_000_000_000_000UL).ToArray(),
            NpyElementType.Bool => values.Select(v => v % 3 == 0).ToArray(),
            _ => values.Select(v => v % 5 == 0 ? "" : "s" + new string('x', v % 4) + "é").ToArray(),
        };
        return new NpyArray(type, shape, data);
    }

    private static NpyArray RoundTrip(NpyArray array, NpyWriteOptions options)
    {
        var stream = new MemoryStream();
        NpyWriter.Write(stream, array, options);
        Assert.Equal(0, (stream.Length - array.Length * array.ItemSize) % 64); // header padded to 64 bytes
        stream.Position = 0;
        return NpyReader.Read(stream, "(memory)", stream.Length);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_type_round_trips_in_every_byte_order_memory_order_and_version(NpyElementType type)
    {
        var array = Sample(type);
        foreach (bool big in new[] { false, true })
            foreach (bool fortran in new[] { false, true })
                foreach (int version in new[] { 1, 2, 3 })
                {
                    var back = RoundTrip(array, new NpyWriteOptions { BigEndian = big, FortranOrder = fortran, Version = version });
                    Assert.Equal(type, back.ElementType);
                    Assert.Equal(array.Shape, back.Shape);
                    if (type == NpyElementType.Unicode) Assert.Equal((string[])array.Data, (string[])back.Data);
                    else Assert.Equal(array.ToDoubleArray(), back.ToDoubleArray());
                }
    }

    [Fact]
    public void File_round_trip_and_header_only_read()
    {
        string path = TestData.TempFile(".npy");
        try
        {
            NpyWriter.Write(path, Sample(NpyElementType.Float32));
            var header = NpyReader.ReadHeader(path);
            Assert.Equal("<f4", header.Descr);
            Assert.Equal(new[] { 2, 3, 4 }, header.Shape);
            Assert.Equal(Sample(NpyElementType.Float32).Data, NpyReader.Read(path).Data);
        }
        finally { File.Delete(path); }
    }

    /// <summary>Builds a .npy file byte by byte, independently of NpyWriter.</summary>
    private static byte[] HandBuilt(int major, string header, byte[] data)
    {
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 });
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(header + "\n");
        if (major == 1) ms.Write(BitConverter.GetBytes((ushort)text.Length));
        else ms.Write(BitConverter.GetBytes((uint)text.Length));
        ms.Write(text);
        ms.Write(data);
        return ms.ToArray();
    }

    private static NpyArray ReadBytes(byte[] bytes) => NpyReader.Read(new MemoryStream(bytes), "(hand-built)", bytes.Length);

    [Fact]
    public void Hand_built_big_endian_fortran_float64_is_transposed_to_C_order()
    {
        // 2×3 array [[1,2,3],[4,5,6]] stored column-major: 1 4 2 5 3 6, big-endian doubles.
        double[] fortran = { 1, 4, 2, 5, 3, 6 };
        var data = new byte[48];
        for (int i = 0; i < 6; i++) BinaryPrimitives.WriteDoubleBigEndian(data.AsSpan(8 * i), fortran[i]);
        var array = ReadBytes(HandBuilt(1, "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", data));
        Assert.Equal(new[] { 2, 3 }, array.Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, (double[])array.Data);
    }

    [Fact]
    public void Hand_built_v2_and_v3_headers_with_odd_spacing_are_read()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt16LittleEndian(data, -2);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2), 300);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(4), 7);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(6), -32768);
        var v2 = ReadBytes(HandBuilt(2, "{\"shape\":(4,),\"fortran_order\":False,\"descr\":\"<i2\"}", data));
        Assert.Equal(new short[] { -2, 300, 7, -32768 }, (short[])v2.Data);
        var v3 = ReadBytes(HandBuilt(3, "{'descr': '<U2', 'fortran_order': False, 'shape': (1,), }", Encoding.UTF32.GetBytes("é\0")));
        Assert.Equal(new[] { "é" }, (string[])v3.Data);
        var scalar = ReadBytes(HandBuilt(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }", new byte[] { 1 }));
        Assert.Empty(scalar.Shape);
        Assert.Equal(new[] { true }, (bool[])scalar.Data);
        var bigInt = ReadBytes(HandBuilt(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", new byte[] { 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0xFE }));
        Assert.Equal(new[] { 256, -2 }, (int[])bigInt.Data);
    }

    [Theory]
    [InlineData("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }", "not supported")]
    [InlineData("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", "structured dtypes")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999,), }", "data bytes but only")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,-1), }", "unexpected character")]
    [InlineData("{'descr': '<f4', 'shape': (2,), }", "fortran_order")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536, 65536), }", "more than a .NET array can hold")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647), }", "overflows")]
    [InlineData("{'descr': '<f4', 'fortran_order': False", "expected '}'")]
    public void Bad_headers_give_a_format_exception_naming_the_problem(string header, string expected)
    {
        var bytes = HandBuilt(1, header, new byte[8]);
        var e = Assert.Throws<RecordingFormatException>(() => ReadBytes(bytes));
        Assert.Contains(expected, e.Message);
        Assert.Equal("(hand-built)", e.FilePath);
    }

    [Fact]
    public void Bad_preambles_give_a_format_exception()
    {
        Assert.Contains("magic", Assert.Throws<RecordingFormatException>(() => ReadBytes(Encoding.ASCII.GetBytes("PK\u0003\u0004 not npy at all"))).Message);
        Assert.Contains("version 4.0", Assert.Throws<RecordingFormatException>(() => ReadBytes(HandBuilt(4, "{}", Array.Empty<byte>()))).Message);
        var lying = HandBuilt(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", new byte[8]);
        lying[8] = 0xFF;
        lying[9] = 0xFF;
        Assert.Contains("only", Assert.Throws<RecordingFormatException>(() => ReadBytes(lying)).Message);
        var truncated = HandBuilt(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new byte[15]);
        var e = Assert.Throws<RecordingFormatException>(() => ReadBytes(truncated));
        Assert.StartsWith("byte ", e.Position);
        var missing = Assert.Throws<RecordingFormatException>(() => NpyReader.Read("/nonexistent/file.npy"));
        Assert.Equal("/nonexistent/file.npy", missing.FilePath);
        Assert.Throws<RecordingFormatException>(() => NpyReader.ReadHeader("/nonexistent/file.npy"));
    }

    [Fact]
    public void Unknown_length_streams_read_without_trusting_the_shape()
    {
        var stream = new MemoryStream();
        NpyWriter.Write(stream, NpyArray.FromDoubles(new double[] { 1, 2, 3 }));
        var bytes = stream.ToArray();
        Assert.Equal(new double[] { 1, 2, 3 }, (double[])NpyReader.Read(new MemoryStream(bytes), "s", null).Data);
        var header = Encoding.Latin1.GetString(bytes, 10, bytes.Length - 10 - 24).Replace("(3,)", "(9,)");
        var lying = HandBuilt(1, header.TrimEnd('\n'), bytes[^24..]);
        Assert.Throws<RecordingFormatException>(() => NpyReader.Read(new MemoryStream(lying), "s", null));
    }
}
