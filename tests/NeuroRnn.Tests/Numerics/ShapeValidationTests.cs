using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class ShapeValidationTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Gemm_span_too_short_names_the_span_and_all_shapes(string backend)
    {
        var e = Assert.Throws<ArgumentException>(() => Backends.Get(backend).Gemm(
            Transpose.None, Transpose.None, 3, 2, 4, 1.0, new double[10], 3, new double[8], 4, 0.0, new double[6], 3));
        Assert.Contains("span 'a' has 10 elements but a 3×4 matrix with lda=3 needs 12", e.Message);
        Assert.Contains("op(A) = A is 3×4, op(B) = B is 4×2, C is 3×2", e.Message);
        Assert.Equal("a", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Gemm_with_transposed_B_too_short_names_both_shapes(string backend)
    {
        // op(B) = Bᵀ must be 4×2, so the stored B is 2×4 and needs 8 elements; 5 means the caller's shapes disagree.
        var e = Assert.Throws<ArgumentException>(() => Backends.Get(backend).Gemm(
            Transpose.None, Transpose.Transpose, 3, 2, 4, 1f, new float[12], 3, new float[5], 2, 0f, new float[6], 3));
        Assert.Contains("span 'b'", e.Message);
        Assert.Contains("op(A) = A is 3×4, op(B) = Bᵀ is 4×2", e.Message);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Gemm_rejects_small_leading_dimensions_and_negative_sizes(string backend)
    {
        var be = Backends.Get(backend);
        var lda = Assert.Throws<ArgumentException>(() => be.Gemm(
            Transpose.Transpose, Transpose.None, 3, 2, 4, 1.0, new double[100], 3, new double[100], 4, 0.0, new double[100], 3));
        Assert.Contains("lda=3", lda.Message);
        Assert.Contains("stored A is 4×3", lda.Message);
        var ldc = Assert.Throws<ArgumentException>(() => be.Gemm(
            Transpose.None, Transpose.None, 3, 2, 4, 1.0, new double[100], 3, new double[100], 4, 0.0, new double[100], 2));
        Assert.Equal("ldc", ldc.ParamName);
        var negative = Assert.Throws<ArgumentException>(() => be.Gemm(
            Transpose.None, Transpose.None, -1, 2, 4, 1.0, new double[100], 3, new double[100], 4, 0.0, new double[100], 3));
        Assert.Contains("m=-1", negative.Message);
        var zeroLd = Assert.Throws<ArgumentException>(() => be.Gemm(
            Transpose.None, Transpose.None, 0, 2, 0, 1.0, [], 0, [], 1, 0.0, [], 1));
        Assert.Contains("lda=0", zeroLd.Message);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Output_overlapping_an_input_is_rejected(string backend)
    {
        var buffer = new double[20];
        var e = Assert.Throws<ArgumentException>(() => Backends.Get(backend).Gemm(
            Transpose.None, Transpose.None, 2, 2, 2, 1.0, buffer.AsSpan(0, 4), 2, buffer.AsSpan(4, 4), 2, 0.0, buffer.AsSpan(2, 4), 2));
        Assert.Contains("overlaps", e.Message);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Vector_and_element_wise_length_mismatches_name_both_lengths(string backend)
    {
        var be = Backends.Get(backend);
        Assert.Contains("x has 3 elements but y has 4", Assert.Throws<ArgumentException>(() => be.Axpy(1.0, new double[3], new double[4])).Message);
        Assert.Contains("x has 3 elements but y has 4", Assert.Throws<ArgumentException>(() => be.Dot(new float[3], new float[4])).Message);
        Assert.Contains("x has 100 elements but y has 99", Assert.Throws<ArgumentException>(() => be.Tanh(new double[100], new double[99])).Message);
        var partial = new double[200];
        Assert.Contains("overlap partially", Assert.Throws<ArgumentException>(() => be.Exp(partial.AsSpan(0, 100), partial.AsSpan(50, 100))).Message);
        var gemv = Assert.Throws<ArgumentException>(() => be.Gemv(Transpose.Transpose, 4, 3, 1.0, new double[12], 4, new double[3], 0.0, new double[3]));
        Assert.Contains("op(A) = Aᵀ is 3×4 needs x of length 4 but span 'x' has 3", gemv.Message);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Decomposition_outputs_too_short_are_rejected(string backend)
    {
        var be = Backends.Get(backend);
        Assert.Equal("eigenvectors", Assert.Throws<ArgumentException>(() => be.SymmetricEigen(3, new double[9], new double[3], new double[8])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => be.SymmetricEigen(3, new double[8], new double[3], new double[9])).ParamName);
        var svd = Assert.Throws<ArgumentException>(() => be.Svd(4, 3, new double[12], new double[3], new double[9], new double[9]));
        Assert.Contains("U of a 4×3 matrix is 4×3 and needs 12", svd.Message);
    }

    [Fact]
    public void MathNet_router_reports_inner_dimension_mismatch_with_both_shapes()
    {
        var router = new BackendLinearAlgebraProvider(NumericsBackend.Managed,
            MathNet.Numerics.Providers.LinearAlgebra.ManagedLinearAlgebraProvider.Instance);
        var e = Assert.Throws<ArgumentException>(() => router.MatrixMultiply(new double[12], 3, 4, new double[10], 5, 2, new double[6]));
        Assert.Contains("op(A) is 3×4 but op(B) is 5×2 (inner dimensions 4 and 5 differ)", e.Message);
    }
}
