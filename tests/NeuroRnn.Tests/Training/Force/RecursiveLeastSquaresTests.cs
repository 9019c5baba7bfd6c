using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Numerics;
using NeuroRnn.Tests.Numerics;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Tests.Training.Force;

public sealed class RecursiveLeastSquaresTests
{
    /// <summary>A noisy linear problem y = Θx + ε with m observations of n inputs and q outputs.</summary>
    private static (Matrix<double> X, Matrix<double> Y) Problem(int m, int n, int q, int seed)
    {
        var random = new SeededRandom(seed);
        var x = Matrix<double>.Build.Dense(m, n, (_, _) => random.NextGaussian());
        var theta = Matrix<double>.Build.Dense(n, q, (_, _) => random.NextGaussian());
        var y = x * theta + Matrix<double>.Build.Dense(m, q, (_, _) => 0.3 * random.NextGaussian());
        return (x, y);
    }

    private static RecursiveLeastSquares Fit(Matrix<double> x, Matrix<double> y, double alpha, INumericsBackend backend)
    {
        var rls = new RecursiveLeastSquares(x.ColumnCount, y.ColumnCount, alpha, backend);
        for (int t = 0; t < x.RowCount; t++) rls.Update(x.Row(t).ToArray(), y.Row(t).ToArray());
        return rls;
    }

    /// <summary>W as a MathNet matrix (outputs × inputs).</summary>
    private static Matrix<double> W(RecursiveLeastSquares rls) => Matrix<double>.Build.Dense(rls.OutputCount, rls.InputCount, rls.Weights());

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void ConvergesToTheLeastSquaresSolution(string backend)
    {
        var (x, y) = Problem(400, 12, 3, 1);
        var rls = Fit(x, y, 1e-8, Backends.Get(backend));
        var direct = x.QR().Solve(y).Transpose(); // least squares by Householder QR
        double error = (W(rls) - direct).Enumerate().Max(Math.Abs);
        Assert.True(error < 1e-8, $"{backend}: max |W_rls − W_ls| = {error:E2}");
        Assert.Equal(400, rls.Updates);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void EqualsTheRidgeSolutionAndPTheInverseRegularisedCorrelation(string backend)
    {
        var (x, y) = Problem(60, 8, 2, 2);
        const double alpha = 3.0;
        var rls = Fit(x, y, alpha, Backends.Get(backend));
        var gram = x.TransposeThisAndMultiply(x) + alpha * Matrix<double>.Build.DenseIdentity(8);
        var ridge = gram.Solve(x.TransposeThisAndMultiply(y)).Transpose();
        Assertions.Close(ridge.ToColumnMajorArray(), rls.Weights(), 1e-10, $"{backend} ridge weights");
        Assertions.Close(gram.Inverse().ToColumnMajorArray(), rls.InverseCorrelation(), 1e-10, $"{backend} P");
    }

    [Fact]
    public void ContinuingFromSavedWeightsAndPIsBitIdentical()
    {
        var (x, y) = Problem(50, 5, 2, 3);
        var straight = Fit(x, y, 0.5, NumericsBackend.Managed);
        var first = Fit(x.SubMatrix(0, 20, 0, 5), y.SubMatrix(0, 20, 0, 2), 0.5, NumericsBackend.Managed);
        var resumed = new RecursiveLeastSquares(5, 2, first.Weights(), first.InverseCorrelation(), NumericsBackend.Managed);
        for (int t = 20; t < 50; t++) resumed.Update(x.Row(t).ToArray(), y.Row(t).ToArray());
        Assert.Equal(straight.Weights(), resumed.Weights());
        Assert.Equal(straight.InverseCorrelation(), resumed.InverseCorrelation());
        var prediction = new double[2];
        resumed.Predict(x.Row(0).ToArray(), prediction);
        Assertions.Close((W(straight) * x.Row(0)).ToArray(), prediction, 1e-14, "prediction");
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        Assert.Equal("regularization", Assert.Throws<ArgumentException>(() => new RecursiveLeastSquares(3, 1, 0)).ParamName);
        Assert.Equal("inputCount", Assert.Throws<ArgumentException>(() => new RecursiveLeastSquares(0, 1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new RecursiveLeastSquares(2, 1, new double[3], new double[4])).ParamName);
        var rls = new RecursiveLeastSquares(3, 1);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => rls.Update(new double[2], new double[1])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => rls.Update(new double[3], [double.NaN])).ParamName);
        Assert.Equal(0, rls.Updates);
    }
}
