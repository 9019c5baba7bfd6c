namespace NeuroRnn.Numerics;

/// <summary>Puts decomposition results into the layout the <see cref="INumericsBackend"/> contract promises.</summary>
internal static class Decompositions
{
    /// <summary>
    /// Writes eigenvalues in ascending order and the matching eigenvectors (columns of the n×n column-major
    /// <paramref name="vectors"/>) in the same order.
    /// </summary>
    public static void StoreAscending(int n, System.Numerics.Complex[] values, double[] vectors,
        Span<double> eigenvalues, Span<double> eigenvectors)
    {
        var order = new int[n];
        var keys = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; keys[i] = values[i].Real; }
        Array.Sort(keys, order);
        for (int i = 0; i < n; i++)
        {
            eigenvalues[i] = keys[i];
            vectors.AsSpan(order[i] * n, n).CopyTo(eigenvectors.Slice(i * n, n));
        }
    }

    /// <summary>
    /// Writes the thin SVD (p = min(m, n) singular values descending, U m×p, Vᵀ p×n) from a full decomposition
    /// with U m×m and Vᵀ n×n, all column-major.
    /// </summary>
    public static void StoreThinSvd(int m, int n, double[] s, double[] fullU, double[] fullVt,
        Span<double> singularValues, Span<double> u, Span<double> vt)
    {
        int p = Math.Min(m, n);
        var order = new int[p];
        var keys = new double[p];
        for (int i = 0; i < p; i++) { order[i] = i; keys[i] = -s[i]; }
        Array.Sort(keys, order);
        for (int r = 0; r < p; r++)
        {
            int source = order[r];
            singularValues[r] = s[source];
            fullU.AsSpan(source * m, m).CopyTo(u.Slice(r * m, m));
            for (int col = 0; col < n; col++)
                vt[r + col * p] = fullVt[source + col * n];
        }
    }
}
