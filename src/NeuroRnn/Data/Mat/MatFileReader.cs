using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NeuroRnn.Data.Mat;

/// <summary>
/// Reads MATLAB MAT v5 files (what <c>save -v6</c> / <c>save -v7</c> write, and Octave's <c>-v6</c>/<c>-v7</c>): the
/// 128-byte header with its endianness indicator, data elements in normal and small format, zlib-compressed
/// elements (miCOMPRESSED), numeric classes double/single/int8…uint64 stored as any mi* type, logical, char
/// (UTF-16/UTF-8/8-bit), cell arrays, (nested) struct arrays, objects (as structs), sparse (as dense) and complex arrays.
/// v7.3 files (HDF5 with a 512-byte user block) are read by the HDF5 reader into the same model. Every problem is a <see cref="RecordingFormatException"/>;
/// lengths are validated against the bytes present before anything is allocated.
/// </summary>
public static class MatFileReader
{
    private const int MaxDepth = 64;

    /// <summary>The 8-byte HDF5 superblock signature (MAT v7.3 files are HDF5 files with a 512-byte user block).</summary>
    private static ReadOnlySpan<byte> Hdf5Signature => new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A };
    private const long MaxDenseSparseElements = 100_000_000;

    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15, MiUtf8 = 16, MiUtf16 = 17, MiUtf32 = 18;

    /// <summary>Reads a MAT file (v5/v6/v7, or v7.3 through the HDF5 reader).</summary>
    /// <exception cref="RecordingFormatException">The file cannot be opened, is not a MAT file, or is corrupt.</exception>
    public static MatFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsMat73(path))
        {
            // Read v7.3 from the file itself (no whole-file copy in memory): PureHDF reads what it needs.
            using var h5 = Hdf5.Hdf5Source.Open(path);
            return Mat73Reader.Read(h5, HeaderText(path));
        }
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > Array.MaxLength) throw new RecordingFormatException(path, "file", "MAT files larger than 2 GB are not supported");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
        return Read(bytes, path);
    }

    /// <summary>True when <paramref name="path"/> starts with a MAT header whose version is 0x0200 (v7.3) and has HDF5 at byte 512.</summary>
    internal static bool IsMat73(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[520];
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length) return false;
            return IsMat73Header(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // Read reports the file error itself
        }
    }

    /// <summary>True when the first 520 bytes are a MAT v7.3 header: "MATLAB" text and the HDF5 signature at byte 512.</summary>
    internal static bool IsMat73Header(ReadOnlySpan<byte> head) =>
        head.Length >= 520 && head.StartsWith("MATLAB"u8) && head.Slice(512, 8).SequenceEqual(Hdf5Signature);

    private static string HeaderText(string path)
    {
        var head = new byte[116];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(head).TrimEnd('\0', ' ');
    }

    /// <summary>Reads a MAT file held in memory.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="sourceName">The file named in errors.</param>
    /// <exception cref="RecordingFormatException">Not a MAT v5 file, v7.3 (HDF5), or corrupt.</exception>
    public static MatFile Read(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new Parser(bytes, sourceName).ParseFile();
    }

    private readonly record struct Element(int Type, int Start, int Length, int Next);

    /// <summary>A bounded view of a byte buffer (the file, or one decompressed element).</summary>
    private readonly record struct Buffer(byte[] Bytes, int Start, int End, string Where);

    private sealed class Parser(byte[] file, string source)
    {
        private bool bigEndian;
        private readonly List<string> warnings = new();

        private RecordingFormatException Fail(string where, string problem, Exception? inner = null) => new(source, where, problem, inner);

        public MatFile ParseFile()
        {
            if (file.Length >= 8 && file.AsSpan(0, 8).SequenceEqual(Hdf5Signature))
                throw Fail("byte 0", "an HDF5 file without MATLAB's 512-byte user block, so not a MAT v7.3 file (an NWB or plain HDF5 file? read it with Recording.Read)");
            if (file.Length < 128) throw Fail("byte 0", $"the file has {file.Length} bytes, shorter than the 128-byte MAT v5 header");
            if (file[126] == (byte)'I' && file[127] == (byte)'M') bigEndian = false;
            else if (file[126] == (byte)'M' && file[127] == (byte)'I') bigEndian = true;
            else throw Fail("byte 126", "no MAT v5 endianness indicator ('IM' or 'MI'); not a MAT v5 file (MAT v4 files are not supported)");
            int version = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(124)) : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(124));
            bool hdf5Signature = file.Length >= 520 && file.AsSpan(512, 8).SequenceEqual(Hdf5Signature);
            if (version == 0x0200 || hdf5Signature)
            {
                if (!hdf5Signature) throw Fail("byte 512", "the header says MAT v7.3 but no HDF5 superblock follows the 512-byte user block");
                string text = Encoding.ASCII.GetString(file, 0, 116).TrimEnd('\0', ' ');
                using var h5 = Hdf5.Hdf5Source.Open(new MemoryStream(file, writable: false), source);
                return Mat73Reader.Read(h5, text);
            }
            if (version != 0x0100) throw Fail("byte 124", $"unknown MAT version 0x{version:x4} (expected 0x0100)");
            string headerText = Encoding.ASCII.GetString(file, 0, 116).TrimEnd('\0', ' ');

            var variables = new List<KeyValuePair<string, MatValue>>();
            var top = new Buffer(file, 128, file.Length, "");
            int pos = 128;
            while (pos < file.Length)
            {
                var element = ReadTag(top, pos, compressedHasNoPadding: true);
                string where = $"byte {pos}";
                Buffer content;
                int contentType;
                if (element.Type == MiCompressed)
                {
                    content = Decompress(element, where);
                    var inner = ReadTag(content, 0, compressedHasNoPadding: true);
                    contentType = inner.Type;
                    content = content with { Start = inner.Start, End = inner.Start + inner.Length };
                }
                else
                {
                    contentType = element.Type;
                    content = new Buffer(file, element.Start, element.Start + element.Length, where);
                }
                if (contentType != MiMatrix)
                    warnings.Add($"{source}: {where}: skipped a top-level data element of type {contentType} (only miMATRIX holds variables)");
                else
                {
                    var (name, value) = ParseMatrix(content, 0, where);
                    variables.Add(new(name, value));
                }
                pos = element.Next;
            }
            return new MatFile(headerText, variables, warnings);
        }

        private Buffer Decompress(Element element, string where)
        {
            // Deflate expands at most ~1032×; cap the output so a corrupt stream cannot exhaust memory.
            long cap = Math.Min((long)element.Length * 1100 + 4096, Array.MaxLength);
            try
            {
                using var input = new MemoryStream(file, element.Start, element.Length, writable: false);
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var block = new byte[81920];
                int n;
                while ((n = zlib.Read(block, 0, block.Length)) > 0)
                {
                    if (output.Length + n > cap) throw Fail(where, "the compressed element expands implausibly far; the file is corrupt");
                    output.Write(block, 0, n);
                }
                var bytes = output.ToArray();
                return new Buffer(bytes, 0, bytes.Length, where + " (decompressed)");
            }
            catch (RecordingFormatException)
            {
                throw;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
            {
                throw Fail(where, $"the compressed element cannot be decompressed: {e.Message}", e);
            }
        }

        private Element ReadTag(Buffer buffer, int pos, bool compressedHasNoPadding = false)
        {
            string where = Position(buffer, pos);
            if (buffer.End - pos < 4) throw Fail(where, "truncated inside a data element tag");
            uint first = U32(buffer.Bytes, pos);
            if ((first >> 16) != 0)
            {
                // Small data element format: 2-byte size, 2-byte type and up to 4 bytes of data in one 8-byte unit.
                int size = (int)(first >> 16), type = (int)(first & 0xFFFF);
                if (size > 4) throw Fail(where, $"a small data element claims {size} bytes (at most 4)");
                if (buffer.End - pos < 4 + size) throw Fail(where, "truncated inside a small data element");
                return new Element(type, pos + 4, size, Math.Min(pos + 8, buffer.End));
            }
            if (buffer.End - pos < 8) throw Fail(where, "truncated inside a data element tag");
            int elementType = (int)first;
            uint length = U32(buffer.Bytes, pos + 4);
            if (length > buffer.End - pos - 8)
                throw Fail(where, $"a data element of type {elementType} claims {length} bytes but only {buffer.End - pos - 8} remain");
            int start = pos + 8;
            long next = start + (long)length;
            if (!(compressedHasNoPadding && elementType == MiCompressed)) next = (next + 7) / 8 * 8; // elements are padded to 8 bytes
            return new Element(elementType, start, (int)length, (int)Math.Min(next, buffer.End));
        }

        private static string Position(Buffer buffer, int pos) =>
            buffer.Bytes.Length == 0 || buffer.Where.Length == 0 ? $"byte {pos}" : $"{buffer.Where}, byte {pos}";

        private (string Name, MatValue Value) ParseMatrix(Buffer b, int depth, string path)
        {
            if (depth > MaxDepth) throw Fail(path, $"cells/structs nest deeper than {MaxDepth} levels");
            if (b.End == b.Start) return ("", new MatNumericArray(MatClass.Double, new[] { 0, 0 }, Array.Empty<double>()));
            int pos = b.Start;
            var flagsElement = ReadTag(b, pos);
            if (flagsElement.Type != MiUInt32 || flagsElement.Length != 8) throw Fail(Position(b, pos), $"{path}: expected the 8-byte miUINT32 array flags, found type {flagsElement.Type} of {flagsElement.Length} bytes");
            uint flags = U32(b.Bytes, flagsElement.Start);
            uint nzmax = U32(b.Bytes, flagsElement.Start + 4);
            int classCode = (int)(flags & 0xFF);
            bool complex = (flags & 0x800) != 0, logical = (flags & 0x200) != 0;
            pos = flagsElement.Next;

            var dimsElement = ReadTag(b, pos);
            if (dimsElement.Type != MiInt32 || dimsElement.Length % 4 != 0 || dimsElement.Length < 8)
                throw Fail(Position(b, pos), $"{path}: expected miINT32 dimensions (at least two), found type {dimsElement.Type} of {dimsElement.Length} bytes");
            var dims = new int[dimsElement.Length / 4];
            long numel = 1;
            for (int i = 0; i < dims.Length; i++)
            {
                int d = (int)U32(b.Bytes, dimsElement.Start + 4 * i);
                if (d < 0) throw Fail(Position(b, dimsElement.Start), $"{path}: negative dimension {d}");
                dims[i] = d;
                numel = numel == 0 || d == 0 ? 0 : numel > int.MaxValue ? numel : numel * d;
            }
            if (numel > int.MaxValue) throw Fail(Position(b, dimsElement.Start), $"{path}: dimensions {string.Join("x", dims)} are too large");
            pos = dimsElement.Next;

            var nameElement = ReadTag(b, pos);
            if (nameElement.Type is not (MiInt8 or MiUInt8 or MiUtf8)) throw Fail(Position(b, pos), $"{path}: expected the array name (miINT8), found type {nameElement.Type}");
            string name = Encoding.ASCII.GetString(b.Bytes, nameElement.Start, nameElement.Length).TrimEnd('\0');
            string here = path.Length == 0 ? $"variable '{name}'" : name.Length > 0 ? $"{path}.{name}" : path;
            if (depth == 0) here = $"variable '{name}'";
            pos = nameElement.Next;

            if (classCode is (int)MatClass.Function or (int)MatClass.Opaque || !Enum.IsDefined(typeof(MatClass), classCode) || classCode == 0)
            {
                // Keep a placeholder so the rest of the struct/cell (and the variable) survive; the warning names the
                // variable, the field path and the file.
                var unsupported = classCode switch
                {
                    (int)MatClass.Function => new MatUnsupportedValue(dims, MatClass.Function, "function handle"),
                    (int)MatClass.Opaque => new MatUnsupportedValue(dims, MatClass.Opaque, "opaque MATLAB object"),
                    _ => new MatUnsupportedValue(dims, MatClass.Unknown, $"MATLAB class code {classCode}"),
                };
                warnings.Add($"{source}: {here}: a {unsupported.What} (class code {classCode}) cannot be read; kept as an unreadable placeholder");
                return (name, unsupported);
            }
            var matClass = (MatClass)classCode;
            MatValue value = matClass switch
            {
                MatClass.Cell => ParseCell(b, pos, dims, (int)numel, depth, here),
                MatClass.Struct => ParseStruct(b, pos, dims, (int)numel, depth, here, className: null),
                MatClass.Object => ParseObject(b, pos, dims, (int)numel, depth, here),
                MatClass.Char => ParseChar(b, pos, dims, (int)numel, here),
                MatClass.Sparse => ParseSparse(b, pos, dims, nzmax, complex, logical, here),
                _ => ParseNumeric(b, pos, matClass, dims, (int)numel, complex, logical, here),
            };
            return (name, value);
        }

        private MatNumericArray ParseNumeric(Buffer b, int pos, MatClass matClass, int[] dims, int numel, bool complex, bool logical, string here)
        {
            var realElement = ReadTag(b, pos);
            double[] real = ReadNumbers(b, realElement, numel, here + " (real part)");
            double[]? imaginary = null;
            if (complex)
            {
                if (realElement.Next >= b.End) throw Fail(Position(b, realElement.Next), $"{here}: the complex array has no imaginary part");
                imaginary = ReadNumbers(b, ReadTag(b, realElement.Next), numel, here + " (imaginary part)");
            }
            return new MatNumericArray(matClass, dims, real, imaginary, logical);
        }

        private double[] ReadNumbers(Buffer b, Element e, int expectedCount, string here)
        {
            int size = e.Type switch
            {
                MiInt8 or MiUInt8 => 1,
                MiInt16 or MiUInt16 => 2,
                MiInt32 or MiUInt32 or MiSingle => 4,
                MiDouble or MiInt64 or MiUInt64 => 8,
                _ => throw Fail(Position(b, e.Start - 8), $"{here}: data type {e.Type} is not numeric"),
            };
            if (e.Length != (long)expectedCount * size)
                throw Fail(Position(b, e.Start), $"{here}: {e.Length} bytes of data type {e.Type} do not hold {expectedCount} values of {size} bytes");
            var result = new double[expectedCount];
            var span = b.Bytes.AsSpan(e.Start, e.Length);
            for (int i = 0; i < expectedCount; i++)
            {
                var s = span.Slice(i * size, size);
                result[i] = e.Type switch
                {
                    MiInt8 => (sbyte)s[0],
                    MiUInt8 => s[0],
                    MiInt16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
                    MiUInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                    MiInt32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
                    MiUInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
                    MiSingle => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
                    MiDouble => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s),
                    MiInt64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
                    _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
                };
            }
            return result;
        }

        private MatCharArray ParseChar(Buffer b, int pos, int[] dims, int numel, string here)
        {
            var e = ReadTag(b, pos);
            var span = b.Bytes.AsSpan(e.Start, e.Length);
            char[] chars;
            switch (e.Type)
            {
                case MiUInt16 or MiUtf16 or MiInt16:
                    if (e.Length != numel * 2L) throw Fail(Position(b, e.Start), $"{here}: {e.Length} bytes of UTF-16 do not hold {numel} characters");
                    chars = new char[numel];
                    for (int i = 0; i < numel; i++)
                        chars[i] = (char)(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[(2 * i)..]) : BinaryPrimitives.ReadUInt16LittleEndian(span[(2 * i)..]));
                    break;
                case MiUInt8 or MiInt8:
                    if (e.Length != numel) throw Fail(Position(b, e.Start), $"{here}: {e.Length} bytes do not hold {numel} characters");
                    chars = Encoding.Latin1.GetString(span).ToCharArray();
                    break;
                case MiUtf8:
                    chars = Encoding.UTF8.GetString(span).ToCharArray();
                    break;
                case MiUtf32:
                    chars = new UTF32Encoding(bigEndian, false).GetString(span).ToCharArray();
                    break;
                default:
                    throw Fail(Position(b, e.Start - 8), $"{here}: data type {e.Type} cannot hold characters");
            }
            return MatCharArray.FromColumnMajor(dims, chars);
        }

        private MatCellArray ParseCell(Buffer b, int pos, int[] dims, int numel, int depth, string here)
        {
            var elements = new List<MatValue>();
            for (int i = 0; i < numel; i++)
            {
                if (pos >= b.End) throw Fail(Position(b, pos), $"{here}: the cell array ends after {i} of {numel} elements");
                var e = ReadTag(b, pos);
                if (e.Type != MiMatrix) throw Fail(Position(b, pos), $"{here}{{{i + 1}}}: expected a miMATRIX element, found type {e.Type}");
                elements.Add(ParseMatrix(b with { Start = e.Start, End = e.Start + e.Length }, depth + 1, $"{here}{{{i + 1}}}").Value);
                pos = e.Next;
            }
            return new MatCellArray(dims, elements);
        }

        private MatStructArray ParseObject(Buffer b, int pos, int[] dims, int numel, int depth, string here)
        {
            var classNameElement = ReadTag(b, pos);
            if (classNameElement.Type is not (MiInt8 or MiUInt8)) throw Fail(Position(b, pos), $"{here}: expected the object class name (miINT8)");
            string className = Encoding.ASCII.GetString(b.Bytes, classNameElement.Start, classNameElement.Length).TrimEnd('\0');
            warnings.Add($"{source}: {here}: an object of class '{className}' was read as a struct");
            return ParseStruct(b, classNameElement.Next, dims, numel, depth, here, className);
        }

        private MatStructArray ParseStruct(Buffer b, int pos, int[] dims, int numel, int depth, string here, string? className)
        {
            var lengthElement = ReadTag(b, pos);
            if (lengthElement.Type != MiInt32 || lengthElement.Length != 4) throw Fail(Position(b, pos), $"{here}: expected the field-name length (one miINT32)");
            int nameLength = (int)U32(b.Bytes, lengthElement.Start);
            if (nameLength <= 0 || nameLength > 4096) throw Fail(Position(b, lengthElement.Start), $"{here}: field-name length {nameLength} is invalid");
            var namesElement = ReadTag(b, lengthElement.Next);
            if (namesElement.Type is not (MiInt8 or MiUInt8) || namesElement.Length % nameLength != 0)
                throw Fail(Position(b, lengthElement.Next), $"{here}: field names ({namesElement.Length} bytes) are not a multiple of the name length {nameLength}");
            int fieldCount = namesElement.Length / nameLength;
            var fields = new string[fieldCount];
            for (int f = 0; f < fieldCount; f++)
                fields[f] = Encoding.ASCII.GetString(b.Bytes, namesElement.Start + f * nameLength, nameLength).Split('\0')[0];
            pos = namesElement.Next;
            // Each field value is an element of at least 8 bytes: reject counts the remaining bytes cannot hold.
            if (fieldCount > 0 && (long)numel * fieldCount * 8 > b.End - pos)
                throw Fail(Position(b, pos), $"{here}: {numel} elements × {fieldCount} fields cannot fit in the {b.End - pos} bytes left");
            var elements = new List<IReadOnlyList<MatValue>>();
            for (int i = 0; i < numel; i++)
            {
                var values = new MatValue[fieldCount];
                for (int f = 0; f < fieldCount; f++)
                {
                    string fieldPath = numel == 1 ? $"{here}.{fields[f]}" : $"{here}({i + 1}).{fields[f]}";
                    if (pos >= b.End) throw Fail(Position(b, pos), $"{fieldPath}: the struct ends early");
                    var e = ReadTag(b, pos);
                    if (e.Type != MiMatrix) throw Fail(Position(b, pos), $"{fieldPath}: expected a miMATRIX element, found type {e.Type}");
                    values[f] = ParseMatrix(b with { Start = e.Start, End = e.Start + e.Length }, depth + 1, fieldPath).Value;
                    pos = e.Next;
                }
                elements.Add(values);
            }
            return new MatStructArray(dims, fields, elements, className);
        }

        private MatValue ParseSparse(Buffer b, int pos, int[] dims, uint nzmax, bool complex, bool logical, string here)
        {
            if (dims.Length != 2) throw Fail(Position(b, pos), $"{here}: a sparse array must be 2-D");
            int rows = dims[0], columns = dims[1];
            if ((long)rows * columns > MaxDenseSparseElements)
            {
                warnings.Add($"{source}: {here}: sparse {rows}x{columns} is too large to read as dense; kept as an unreadable placeholder");
                return new MatUnsupportedValue(dims, MatClass.Sparse, $"sparse {rows}x{columns} array (too large for dense)");
            }
            var irElement = ReadTag(b, pos);
            var jcElement = ReadTag(b, irElement.Next);
            if (irElement.Type != MiInt32 && irElement.Type != MiUInt32 || jcElement.Type != MiInt32 && jcElement.Type != MiUInt32)
                throw Fail(Position(b, pos), $"{here}: sparse row/column indices must be miINT32");
            int irCount = irElement.Length / 4, jcCount = jcElement.Length / 4;
            if (jcCount != columns + 1) throw Fail(Position(b, jcElement.Start), $"{here}: {jcCount} column pointers for {columns} columns");
            var ir = new int[irCount];
            for (int i = 0; i < irCount; i++) ir[i] = (int)U32(b.Bytes, irElement.Start + 4 * i);
            var jc = new int[jcCount];
            for (int i = 0; i < jcCount; i++) jc[i] = (int)U32(b.Bytes, jcElement.Start + 4 * i);
            int nnz = jc[columns];
            if (nnz < 0 || nnz > irCount) throw Fail(Position(b, jcElement.Start), $"{here}: {nnz} non-zeros but {irCount} row indices");
            var prElement = ReadTag(b, jcElement.Next);
            int size = SizeOf(prElement.Type);
            int valueCount = size == 0 ? -1 : prElement.Length / size;
            if (valueCount < nnz) throw Fail(Position(b, prElement.Start), $"{here}: {valueCount} values for {nnz} non-zeros");
            var pr = ReadNumbers(b, prElement, valueCount, here + " (values)");
            double[]? pi = null;
            if (complex)
            {
                if (prElement.Next >= b.End) throw Fail(Position(b, prElement.Next), $"{here}: the complex sparse array has no imaginary part");
                var piElement = ReadTag(b, prElement.Next);
                int piSize = SizeOf(piElement.Type);
                pi = ReadNumbers(b, piElement, piSize == 0 ? -1 : piElement.Length / piSize, here + " (imaginary values)");
                if (pi.Length < nnz) throw Fail(Position(b, piElement.Start), $"{here}: {pi.Length} imaginary values for {nnz} non-zeros");
            }
            var real = new double[(long)rows * columns];
            var imaginary = complex ? new double[real.Length] : null;
            for (int c = 0; c < columns; c++)
            {
                int from = jc[c], to = jc[c + 1];
                if (from < 0 || to < from || to > nnz) throw Fail(Position(b, jcElement.Start), $"{here}: column pointers are not increasing");
                for (int k = from; k < to; k++)
                {
                    int r = ir[k];
                    if ((uint)r >= (uint)rows) throw Fail(Position(b, irElement.Start), $"{here}: row index {r} outside {rows} rows");
                    real[(long)c * rows + r] = pr[k];
                    if (imaginary is not null) imaginary[(long)c * rows + r] = pi![k];
                }
            }
            _ = nzmax; // nzmax only sizes MATLAB's allocation; the index arrays are authoritative.
            return new MatNumericArray(MatClass.Double, dims, real, imaginary, logical, wasSparse: true); // MATLAB sparse is always double (or logical)
        }

        private static int SizeOf(int type) => type switch
        {
            MiInt8 or MiUInt8 => 1,
            MiInt16 or MiUInt16 => 2,
            MiInt32 or MiUInt32 or MiSingle => 4,
            MiDouble or MiInt64 or MiUInt64 => 8,
            _ => 0,
        };

        private uint U32(byte[] bytes, int offset) =>
            bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset, 4));
    }
}
