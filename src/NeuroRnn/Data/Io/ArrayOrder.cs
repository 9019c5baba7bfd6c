namespace NeuroRnn.Data.Io;

/// <summary>Converts n-dimensional data between Fortran (column-major) and C (row-major) order.</summary>
internal static class ArrayOrder
{
    /// <summary>Reorders <paramref name="source"/>, stored in Fortran order for <paramref name="shape"/>, into C order.</summary>
    public static Array FortranToC(Array source, IReadOnlyList<int> shape) => Reorder(source, shape, fortranToC: true);

    /// <summary>Reorders <paramref name="source"/>, stored in C order for <paramref name="shape"/>, into Fortran order.</summary>
    public static Array CToFortran(Array source, IReadOnlyList<int> shape) => Reorder(source, shape, fortranToC: false);

    private static Array Reorder(Array source, IReadOnlyList<int> shape, bool fortranToC)
    {
        int n = shape.Count;
        var result = Array.CreateInstance(source.GetType().GetElementType()!, source.Length);
        if (source.Length == 0) return result;
        // Walk the C-order multi-index (last index fastest) and keep the matching Fortran offset up to date.
        var fortranStride = new long[n];
        long stride = 1;
        for (int d = 0; d < n; d++) { fortranStride[d] = stride; stride *= shape[d]; }
        var index = new int[n];
        long fOffset = 0;
        for (long c = 0; c < source.LongLength; c++)
        {
            if (fortranToC) Array.Copy(source, fOffset, result, c, 1); else Array.Copy(source, c, result, fOffset, 1);
            for (int d = n - 1; d >= 0; d--)
            {
                index[d]++;
                fOffset += fortranStride[d];
                if (index[d] < shape[d]) break;
                fOffset -= fortranStride[d] * shape[d];
                index[d] = 0;
            }
        }
        return result;
    }
}
