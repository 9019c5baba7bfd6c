namespace NeuroRnn.Data.Mat;

/// <summary>
/// A numeric or logical MATLAB array (dense, or sparse read as dense), values converted to double in MATLAB's
/// column-major order (int64/uint64 beyond 2^53 lose precision).
/// </summary>
public sealed class MatNumericArray : MatValue
{
    private readonly double[] real;
    private readonly double[]? imaginary;

    /// <summary>Creates an array; the value arrays are taken as they are (column-major, length = numel).</summary>
    /// <exception cref="ArgumentException">A length does not match the dimensions.</exception>
    public MatNumericArray(MatClass matClass, IReadOnlyList<int> dimensions, double[] real, double[]? imaginary = null, bool isLogical = false, bool wasSparse = false)
        : base(dimensions)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (matClass is MatClass.Cell or MatClass.Struct or MatClass.Object or MatClass.Char or MatClass.Sparse)
            throw new ArgumentException($"{matClass} is not a numeric class.", nameof(matClass));
        if (real.LongLength != ElementCount) throw new ArgumentException($"{real.Length} values for dimensions {string.Join("x", dimensions)}.", nameof(real));
        if (imaginary is not null && imaginary.LongLength != ElementCount) throw new ArgumentException("The imaginary part has another length than the real part.", nameof(imaginary));
        Class = matClass;
        this.real = real;
        this.imaginary = imaginary;
        IsLogical = isLogical;
        WasSparse = wasSparse;
    }

    /// <inheritdoc />
    public override MatClass Class { get; }

    /// <summary>True for MATLAB logical arrays (values 0/1).</summary>
    public bool IsLogical { get; }

    /// <summary>True when the file stored the array as sparse (it is held dense here).</summary>
    public bool WasSparse { get; }

    /// <summary>True when the array has an imaginary part.</summary>
    public bool IsComplex => imaginary is not null;

    /// <summary>The real parts, column-major (read-only view).</summary>
    public ReadOnlySpan<double> Real => real;

    /// <summary>The imaginary parts, column-major (empty when real).</summary>
    public ReadOnlySpan<double> Imaginary => imaginary ?? ReadOnlySpan<double>.Empty;

    /// <summary>A copy of the real parts, column-major (MATLAB's <c>x(:)</c>).</summary>
    public double[] ToColumnMajorArray() => (double[])real.Clone();

    /// <summary>A copy of the real parts reordered to C (row-major) order for the same dimensions.</summary>
    public double[] ToRowMajorArray() => (double[])Io.ArrayOrder.FortranToC(real, Dimensions);

    /// <summary>The real part at a MATLAB subscript (zero-based), e.g. <c>GetValue(2, 0)</c> is MATLAB's <c>x(3, 1)</c>.</summary>
    /// <exception cref="ArgumentException">The subscript has the wrong number of indices or is out of range.</exception>
    public double GetValue(params int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != Dimensions.Count) throw new ArgumentException($"Give {Dimensions.Count} indices for a {string.Join("x", Dimensions)} array.", nameof(index));
        long offset = 0, stride = 1;
        for (int d = 0; d < index.Length; d++)
        {
            if ((uint)index[d] >= (uint)Dimensions[d]) throw new ArgumentException($"Index {index[d]} is outside dimension {d} (size {Dimensions[d]}).", nameof(index));
            offset += index[d] * stride;
            stride *= Dimensions[d];
        }
        return real[offset];
    }

    /// <summary>The single value of a 1×1 array.</summary>
    /// <exception cref="InvalidOperationException">The array does not hold exactly one element.</exception>
    public double Scalar => ElementCount == 1 ? real[0] : throw new InvalidOperationException($"A {Describe()} is not a scalar.");

    /// <inheritdoc />
    public override string Describe() =>
        $"{string.Join("x", Dimensions)} {(IsLogical ? "logical" : Class.ToString().ToLowerInvariant())}{(IsComplex ? " complex" : "")}{(WasSparse ? " (sparse)" : "")}";
}
