using System.Diagnostics;

namespace NeuroRnn.Training;

/// <summary>
/// The training loop every trainer runs (MathNet's iterative solvers in spirit: an iteration rule plus stop criteria):
/// it gets each iteration's data, calls the optimizer's <see cref="IOptimizerStep{TData}"/>, validates and keeps the best
/// parameters, reports statistics, and stops on the first of: all iterations done, cancellation, the optimizer giving
/// up, the validation metric reaching <see cref="TrainingRun.TargetValidation"/>, a validation plateau
/// (<see cref="TrainingRun.ValidationPatience"/>), <see cref="TrainingRun.StopWhen"/>, <see cref="TrainingRun.MaxWallTime"/> (checked in that order after each iteration;
/// cancellation also before each one and inside cancellable steps).
/// </summary>
public static class TrainingLoop
{
    /// <summary>Runs <paramref name="run"/> with <paramref name="step"/> from iteration <paramref name="firstIteration"/> on.</summary>
    /// <param name="step">The optimizer's update rule, already initialised from a fresh or resumed state.</param>
    /// <param name="objective">The model the step trains (read for the result and the best parameters; given to the validation).</param>
    /// <param name="data">The data of iteration i. The first iteration's data is fetched before any step, so data errors
    /// (an <see cref="ArgumentException"/> from this function) surface before training changes anything.</param>
    /// <param name="run">Length, validation and stop conditions.</param>
    /// <param name="firstIteration">Number of the first iteration (the resumed state's <see cref="OptimizerState.Iteration"/>).</param>
    /// <param name="onIteration">Called after every iteration with its statistics.</param>
    /// <param name="cancellationToken">Stops training; the unfinished iteration is discarded.</param>
    /// <exception cref="ArgumentException">The run is invalid or the first iteration's data is rejected.</exception>
    public static TrainingResult Run<TData>(IOptimizerStep<TData> step, ICurvatureObjective objective, Func<int, TData> data, TrainingRun run,
        int firstIteration, Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        run.ThrowIfInvalid();
        if (firstIteration < 0) throw new ArgumentException($"The first iteration must be ≥ 0, got {firstIteration}.", nameof(firstIteration));
        int n = objective.ParameterCount;
        double[]? best = null;
        double? bestValidation = null;
        int validationsSinceBest = 0;
        var statistics = new List<IterationStatistics>();
        var stop = StopReason.IterationsCompleted;
        int iteration = firstIteration;
        var clock = Stopwatch.StartNew();
        TData first = run.Iterations > 0 ? data(iteration) : default!;

        for (int done = 0; done < run.Iterations; done++)
        {
            if (cancellationToken.IsCancellationRequested) { stop = StopReason.Cancelled; break; }
            var watch = Stopwatch.StartNew();
            OptimizerStepResult outcome;
            try
            {
                outcome = step.Step(iteration, done == 0 ? first : data(iteration), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stop = StopReason.Cancelled;
                break;
            }
            double seconds = watch.Elapsed.TotalSeconds;
            double? validation = null;
            if (run.Validate is not null && ((done + 1) % run.ValidateEvery == 0 || done + 1 == run.Iterations))
            {
                validation = run.Validate(objective);
                if (bestValidation is null || validation < bestValidation)
                {
                    bestValidation = validation;
                    validationsSinceBest = 0;
                    best ??= new double[n];
                    objective.GetParameters(best);
                }
                else validationsSinceBest++;
            }
            var stats = new IterationStatistics(iteration, outcome.Loss, outcome.LossAfter, validation, outcome.StepNorm, outcome.Accepted,
                seconds, clock.Elapsed.TotalSeconds, outcome.Note, outcome.Details);
            iteration++;
            statistics.Add(stats);
            onIteration?.Invoke(stats);
            if (outcome.Stop is { } given) { stop = given; break; }
            if (validation is { } v && run.TargetValidation is { } target && v < target)
            {
                stop = StopReason.TargetReached(FormattableString.Invariant($"validation metric {v:G4} below the target {target:G4} after iteration {iteration}"));
                break;
            }
            if (validation is not null && run.ValidationPatience is { } patience && validationsSinceBest >= patience)
            {
                stop = StopReason.Plateau(FormattableString.Invariant($"no better validation metric in {patience} validations (best {bestValidation:G4})"));
                break;
            }
            if (run.StopWhen?.Invoke(stats) == true) { stop = StopReason.StopCondition; break; }
            if (run.MaxWallTime is { } budget && clock.Elapsed > budget) { stop = StopReason.WallTime; break; }
        }

        var parameters = new double[n];
        objective.GetParameters(parameters);
        return new TrainingResult(step.State(iteration), parameters, bestValidation is null ? (double[])parameters.Clone() : best!,
            bestValidation, statistics, stop);
    }
}
