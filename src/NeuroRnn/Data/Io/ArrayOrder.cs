namespace NeuroRnn.Data.Io;

/// <summary>Converts n-dimensional data between Fortran (column-major) and C (row-major) order.</summary>
internal static class ArrayOrder
{
    /// <summary>Reorders <paramref name="source"/>, stored in Fortran order for <paramref name="shape"/>, into C order.</summary>
    public static Array FortranToC(Array source, IReadOnlyList<int> shape) => Reorder(source, shape, fortranToC: true);

    /// <summary>Reorders <paramref name="source"/>, stored in C order for <paramref name="shape"/>, into Fortran order.</summary>
    public static Array CToFortran(Array source, IReadOnlyList<int> shape) => Reorder(source, shape, fortranToC: false);

    private static Array Reorder(Array source, IReadOnlyList<int> shape, bool fortranToC) => source switch
    {
        // Exact element types matter only for allocation; the copy is typed so it runs without boxing.
        double[] a when a.GetType() == typeof(double[]) => Reorder(a, shape, fortranToC),
        float[] a when a.GetType() == typeof(float[]) => Reorder(a, shape, fortranToC),
        string?[] a => Reorder(a, shape, fortranToC),
        bool[] a when a.GetType() == typeof(bool[]) => Reorder(a, shape, fortranToC),
        _ => ReorderGeneric(source, shape, fortranToC),
    };

    private static T[] Reorder<T>(T[] source, IReadOnlyList<int> shape, bool fortranToC)
    {
        var result = new T[source.Length];
        Walk(shape, source.LongLength, (c, f) =>
        {
            if (fortranToC) result[c] = source[f]; else result[f] = source[c];
        });
        return result;
    }

    private static Array ReorderGeneric(Array source, IReadOnlyList<int> shape, bool fortranToC)
    {
        // Integer arrays: the CLR lets int[]/uint[] (etc.) alias, so copy through Buffer.BlockCopy per element size.
        var result = Array.CreateInstance(source.GetType().GetElementType()!, source.Length);
        int size = Buffer.ByteLength(source) / Math.Max(1, source.Length);
        Walk(shape, source.LongLength, (c, f) =>
        {
            if (fortranToC) Buffer.BlockCopy(source, (int)(f * size), result, (int)(c * size), size);
            else Buffer.BlockCopy(source, (int)(c * size), result, (int)(f * size), size);
        });
        return result;
    }

    /// <summary>Calls <paramref name="visit"/>(C offset, Fortran offset) for every element, in C order.</summary>
    private static void Walk(IReadOnlyList<int> shape, long length, Action<long, long> visit)
    {
        int n = shape.Count;
        if (length == 0) return;
        var fortranStride = new long[n];
        long stride = 1;
        for (int d = 0; d < n; d++) { fortranStride[d] = stride; stride *= shape[d]; }
        var index = new int[n];
        long fOffset = 0;
        for (long c = 0; c < length; c++)
        {
            visit(c, fOffset);
            for (int d = n - 1; d >= 0; d--)
            {
                index[d]++;
                fOffset += fortranStride[d];
                if (index[d] < shape[d]) break;
                fOffset -= fortranStride[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
