using System.Text;
using NeuroRnn.Data.Hdf5;
using PureHDF;
using PureHDF.VOL.Native;

namespace NeuroRnn.Data.Mat;

/// <summary>
/// Reads MAT v7.3 files (MATLAB's <c>save -v7.3</c>: HDF5 after a 512-byte user block) into the same
/// <see cref="MatFile"/> model as MAT v5. MATLAB's layout: one HDF5 object per variable, its class in the
/// <c>MATLAB_class</c> attribute; arrays stored with the dimensions reversed (HDF5's C order over the reversed shape
/// is MATLAB's column-major order, so values are taken over as stored); char as UTF-16 code units; logical as uint8;
/// empty arrays as their dimensions plus <c>MATLAB_empty</c>; cell arrays and struct-array fields as object references
/// into <c>/#refs#</c>; scalar structs as groups; sparse as a group of <c>data</c>, <c>ir</c>, <c>jc</c> with
/// <c>MATLAB_sparse</c> = the row count; complex as a compound of <c>real</c> and <c>imag</c>. Function handles and
/// opaque objects (table, string, containers.Map) are kept as <see cref="MatUnsupportedValue"/> with a warning naming
/// the variable, field and file.
/// </summary>
internal static class Mat73Reader
{
    private const int MaxDepth = 64;

    public static MatFile Read(Hdf5Source h5, string headerText)
    {
        var reader = new Reader(h5);
        var variables = new List<KeyValuePair<string, MatValue>>();
        foreach (var child in h5.Children(h5.Root, "/"))
        {
            if (child.Name.StartsWith('#')) continue; // #refs# and #subsystem# hold referenced values, not variables
            variables.Add(new(child.Name, reader.Value(child, "/" + child.Name, $"variable '{child.Name}'", 0)));
        }
        return new MatFile(headerText, variables, reader.Warnings);
    }

    private sealed class Reader(Hdf5Source h5)
    {
        public List<string> Warnings { get; } = new();

        public MatValue Value(IH5Object obj, string h5Path, string where, int depth)
        {
            if (depth > MaxDepth) throw h5.Fail(h5Path, $"{where}: cells/structs nest deeper than {MaxDepth} levels (a reference cycle?)");
            string? matlabClass = h5.StringAttribute(obj, h5Path, "MATLAB_class");
            if (obj is IH5Group group) return GroupValue(group, h5Path, where, matlabClass, depth);
            if (obj is not IH5Dataset dataset) throw h5.Fail(h5Path, $"{where}: is neither a dataset nor a group");
            var dims = MatlabDimensions(dataset, h5Path);
            if (h5.NumberAttribute(dataset, h5Path, "MATLAB_empty") is [not 0, ..])
            {
                // The dataset holds the dimensions of the empty array, not its values.
                var stored = h5.ReadDoubles(dataset, h5Path);
                var emptyDims = stored.Length >= 2 ? stored.Select(d => d is >= 0 and <= int.MaxValue ? (int)d : 0).ToArray() : new[] { 0, 0 };
                return EmptyOf(matlabClass, emptyDims);
            }
            switch (matlabClass)
            {
                case "cell":
                    return Cell(dataset, h5Path, where, dims, depth);
                case "char":
                    return Char(dataset, h5Path, where, dims);
                case null when IsReference(dataset, h5Path):
                    return Cell(dataset, h5Path, where, dims, depth);
                case null:
                case "double" or "single" or "logical" or "int8" or "uint8" or "int16" or "uint16" or "int32" or "uint32" or "int64" or "uint64":
                    return Numeric(dataset, h5Path, where, dims, matlabClass);
                default:
                    return Unsupported(dims, matlabClass, where);
            }
        }

        private MatValue GroupValue(IH5Group group, string h5Path, string where, string? matlabClass, int depth)
        {
            if (matlabClass is "function_handle") return Unsupported(new[] { 1, 1 }, matlabClass, where);
            if (h5.NumberAttribute(group, h5Path, "MATLAB_sparse") is [var rows, ..]) return Sparse(group, h5Path, where, matlabClass, rows);
            if (matlabClass is not (null or "struct")) return Unsupported(new[] { 1, 1 }, matlabClass, where);
            var children = h5.Children(group, h5Path);
            var order = FieldOrder(group, h5Path, children);
            // Struct arrays store each field as references (no MATLAB_class) with the array's shape; scalar structs store the values.
            var fieldObjects = order.Select(name => children.First(c => c.Name == name)).ToArray();
            bool isArray = fieldObjects.Length > 0 && fieldObjects.All(f => f is IH5Dataset d && IsReference(d, h5Path + "/" + f.Name)
                && h5.StringAttribute(f, h5Path + "/" + f.Name, "MATLAB_class") is null);
            if (!isArray)
            {
                var values = fieldObjects.Select(f => Value(f, h5Path + "/" + f.Name, $"{where}.{f.Name}", depth + 1)).ToArray();
                return new MatStructArray(new[] { 1, 1 }, order, new[] { values });
            }
            var firstPath = h5Path + "/" + fieldObjects[0].Name;
            var dims = MatlabDimensions((IH5Dataset)fieldObjects[0], firstPath);
            long count = dims.Aggregate(1L, (a, d) => a * d);
            var references = fieldObjects.Select(f => h5.ReadReferences((IH5Dataset)f, h5Path + "/" + f.Name)).ToArray();
            for (int f = 0; f < references.Length; f++)
                if (references[f].Length != count)
                    throw h5.Fail(h5Path + "/" + order[f], $"{where}: field '{order[f]}' has {references[f].Length} elements but the struct array has {count}");
            var elements = new List<IReadOnlyList<MatValue>>();
            for (int i = 0; i < count; i++)
            {
                var values = new MatValue[order.Length];
                for (int f = 0; f < order.Length; f++)
                {
                    string fieldPath = h5Path + "/" + order[f];
                    values[f] = Value(h5.Dereference(references[f][i], fieldPath), fieldPath + $"[{i}]", $"{where}({i + 1}).{order[f]}", depth + 1);
                }
                elements.Add(values);
            }
            return new MatStructArray(dims, order, elements);
        }

        private string[] FieldOrder(IH5Group group, string h5Path, IReadOnlyList<IH5Object> children)
        {
            var names = children.Select(c => c.Name).ToArray();
            // MATLAB_fields (a variable-length char sequence per field) gives MATLAB's field order; without it the
            // HDF5 link order is used.
            try
            {
                if (h5.StringAttribute(group, h5Path, "MATLAB_fields") is { } listed)
                {
                    var order = listed.Split(',');
                    if (order.Length == names.Length && order.All(names.Contains)) return order;
                }
            }
            catch (RecordingFormatException)
            {
                // Some writers store the names as vlen sequences of bytes that are not strings; fall back to link order.
            }
            return names;
        }

        private bool IsReference(IH5Dataset dataset, string h5Path) => h5.Guard(h5Path, () => dataset.Type.Class == H5DataTypeClass.Reference);

        private int[] MatlabDimensions(IH5Dataset dataset, string h5Path)
        {
            var stored = h5.Dimensions(dataset, h5Path);
            if (stored.Length == 0) return new[] { 1, 1 };
            var dims = stored.Reverse().Select(d => d <= int.MaxValue ? (int)d : throw h5.Fail(h5Path, $"has a dimension of {d}")).ToArray();
            return dims.Length == 1 ? new[] { dims[0], 1 } : dims;
        }

        private MatValue Numeric(IH5Dataset dataset, string h5Path, string where, int[] dims, string? matlabClass)
        {
            var type = h5.Guard(h5Path, () => dataset.Type);
            if (type.Class == H5DataTypeClass.Compound) return Complex(dataset, h5Path, where, dims, matlabClass);
            var values = h5.ReadDoubles(dataset, h5Path);
            var matClass = matlabClass switch
            {
                "single" => MatClass.Single,
                "int8" => MatClass.Int8,
                "uint8" or "logical" => MatClass.UInt8,
                "int16" => MatClass.Int16,
                "uint16" => MatClass.UInt16,
                "int32" => MatClass.Int32,
                "uint32" => MatClass.UInt32,
                "int64" => MatClass.Int64,
                "uint64" => MatClass.UInt64,
                _ => MatClass.Double,
            };
            if (matlabClass is null) Warnings.Add($"{h5.Path}: {where}: no MATLAB_class attribute; read as double");
            return Checked(h5Path, () => new MatNumericArray(matClass, dims, values, null, isLogical: matlabClass == "logical"));
        }

        private MatValue Complex(IH5Dataset dataset, string h5Path, string where, int[] dims, string? matlabClass)
        {
            h5.ElementCount(dataset, h5Path);
            var parts = h5.Guard(h5Path, () =>
            {
                var members = dataset.Type.Compound.Members.Select(m => m.Name).ToArray();
                if (!members.Contains("real") || !members.Contains("imag"))
                    throw h5.Fail(h5Path, $"{where}: a compound of {string.Join(", ", members)} is not a MATLAB complex array (real, imag)");
                return dataset.Type.Size == 16 ? dataset.Read<ComplexDouble[]>().Select(c => (c.real, c.imag)).ToArray()
                    : dataset.Read<ComplexSingle[]>().Select(c => ((double)c.real, (double)c.imag)).ToArray();
            });
            var matClass = matlabClass == "single" ? MatClass.Single : MatClass.Double;
            return Checked(h5Path, () => new MatNumericArray(matClass, dims, parts.Select(p => p.Item1).ToArray(), parts.Select(p => p.Item2).ToArray()));
        }

        private MatValue Char(IH5Dataset dataset, string h5Path, string where, int[] dims)
        {
            var codes = h5.ReadDoubles(dataset, h5Path);
            var chars = codes.Select(c => (char)(ushort)c).ToArray();
            return MatCharArray.FromColumnMajor(dims, chars);
        }

        private MatValue Cell(IH5Dataset dataset, string h5Path, string where, int[] dims, int depth)
        {
            var references = h5.ReadReferences(dataset, h5Path);
            var elements = new MatValue[references.Length];
            for (int i = 0; i < references.Length; i++)
            {
                var target = h5.Dereference(references[i], h5Path);
                elements[i] = Value(target, $"{h5Path}[{i}] → {target.Name}", $"{where}{{{i + 1}}}", depth + 1);
            }
            return Checked(h5Path, () => new MatCellArray(dims, elements));
        }

        private MatValue Sparse(IH5Group group, string h5Path, string where, string? matlabClass, double rowCount)
        {
            if (!(rowCount >= 0 && rowCount <= int.MaxValue)) throw h5.Fail(h5Path, $"{where}: MATLAB_sparse = {rowCount} is not a row count");
            int rows = (int)rowCount;
            if (!h5.Exists(group, "jc", h5Path)) throw h5.Fail(h5Path, $"{where}: a sparse array needs 'jc' (column pointers)");
            var jc = h5.ReadDoubles((IH5Dataset)h5.Guard(h5Path + "/jc", () => group.Get("jc")), h5Path + "/jc");
            int columns = jc.Length - 1;
            if (columns < 0) throw h5.Fail(h5Path + "/jc", $"{where}: no column pointers");
            if ((long)rows * columns > 100_000_000)
                return Unsupported(new[] { rows, columns }, $"sparse {rows}x{columns} array (too large for dense)", where);
            int nnz = (int)jc[^1];
            double[] ir = nnz == 0 ? [] : h5.ReadDoubles((IH5Dataset)h5.Guard(h5Path + "/ir", () => group.Get("ir")), h5Path + "/ir");
            double[] values = nnz == 0 ? [] : h5.ReadDoubles((IH5Dataset)h5.Guard(h5Path + "/data", () => group.Get("data")), h5Path + "/data");
            if (ir.Length < nnz || values.Length < nnz) throw h5.Fail(h5Path, $"{where}: {nnz} non-zeros but {ir.Length} row indices and {values.Length} values");
            var dense = new double[(long)rows * columns];
            for (int c = 0; c < columns; c++)
            {
                if (!(jc[c] >= 0 && jc[c] <= jc[c + 1] && jc[c + 1] <= nnz)) throw h5.Fail(h5Path + "/jc", $"{where}: column pointers are not increasing");
                for (int k = (int)jc[c]; k < (int)jc[c + 1]; k++)
                {
                    if (!(ir[k] >= 0 && ir[k] < rows)) throw h5.Fail(h5Path + "/ir", $"{where}: row index {ir[k]} outside {rows} rows");
                    dense[(long)c * rows + (long)ir[k]] = values[k];
                }
            }
            return new MatNumericArray(MatClass.Double, new[] { rows, columns }, dense, null, isLogical: matlabClass == "logical", wasSparse: true);
        }

        private static MatValue EmptyOf(string? matlabClass, int[] dims) => matlabClass switch
        {
            "char" => new MatCharArray(dims, new[] { "" }),
            "cell" => new MatCellArray(dims, Array.Empty<MatValue>()),
            "struct" => new MatStructArray(dims, Array.Empty<string>(), Array.Empty<IReadOnlyList<MatValue>>()),
            _ => new MatNumericArray(MatClass.Double, dims, Array.Empty<double>()),
        };

        private MatValue Unsupported(int[] dims, string? what, string where)
        {
            var matClass = what == "function_handle" ? MatClass.Function : MatClass.Opaque;
            string description = what == "function_handle" ? "function handle" : $"MATLAB object of class '{what}'";
            Warnings.Add($"{h5.Path}: {where}: a {description} cannot be read; kept as an unreadable placeholder");
            return new MatUnsupportedValue(dims, matClass, description);
        }

        private MatValue Checked(string h5Path, Func<MatValue> build)
        {
            try { return build(); }
            catch (ArgumentException e) { throw h5.Fail(h5Path, e.Message, e); }
        }
    }

    // Field names must match MATLAB's compound member names.
#pragma warning disable IDE1006, CS0649
    private struct ComplexDouble { public double real; public double imag; }
    private struct ComplexSingle { public float real; public float imag; }
#pragma warning restore IDE1006, CS0649
}
