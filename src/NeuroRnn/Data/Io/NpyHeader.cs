using System.Globalization;
using System.Text;

namespace NeuroRnn.Data.Io;

/// <summary>
/// The parsed header of a <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): element type, byte order, memory order
/// and shape. The header is a Python dict literal such as <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>.
/// </summary>
/// <param name="ElementType">The element type.</param>
/// <param name="BigEndian">True when the data are stored big-endian (<c>&gt;</c>).</param>
/// <param name="FortranOrder">True when the data are stored in Fortran (column-major) order.</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="UnicodeWidth">For text (<c>U<i>n</i></c>): <c>n</c>.</param>
public sealed record NpyHeader(NpyElementType ElementType, bool BigEndian, bool FortranOrder, int[] Shape, int UnicodeWidth = 0)
{
    /// <summary>The six magic bytes <c>\x93NUMPY</c> every .npy file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>Headers longer than this are rejected as corrupt (NumPy itself refuses headers above 10,000 bytes by default).</summary>
    public const int MaxHeaderLength = 1 << 20;

    /// <summary>The bytes per element.</summary>
    public int ItemSize => ElementType == NpyElementType.Unicode ? 4 * UnicodeWidth : NpyArray.ItemSizeOf(ElementType);

    /// <summary>The number of elements (checked for overflow when parsed).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>The <c>descr</c> string, e.g. <c>&lt;f4</c>.</summary>
    public string Descr
    {
        get
        {
            string kind = ElementType switch
            {
                NpyElementType.Float32 => "f4", NpyElementType.Float64 => "f8",
                NpyElementType.Int8 => "i1", NpyElementType.Int16 => "i2", NpyElementType.Int32 => "i4", NpyElementType.Int64 => "i8",
                NpyElementType.UInt8 => "u1", NpyElementType.UInt16 => "u2", NpyElementType.UInt32 => "u4", NpyElementType.UInt64 => "u8",
                NpyElementType.Bool => "b1",
                _ => "U" + UnicodeWidth.ToString(CultureInfo.InvariantCulture),
            };
            bool singleByte = ElementType is NpyElementType.Int8 or NpyElementType.UInt8 or NpyElementType.Bool;
            return (singleByte ? "|" : BigEndian ? ">" : "<") + kind;
        }
    }

    /// <summary>The dict literal written into a file (without padding).</summary>
    public string ToDictLiteral()
    {
        string shape = Shape.Length == 1
            ? $"({Shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : "(" + string.Join(", ", Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        return $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
    }

    /// <summary>Parses the dict literal of a header.</summary>
    /// <param name="text">The header text.</param>
    /// <param name="fail">Creates the exception for a problem (the caller adds file and position).</param>
    public static NpyHeader Parse(string text, Func<string, Exception> fail)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fail);
        var parser = new DictParser(text, fail);
        var dict = parser.ParseDict();
        if (!dict.TryGetValue("descr", out var descrValue) || descrValue is not string descr)
            throw fail(descrValue is List<object> ? "structured dtypes (a list 'descr') are not supported" : "the header has no 'descr' string");
        if (!dict.TryGetValue("fortran_order", out var fo) || fo is not bool fortran)
            throw fail("the header has no 'fortran_order' True/False");
        if (!dict.TryGetValue("shape", out var shapeValue) || shapeValue is not List<object> shapeList)
            throw fail("the header has no 'shape' tuple");
        if (shapeList.Count > 32) throw fail($"{shapeList.Count} dimensions (at most 32 are supported)");
        var shape = new int[shapeList.Count];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shapeList[i] is not long d || d < 0 || d > int.MaxValue) throw fail($"shape entry {i} is not a non-negative 32-bit integer");
            shape[i] = (int)d;
            count = count == 0 || d == 0 ? 0 : count > long.MaxValue / d ? throw fail("the shape's element count overflows") : count * d;
        }
        if (count > Array.MaxLength) throw fail($"{count} elements is more than a .NET array can hold ({Array.MaxLength})");
        var (type, bigEndian, width) = ParseDescr(descr, fail);
        if (type == NpyElementType.Unicode && count * width * 4 > int.MaxValue)
            throw fail("text arrays larger than 2 GB are not supported");
        return new NpyHeader(type, bigEndian, fortran, shape, width);
    }

    private static (NpyElementType Type, bool BigEndian, int Width) ParseDescr(string descr, Func<string, Exception> fail)
    {
        if (descr.Length < 2) throw fail($"unknown dtype '{descr}'");
        char order = descr[0];
        string rest = descr;
        bool big = false;
        if (order is '<' or '>' or '|' or '=')
        {
            big = order == '>';
            rest = descr[1..];
        }
        if (rest.Length < 2) throw fail($"unknown dtype '{descr}'");
        if (rest[0] == 'U')
        {
            if (!int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int width) || width < 1 || width > 1 << 20)
                throw fail($"bad text width in dtype '{descr}'");
            return (NpyElementType.Unicode, big, width);
        }
        NpyElementType type = rest switch
        {
            "f4" => NpyElementType.Float32, "f8" => NpyElementType.Float64,
            "i1" => NpyElementType.Int8, "i2" => NpyElementType.Int16, "i4" => NpyElementType.Int32, "i8" => NpyElementType.Int64,
            "u1" => NpyElementType.UInt8, "u2" => NpyElementType.UInt16, "u4" => NpyElementType.UInt32, "u8" => NpyElementType.UInt64,
            "b1" => NpyElementType.Bool,
            _ => throw fail($"dtype '{descr}' is not supported (supported: f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1 U<n>)"),
        };
        return (type, big, 0);
    }

    /// <summary>A tiny parser for the Python literal subset used in .npy headers: dicts, strings, True/False, ints, tuples.</summary>
    private sealed class DictParser(string text, Func<string, Exception> fail)
    {
        private int pos;

        public Dictionary<string, object> ParseDict()
        {
            SkipSpace();
            Expect('{');
            var dict = new Dictionary<string, object>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpace();
                if (Peek() == '}') { pos++; break; }
                string key = ParseString();
                SkipSpace();
                Expect(':');
                object value = ParseValue(0);
                if (!dict.TryAdd(key, value)) throw fail($"the header repeats the key '{key}'");
                SkipSpace();
                if (Peek() == ',') { pos++; continue; }
                SkipSpace();
                Expect('}');
                break;
            }
            return dict;
        }

        private object ParseValue(int depth)
        {
            if (depth > 4) throw fail("the header nests too deeply");
            SkipSpace();
            char c = Peek();
            if (c is '\'' or '"') return ParseString();
            if (c is '(' or '[')
            {
                char close = c == '(' ? ')' : ']';
                pos++;
                var items = new List<object>();
                while (true)
                {
                    SkipSpace();
                    if (Peek() == close) { pos++; break; }
                    items.Add(ParseValue(depth + 1));
                    SkipSpace();
                    if (Peek() == ',') { pos++; continue; }
                    SkipSpace();
                    Expect(close);
                    break;
                }
                return items;
            }
            if (Match("True")) return true;
            if (Match("False")) return false;
            int start = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            if (pos < text.Length && text[pos] == 'L') pos++; // Python 2 long suffix
            if (pos == start) throw fail($"unexpected character '{Printable(c)}' at header offset {pos}");
            if (!long.TryParse(text.AsSpan(start, pos - start).TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
                throw fail($"number too large at header offset {start}");
            return n;
        }

        private string ParseString()
        {
            char quote = Peek();
            if (quote is not ('\'' or '"')) throw fail($"expected a quoted key at header offset {pos}, found '{Printable(quote)}'");
            int end = text.IndexOf(quote, pos + 1);
            if (end < 0) throw fail("unterminated string in the header");
            string s = text.Substring(pos + 1, end - pos - 1);
            pos = end + 1;
            return s;
        }

        private bool Match(string word)
        {
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0) return false;
            pos += word.Length;
            return true;
        }

        private void Expect(char c)
        {
            if (Peek() != c) throw fail($"expected '{c}' at header offset {pos}, found '{Printable(Peek())}'");
            pos++;
        }

        private char Peek() => pos < text.Length ? text[pos] : '\0';

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }

        private static string Printable(char c) => c == '\0' ? "end of header" : char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
    }
}
