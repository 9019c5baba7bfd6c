using System.Diagnostics;

namespace NeuroRnn.Training;

/// <summary>
/// Adam on the gradient from back-propagation through time, with gradient-norm clipping. One iteration is one
/// step on the iteration's gradient batch. A non-finite loss or gradient skips the step (reported as rejected).
/// </summary>
public sealed class AdamTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="AdamOptions"/>' defaults.</summary>
    public AdamTrainer(AdamOptions? options = null)
    {
        Options = options ?? new AdamOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public AdamOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "adam";

    /// <inheritdoc/>
    public TrainingResult Train(ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        OptimizerState? resumeFrom = null, Action<IterationStatistics>? onIteration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        run.ThrowIfInvalid();
        int n = objective.ParameterCount;
        if (n <= 0) throw new ArgumentException($"The objective has {n} parameters.", nameof(objective));
        double[] m, v;
        double steps;
        int iteration;
        if (resumeFrom is null) { m = new double[n]; v = new double[n]; steps = 0; iteration = 0; }
        else
        {
            if (resumeFrom.Optimizer != Name)
                throw new ArgumentException($"Cannot resume Adam training from a \"{resumeFrom.Optimizer}\" optimizer state.", nameof(resumeFrom));
            m = (double[])resumeFrom.Vector("firstMoment", n).Clone();
            v = (double[])resumeFrom.Vector("secondMoment", n).Clone();
            steps = resumeFrom.Scalar("steps");
            iteration = resumeFrom.Iteration;
        }
        var o = Options;
        var theta = new double[n];
        var gradient = new double[n];
        objective.GetParameters(theta);
        double[] best = theta;
        double? bestValidation = null;
        var statistics = new List<IterationStatistics>();
        var clock = Stopwatch.StartNew();
        string stopReason = "iterations";
        TrainingData? first = run.Iterations > 0 ? TrainerChecks.CheckedData(objective, data, iteration) : null;

        for (int done = 0; done < run.Iterations; done++, iteration++)
        {
            if (cancellationToken.IsCancellationRequested) { stopReason = "cancelled"; break; }
            var watch = Stopwatch.StartNew();
            var batch = (done == 0 ? first! : TrainerChecks.CheckedData(objective, data, iteration, checkFit: false)).GradientBatch;
            double loss = objective.LossAndGradient(batch, gradient);
            IterationStatistics stats;
            if (!double.IsFinite(loss) || !VectorMath.AllFinite(gradient))
            {
                stats = new IterationStatistics(iteration, loss, loss, null, double.NaN, double.NaN, 0, 0, false, 0, 0, "non-finite loss or gradient; step skipped");
            }
            else
            {
                double norm = VectorMath.Norm(gradient);
                string? note = null;
                if (norm > o.GradientClipNorm)
                {
                    VectorMath.Scale(o.GradientClipNorm / norm, gradient);
                    note = $"gradient norm {norm:G3} clipped to {o.GradientClipNorm:G3}";
                }
                steps++;
                double correction1 = 1 - Math.Pow(o.Beta1, steps), correction2 = 1 - Math.Pow(o.Beta2, steps);
                double stepSquared = 0;
                for (int j = 0; j < n; j++)
                {
                    double g = gradient[j];
                    m[j] = o.Beta1 * m[j] + (1 - o.Beta1) * g;
                    v[j] = o.Beta2 * v[j] + (1 - o.Beta2) * g * g;
                    double delta = o.LearningRate * (m[j] / correction1) / (Math.Sqrt(v[j] / correction2) + o.Epsilon);
                    theta[j] -= delta;
                    stepSquared += delta * delta;
                }
                objective.SetParameters(theta);
                stats = new IterationStatistics(iteration, loss, double.NaN, null, double.NaN, double.NaN, 0, Math.Sqrt(stepSquared), true, 0, 0, note, 0, 1);
            }
            double? validation = null;
            if (run.Validate is not null && ((done + 1) % run.ValidateEvery == 0 || done + 1 == run.Iterations))
            {
                validation = run.Validate(objective);
                if (bestValidation is null || validation < bestValidation)
                {
                    bestValidation = validation;
                    best = (double[])theta.Clone();
                }
            }
            stats = stats with { Validation = validation, Seconds = watch.Elapsed.TotalSeconds, ElapsedSeconds = clock.Elapsed.TotalSeconds };
            statistics.Add(stats);
            onIteration?.Invoke(stats);
            if (run.StopWhen?.Invoke(stats) == true) { stopReason = "stop condition"; iteration++; break; }
            if (run.MaxWallTime is { } budget && clock.Elapsed > budget) { stopReason = "wall time"; iteration++; break; }
        }
        if (bestValidation is null) best = (double[])theta.Clone();
        var state = new OptimizerState(Name, iteration,
            new Dictionary<string, double> { ["steps"] = steps },
            new Dictionary<string, double[]> { ["firstMoment"] = m, ["secondMoment"] = v });
        return new TrainingResult(state, (double[])theta.Clone(), best, bestValidation, statistics, stopReason);
    }
}
