using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

/// <summary>Random batches, masks and the numerical reference derivatives the model tests compare against.</summary>
public static class RnnTestData
{
    public static TrialBatch RandomBatch(int steps, int batchSize, int inputs, int outputs, OutputKind kind, int seed,
        bool partialMask = false, bool variableLengths = false)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var u = new double[steps * batchSize * inputs];
        for (int k = 0; k < u.Length; k++) u[k] = Gaussian();
        var targets = new double[steps * batchSize * outputs];
        var mask = new double[targets.Length];
        int[]? lengths = variableLengths ? Enumerable.Range(0, batchSize).Select(b => Math.Max(1, steps - b)).ToArray() : null;
        for (int t = 0; t < steps; t++)
            for (int b = 0; b < batchSize; b++)
            {
                int start = (t * batchSize + b) * outputs;
                bool stepCounts = (!partialMask || random.NextDouble() < 0.7) && (lengths is null || t < lengths[b]);
                int hot = random.Next(outputs);
                for (int o = 0; o < outputs; o++)
                {
                    targets[start + o] = kind switch
                    {
                        OutputKind.LinearSquaredError => Gaussian(),
                        OutputKind.LogisticCrossEntropy => random.NextDouble(),
                        OutputKind.PoissonLogRate or OutputKind.PoissonSoftplusRate => random.Next(4), // spike counts 0…3
                        _ => o == hot ? 1 : 0,
                    };
                    mask[start + o] = stepCounts ? 1 : 0;
                    if (!stepCounts && o == 0) targets[start + o] = double.NaN; // allowed where the mask is 0
                }
            }
        if (mask.All(m => m == 0)) Array.Fill(mask, 1.0, 0, outputs);
        if (lengths is not null)
            for (int b = 0; b < batchSize; b++)
                for (int t = lengths[b]; t < steps; t++)
                    for (int i = 0; i < inputs; i++) u[(t * batchSize + b) * inputs + i] = 0;
        return new TrialBatch(steps, batchSize, inputs, outputs, u, targets, mask, lengths);
    }

    public static bool[,] RandomMask(int rows, int columns, double density, int seed)
    {
        var random = new Random(seed);
        var mask = new bool[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) mask[i, j] = random.NextDouble() < density;
        return mask;
    }

    public static bool[] RandomFlags(int count, double probability, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble() < probability).ToArray();
    }

    public static double[] RandomVector(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();
    }

    /// <summary>Central differences of the objective's loss.</summary>
    public static double[] FiniteDifferenceGradient(ICurvatureObjective objective, TrialBatch batch, double step)
    {
        var theta = new double[objective.ParameterCount];
        objective.GetParameters(theta);
        var gradient = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            double saved = theta[k];
            theta[k] = saved + step; objective.SetParameters(theta); double plus = objective.Loss(batch);
            theta[k] = saved - step; objective.SetParameters(theta); double minus = objective.Loss(batch);
            theta[k] = saved;
            gradient[k] = (plus - minus) / (2 * step);
        }
        objective.SetParameters(theta);
        return gradient;
    }

    /// <summary>
    /// Asserts gᵀd (<paramref name="gradient"/> along <paramref name="direction"/>) against central differences of the
    /// objective's loss at θ ± h·d, to 1e-7 relative; the objective is left at <paramref name="theta"/>.
    /// </summary>
    public static void AssertGradientAlong(RnnObjective objective, double[] theta, double[] direction, TrialBatch batch, double[] gradient)
    {
        const double h = 1e-5;
        double Loss(double step)
        {
            objective.SetParameters(theta.Select((x, k) => x + step * direction[k]).ToArray());
            return objective.Loss(batch);
        }
        double numeric = (Loss(h) - Loss(-h)) / (2 * h);
        objective.SetParameters(theta);
        double analytic = Dot(gradient, direction);
        Assert.True(Math.Abs(numeric - analytic) < 1e-7 * Math.Abs(analytic), $"gᵀd = {analytic}, finite difference {numeric}");
    }

    /// <summary>
    /// Asserts dᵀGd of the Gauss-Newton product (no activity penalty, no damping) against (2/D) Σ mask·(J_z d)², with
    /// J_z d from central differences of the network's outputs, to 1e-7 relative.
    /// </summary>
    public static void AssertGaussNewtonAlong(RateRnnOptions options, double[] theta, double[] direction, TrialBatch batch)
    {
        const double h = 1e-5;
        var plain = new RnnObjective(new RateRnn(options, theta), new RnnLossOptions(), NumericsBackend.Current);
        plain.PrepareCurvature(batch);
        var product = new double[theta.Length];
        plain.GaussNewtonProduct(direction, 0, product);
        double[] Outputs(double step) => new RateRnn(options, theta.Select((x, k) => x + step * direction[k]).ToArray()).Run(batch).Outputs;
        var plus = Outputs(h);
        var minus = Outputs(-h);
        double sum = 0, maskSum = batch.Mask.Sum();
        for (int k = 0; k < plus.Length; k++)
        {
            double jv = (plus[k] - minus[k]) / (2 * h);
            sum += batch.Mask[k] * jv * jv;
        }
        double expected = 2 * sum / maskSum;
        double dGd = Dot(direction, product);
        Assert.True(Math.Abs(dGd - expected) < 1e-7 * expected, $"dᵀGd = {dGd}, from finite differences {expected}");
    }

    /// <summary>Central-difference Jacobian (rows: the entries of f, columns: parameters).</summary>
    public static double[][] FiniteDifferenceJacobian(double[] theta, Func<double[], double[]> f, double step)
    {
        var columns = new double[theta.Length][];
        var point = (double[])theta.Clone();
        for (int k = 0; k < theta.Length; k++)
        {
            point[k] = theta[k] + step; var plus = f(point);
            point[k] = theta[k] - step; var minus = f(point);
            point[k] = theta[k];
            columns[k] = plus.Select((p, i) => (p - minus[i]) / (2 * step)).ToArray();
        }
        return columns; // columns[k][row]
    }

    public static double RelativeError(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        double difference = 0, norm = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            difference += (actual[k] - expected[k]) * (actual[k] - expected[k]);
            norm += expected[k] * expected[k];
        }
        return Math.Sqrt(difference) / Math.Max(Math.Sqrt(norm), 1e-300);
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
