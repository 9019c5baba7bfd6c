namespace NeuroRnn.Analysis;

/// <summary>
/// Levenberg–Marquardt least squares with box bounds (each trial step is projected onto the box) for the small tuning
/// models: minimises Σ (y_i − f(p, i))² from a start point and reports which parameters end on a bound — a fit whose
/// parameter sits on a bound did not find an interior optimum, and its value there is the bound's, not the data's.
/// </summary>
internal static class BoundedLeastSquares
{
    /// <summary>f(p, i) and, into the span, ∂f/∂p at point i.</summary>
    public delegate double Model(double[] parameters, int point, Span<double> gradient);

    public readonly record struct Result(double[] Parameters, double Sse, int Iterations, bool[] AtBound);

    public static Result Fit(Model model, double[] y, double[] start, double[] lower, double[] upper, int maxIterations, double tolerance)
    {
        int n = start.Length;
        var p = Project(start, lower, upper);
        double sse = Sse(model, y, p);
        var jtj = new double[n, n];
        var jtr = new double[n];
        var gradient = new double[n];
        double lambda = 1e-3;
        int iterations = 0;
        for (; iterations < maxIterations && sse > 0; iterations++)
        {
            Array.Clear(jtj);
            Array.Clear(jtr);
            for (int i = 0; i < y.Length; i++)
            {
                double residual = y[i] - model(p, i, gradient);
                for (int a = 0; a < n; a++)
                {
                    jtr[a] += gradient[a] * residual;
                    for (int b = 0; b < n; b++) jtj[a, b] += gradient[a] * gradient[b];
                }
            }
            bool improved = false;
            while (lambda < 1e12)
            {
                var step = Solve(jtj, jtr, lambda);
                if (step is null) { lambda *= 10; continue; }
                var trial = new double[n];
                for (int a = 0; a < n; a++) trial[a] = p[a] + step[a];
                trial = Project(trial, lower, upper);
                double sseTrial = Sse(model, y, trial);
                if (sseTrial < sse)
                {
                    double relative = (sse - sseTrial) / Math.Max(sse, 1e-300);
                    p = trial;
                    sse = sseTrial;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = relative > tolerance;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) break;
        }
        var atBound = new bool[n];
        for (int a = 0; a < n; a++)
            atBound[a] = Near(p[a], lower[a]) || Near(p[a], upper[a]);
        return new Result(p, sse, iterations, atBound);
    }

    private static bool Near(double value, double bound) => double.IsFinite(bound) && Math.Abs(value - bound) <= 1e-6 * (1 + Math.Abs(bound));

    private static double[] Project(double[] p, double[] lower, double[] upper)
    {
        var result = new double[p.Length];
        for (int a = 0; a < p.Length; a++) result[a] = Math.Clamp(p[a], lower[a], upper[a]);
        return result;
    }

    public static double Sse(Model model, double[] y, double[] p)
    {
        Span<double> unused = stackalloc double[p.Length];
        double sse = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double d = y[i] - model(p, i, unused);
            sse += d * d;
        }
        return sse;
    }

    /// <summary>Solves (JᵀJ + λ diag(JᵀJ)) δ = Jᵀr by Gaussian elimination with partial pivoting; null if singular.</summary>
    private static double[]? Solve(double[,] jtj, double[] jtr, double lambda)
    {
        int n = jtr.Length;
        var m = new double[n, n + 1];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++) m[a, b] = jtj[a, b];
            m[a, a] += lambda * Math.Max(jtj[a, a], 1e-12);
            m[a, n] = jtr[a];
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++) if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (Math.Abs(m[pivot, col]) < 1e-300) return null;
            if (pivot != col) for (int c = 0; c <= n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            for (int row = col + 1; row < n; row++)
            {
                double f = m[row, col] / m[col, col];
                for (int c = col; c <= n; c++) m[row, c] -= f * m[col, c];
            }
        }
        var x = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double s = m[row, n];
            for (int c = row + 1; c < n; c++) s -= m[row, c] * x[c];
            x[row] = s / m[row, row];
        }
        return x.All(double.IsFinite) ? x : null;
    }
}
