using System.Numerics;

namespace NeuroRnn.Numerics;

/// <summary>
/// Puts the results of a general (non-symmetric) eigen-decomposition into the order and normalisation that
/// <see cref="INumericsBackend.GeneralEigen"/> promises, so that every back-end returns the same numbers.
/// </summary>
internal static class GeneralEigenResults
{
    /// <summary>
    /// Assembles complex eigenvectors from LAPACK's real storage: for a real eigenvalue λ_j column j is the
    /// vector; for a complex pair (λ_j, λ_j+1 = conj λ_j, Im λ_j &gt; 0) v_j = col j + i·col j+1 and v_j+1 = conj v_j.
    /// </summary>
    public static Complex[] FromRealStorage(int n, ReadOnlySpan<Complex> values, ReadOnlySpan<double> real)
    {
        var result = new Complex[n * n];
        for (int j = 0; j < n; j++)
        {
            if (values[j].Imaginary == 0)
            {
                for (int i = 0; i < n; i++) result[j * n + i] = real[j * n + i];
                continue;
            }
            if (j + 1 >= n)
                throw new ArithmeticException($"GeneralEigen: complex eigenvalue {values[j]} at the last position has no conjugate partner.");
            // Both LAPACK and MathNet store the member with positive imaginary part first; the other is its conjugate.
            double sign = values[j].Imaginary > 0 ? 1 : -1;
            for (int i = 0; i < n; i++)
            {
                var v = new Complex(real[j * n + i], sign * real[(j + 1) * n + i]);
                result[j * n + i] = v;
                result[(j + 1) * n + i] = Complex.Conjugate(v);
            }
            j++;
        }
        return result;
    }

    /// <summary>
    /// Sorts the eigenpairs (descending real part, then descending imaginary part), scales each right eigenvector to
    /// unit norm with its largest-modulus entry real and positive, scales each left eigenvector so that uᴴv = 1, and
    /// writes the requested outputs. <paramref name="right"/> must be given when <paramref name="left"/> is.
    /// </summary>
    public static void Store(int n, Complex[] values, Complex[]? right, Complex[]? left,
        Span<Complex> eigenvalues, Span<Complex> leftOut, Span<Complex> rightOut)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (p, q) =>
        {
            int c = values[q].Real.CompareTo(values[p].Real);
            return c != 0 ? c : values[q].Imaginary.CompareTo(values[p].Imaginary);
        });
        for (int k = 0; k < n; k++)
        {
            int source = order[k];
            eigenvalues[k] = values[source];
            if (right is null) continue;
            var v = right.AsSpan(source * n, n);
            NormalizeRight(v);
            if (rightOut.Length > 0) v.CopyTo(rightOut.Slice(k * n, n));
            if (left is null || leftOut.Length == 0) continue;
            var u = left.AsSpan(source * n, n);
            // A real eigenvalue has real eigenvectors; a left vector from a complex inverse carries rounding-level
            // imaginary parts, which are dropped.
            if (values[source].Imaginary == 0)
                for (int i = 0; i < n; i++) u[i] = u[i].Real;
            Complex uv = Complex.Zero;
            for (int i = 0; i < n; i++) uv += Complex.Conjugate(u[i]) * v[i];
            // u ← u / conj(uᴴv) makes uᴴv = 1. A zero product (defective eigenvalue) leaves u as computed.
            if (uv.Magnitude > 0)
            {
                var scale = Complex.Conjugate(uv);
                for (int i = 0; i < n; i++) u[i] /= scale;
            }
            u.CopyTo(leftOut.Slice(k * n, n));
        }
    }

    private static void NormalizeRight(Span<Complex> v)
    {
        double norm = 0;
        int big = 0;
        double bigMagnitude = -1;
        for (int i = 0; i < v.Length; i++)
        {
            double m = v[i].Magnitude;
            norm += m * m;
            // A strict comparison with a relative margin keeps the choice of the "largest" entry stable when two
            // entries tie up to rounding, so both back-ends pick the same one.
            if (m > bigMagnitude * (1 + 1e-9)) { bigMagnitude = m; big = i; }
        }
        if (norm == 0) return;
        var phase = Complex.Conjugate(v[big]) / (bigMagnitude * Math.Sqrt(norm));
        for (int i = 0; i < v.Length; i++) v[i] *= phase;
        v[big] = new Complex(v[big].Real, 0);
    }

    /// <summary>
    /// The inverse of the n×n complex column-major matrix V by LU with partial pivoting. Row k of V⁻¹ is wₖᵀ with
    /// wₖᵀ·A = λₖ·wₖᵀ and wₖᵀ·vₖ = 1, i.e. the conjugate of the left eigenvector uₖ in the ?geev convention.
    /// </summary>
    public static Complex[] Inverse(int n, Complex[] v)
    {
        var lu = (Complex[])v.Clone();
        var pivot = new int[n];
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = lu[k * n + k].Magnitude;
            for (int i = k + 1; i < n; i++)
            {
                double m = lu[k * n + i].Magnitude;
                if (m > best) { best = m; p = i; }
            }
            if (best == 0) throw new ArithmeticException("GeneralEigen: the eigenvector matrix is singular (the matrix is defective); left eigenvectors are undefined.");
            pivot[k] = p;
            if (p != k)
                for (int j = 0; j < n; j++) (lu[j * n + k], lu[j * n + p]) = (lu[j * n + p], lu[j * n + k]);
            var diagonal = lu[k * n + k];
            for (int i = k + 1; i < n; i++) lu[k * n + i] /= diagonal;
            for (int j = k + 1; j < n; j++)
            {
                var factor = lu[j * n + k];
                if (factor == Complex.Zero) continue;
                for (int i = k + 1; i < n; i++) lu[j * n + i] -= lu[k * n + i] * factor;
            }
        }
        // Solve LU·X = P·I column by column.
        var inverse = new Complex[n * n];
        var column = new Complex[n];
        for (int c = 0; c < n; c++)
        {
            Array.Clear(column);
            column[c] = 1;
            for (int k = 0; k < n; k++)
                if (pivot[k] != k) (column[k], column[pivot[k]]) = (column[pivot[k]], column[k]);
            for (int k = 0; k < n; k++)
                for (int i = k + 1; i < n; i++) column[i] -= lu[k * n + i] * column[k];
            for (int k = n - 1; k >= 0; k--)
            {
                column[k] /= lu[k * n + k];
                for (int i = 0; i < k; i++) column[i] -= lu[k * n + i] * column[k];
            }
            column.CopyTo(inverse, c * n);
        }
        return inverse;
    }
}
