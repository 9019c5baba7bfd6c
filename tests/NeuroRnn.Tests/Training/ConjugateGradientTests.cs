using NeuroRnn.Training;

namespace NeuroRnn.Tests.Training;

public class ConjugateGradientTests
{
    private static double ResidualNorm(QuadraticObjective q, double[] x, double[] g)
    {
        var ax = new double[x.Length];
        q.Apply(x, ax);
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += (ax[i] + g[i]) * (ax[i] + g[i]);
        return Math.Sqrt(s);
    }

    private static double[] Gradient(int n)
    {
        var g = new double[n];
        for (int i = 0; i < n; i++) g[i] = Math.Sin(i + 1);
        return g;
    }

    [Fact]
    public void SolvesAnSpdSystemToHighAccuracy()
    {
        const int n = 30;
        var q = QuadraticObjective.RandomSpd(n, seed: 3, conditioning: 100);
        var g = Gradient(n);
        var cg = new ConjugateGradient(n, 200, 1.3);
        var x = new double[n];
        var (iterations, stop) = cg.Solve(q.Apply, g, x, [], minIterations: 200, maxIterations: 200, tolerance: 5e-4, CancellationToken.None);
        Assert.True(ResidualNorm(q, x, g) < 1e-8, $"residual {ResidualNorm(q, x, g)} after {iterations} steps ({stop})");
    }

    [Fact]
    public void StopsExactlyWhenTheRelativeProgressRuleFirstHolds()
    {
        const int n = 60;
        var q = QuadraticObjective.RandomSpd(n, seed: 5, conditioning: 1e4);
        var g = Gradient(n);
        var cg = new ConjugateGradient(n, 250, 1.3);
        var x = new double[n];
        const double eps = 5e-4;
        var (iterations, stop) = cg.Solve(q.Apply, g, x, [], 1, 250, eps, CancellationToken.None);
        Assert.Equal(CgStop.RelativeProgress, stop);
        bool Holds(int i)
        {
            int k = Math.Max(10, (int)Math.Ceiling(0.1 * i));
            return i > k && cg.Phi(i) < 0 && (cg.Phi(i) - cg.Phi(i - k)) / cg.Phi(i) < k * eps;
        }
        Assert.True(Holds(iterations));
        for (int i = 1; i < iterations; i++) Assert.False(Holds(i), $"rule already held at step {i} but CG ran to {iterations}");
        Assert.True(iterations > 10);
        // φ decreases monotonically along CG.
        for (int i = 1; i <= iterations; i++) Assert.True(cg.Phi(i) <= cg.Phi(i - 1) + 1e-12);
    }

    [Fact]
    public void MinimumIterationsDelayTheStopRule()
    {
        const int n = 60;
        var q = QuadraticObjective.RandomSpd(n, seed: 5, conditioning: 1e4);
        var cg = new ConjugateGradient(n, 250, 1.3);
        var x = new double[n];
        var (iterations, stop) = cg.Solve(q.Apply, Gradient(n), x, [], 50, 50, 5e-4, CancellationToken.None);
        Assert.Equal(50, iterations);
        Assert.Equal(CgStop.IterationCap, stop);
    }

    [Fact]
    public void KeepsIteratesAtPowersOf1Point3AndTheLast()
    {
        const int n = 60;
        var q = QuadraticObjective.RandomSpd(n, seed: 7, conditioning: 1e5);
        var cg = new ConjugateGradient(n, 40, 1.3);
        var x = new double[n];
        var (iterations, _) = cg.Solve(q.Apply, Gradient(n), x, [], 40, 40, 5e-4, CancellationToken.None);
        Assert.Equal(40, iterations);
        var kept = Enumerable.Range(0, cg.KeptCount).Select(cg.KeptIteration).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 7, 9, 11, 14, 18, 24, 31, 40 }, kept);
        Assert.Equal(x, cg.Kept(cg.KeptCount - 1).ToArray());
    }

    [Fact]
    public void BadWarmStartIsReplacedByZero()
    {
        const int n = 10;
        var q = QuadraticObjective.RandomSpd(n, seed: 9, conditioning: 10);
        var g = Gradient(n);
        var cg = new ConjugateGradient(n, 100, 1.3);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 100 * g[i]; // uphill: φ(x0) > 0
        cg.Solve(q.Apply, g, x, [], 1, 1, 5e-4, CancellationToken.None);
        Assert.Equal(0, cg.Phi(0));
        Assert.True(cg.Phi(1) < 0);
    }

    [Fact]
    public void StopsOnNonPositiveCurvature()
    {
        const int n = 4;
        var cg = new ConjugateGradient(n, 20, 1.3);
        var x = new double[n];
        // An indefinite operator: A = diag(1, 1, −1, −1).
        var (iterations, stop) = cg.Solve((v, r) => { r[0] = v[0]; r[1] = v[1]; r[2] = -v[2]; r[3] = -v[3]; },
            [1, 1, 1, 1], x, [], 1, 20, 5e-4, CancellationToken.None);
        Assert.Equal(CgStop.NonPositiveCurvature, stop);
        Assert.Equal(0, iterations);
        Assert.Equal(0, cg.KeptCount);
    }

    [Fact]
    public void PreconditionedCgSolvesABadlyScaledSystem()
    {
        const int n = 20;
        var a = new double[n, n];
        var m = new double[n];
        for (int i = 0; i < n; i++) { a[i, i] = Math.Pow(10, i % 6); m[i] = a[i, i]; if (i > 0) { a[i, i - 1] = a[i - 1, i] = 0.1; } }
        var q = new QuadraticObjective(a, new double[n]);
        var g = Gradient(n);
        var cg = new ConjugateGradient(n, 100, 1.3);
        var plain = new double[n]; var preconditioned = new double[n];
        cg.Solve(q.Apply, g, plain, [], 8, 8, 5e-4, CancellationToken.None);
        cg.Solve(q.Apply, g, preconditioned, m, 8, 8, 5e-4, CancellationToken.None);
        Assert.True(ResidualNorm(q, preconditioned, g) < ResidualNorm(q, plain, g) / 10);
    }

    [Fact]
    public void SolveAllocatesNothing()
    {
        const int n = 200;
        var q = QuadraticObjective.Isotropic(n, 2);
        var product = new LinearOperator((v, r) => { for (int i = 0; i < v.Length; i++) r[i] = (1 + i % 7) * v[i]; });
        var g = Gradient(n);
        var cg = new ConjugateGradient(n, 100, 1.3);
        var x = new double[n];
        cg.Solve(product, g, x, [], 100, 100, 5e-4, CancellationToken.None);
        long before = GC.GetAllocatedBytesForCurrentThread();
        cg.Solve(product, g, x, [], 100, 100, 5e-4, CancellationToken.None);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        _ = q;
    }
}
