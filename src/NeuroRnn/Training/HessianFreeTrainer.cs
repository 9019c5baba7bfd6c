using System.Diagnostics;
using System.Globalization;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>
/// Hessian-free optimization (Martens 2010; Martens &amp; Sutskever 2011): at every iteration CG solves the damped
/// Gauss-Newton system (G + λI + λμ S) p = −g on a curvature minibatch; the best kept CG iterate is chosen by
/// backtracking, an Armijo line search scales it, and λ follows the Levenberg–Marquardt rule on the reduction
/// ratio ρ. Steps whose loss is non-finite or that fail the line search are rejected (parameters unchanged,
/// λ raised) and training continues. Deterministic: the result depends only on the objective, the data of each
/// iteration and the state, so a resumed run continues bit-identically.
/// </summary>
public sealed class HessianFreeTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="HessianFreeOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public HessianFreeTrainer(HessianFreeOptions? options = null)
    {
        Options = options ?? new HessianFreeOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public HessianFreeOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "hf";

    /// <summary>The state a fresh run starts from: iteration 0, the initial λ, no previous CG solution.</summary>
    public OptimizerState InitialState(int parameterCount) => new(Name, 0,
        new Dictionary<string, double> { ["lambda"] = Options.InitialLambda },
        new Dictionary<string, double[]> { ["previousSolution"] = new double[parameterCount] });

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
        var state = resumeFrom ?? InitialState(n);
        if (state.Optimizer != Name)
            throw new ArgumentException($"Cannot resume Hessian-free training from a \"{state.Optimizer}\" optimizer state.", nameof(resumeFrom));
        double lambda = state.Scalar("lambda");
        if (!(lambda > 0) || !double.IsFinite(lambda))
            throw new ArgumentException($"The optimizer state's lambda must be positive and finite, got {lambda}.", nameof(resumeFrom));
        var previous = (double[])state.Vector("previousSolution", n).Clone();

        var session = new Session(this, objective, n);
        var statistics = new List<IterationStatistics>();
        var parameters = new double[n];
        objective.GetParameters(parameters);
        double[] best = parameters;
        double? bestValidation = null;
        var clock = Stopwatch.StartNew();
        string stopReason = "iterations";
        int iteration = state.Iteration;
        TrainingData? first = run.Iterations > 0 ? TrainerChecks.CheckedData(objective, data, iteration) : null;

        for (int done = 0; done < run.Iterations; done++, iteration++)
        {
            if (cancellationToken.IsCancellationRequested) { stopReason = "cancelled"; break; }
            var batches = done == 0 ? first! : TrainerChecks.CheckedData(objective, data, iteration, checkFit: false);
            IterationStatistics stats;
            try
            {
                stats = session.Iterate(iteration, batches, ref lambda, previous, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                session.RestoreStart();
                stopReason = "cancelled";
                break;
            }
            double? validation = null;
            if (run.Validate is not null && ((done + 1) % run.ValidateEvery == 0 || done + 1 == run.Iterations))
            {
                validation = run.Validate(objective);
                if (bestValidation is null || validation < bestValidation)
                {
                    bestValidation = validation;
                    best = new double[n];
                    objective.GetParameters(best);
                }
            }
            stats = stats with { Validation = validation, ElapsedSeconds = clock.Elapsed.TotalSeconds };
            statistics.Add(stats);
            onIteration?.Invoke(stats);
            if (lambda >= Options.MaximumLambda) { stopReason = "lambda exploded"; iteration++; break; }
            if (run.StopWhen?.Invoke(stats) == true) { stopReason = "stop condition"; iteration++; break; }
            if (run.MaxWallTime is { } budget && clock.Elapsed > budget) { stopReason = "wall time"; iteration++; break; }
        }

        objective.GetParameters(parameters);
        if (bestValidation is null) best = parameters;
        var finalState = new OptimizerState(Name, iteration,
            new Dictionary<string, double> { ["lambda"] = lambda },
            new Dictionary<string, double[]> { ["previousSolution"] = previous });
        return new TrainingResult(finalState, parameters, best, bestValidation, statistics, stopReason);
    }

    /// <summary>Preallocated work vectors and the per-iteration algorithm.</summary>
    private sealed class Session
    {
        private readonly HessianFreeOptions _o;
        private readonly ICurvatureObjective _objective;
        private readonly ConjugateGradient _cg;
        private readonly double[] _theta0, _gradient, _x, _trial, _gp, _squared, _preconditioner;
        private readonly LinearOperator _dampedProduct;
        private double _lambda;

        public Session(HessianFreeTrainer trainer, ICurvatureObjective objective, int n)
        {
            _o = trainer.Options;
            _objective = objective;
            _cg = new ConjugateGradient(n, _o.MaxCgIterations, _o.KeptIterateBase);
            _theta0 = new double[n]; _gradient = new double[n]; _x = new double[n]; _trial = new double[n]; _gp = new double[n];
            _squared = _o.UsePreconditioner ? new double[n] : [];
            _preconditioner = _o.UsePreconditioner ? new double[n] : [];
            _dampedProduct = DampedProduct;
        }

        // (G + λμ S + λ I) v
        private void DampedProduct(ReadOnlySpan<double> v, Span<double> result)
        {
            _objective.GaussNewtonProduct(v, _lambda * _o.StructuralDamping, result);
            VectorMath.Axpy(_lambda, v, result);
        }

        public void RestoreStart() => _objective.SetParameters(_theta0);

        private double LossAt(ReadOnlySpan<double> step, double scale, TrialBatch batch)
        {
            VectorMath.AddScaled(_theta0, scale, step, _trial);
            _objective.SetParameters(_trial);
            double f = _objective.Loss(batch);
            return double.IsNaN(f) ? double.PositiveInfinity : f;
        }

        public IterationStatistics Iterate(int iteration, TrainingData data, ref double lambda, double[] previous, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            _lambda = lambda;
            var gradientBatch = data.GradientBatch;
            var curvatureBatch = data.CurvatureBatch;
            _objective.GetParameters(_theta0);

            IterationStatistics Reject(double loss, int cg, double rho, string why, ref double lam)
            {
                _objective.SetParameters(_theta0);
                double used = lam;
                lam = Math.Min(lam * _o.LambdaIncrease, _o.MaximumLambda);
                return new IterationStatistics(iteration, loss, loss, null, rho, used, cg, 0, false, watch.Elapsed.TotalSeconds, 0, why);
            }

            double f0 = _objective.LossAndGradient(gradientBatch, _gradient);
            if (!double.IsFinite(f0) || !VectorMath.AllFinite(_gradient))
                return Reject(f0, 0, double.NegativeInfinity, "non-finite loss or gradient at the current parameters", ref lambda);
            bool rhoOnGradient = _o.ReductionRatioOnGradientBatch || ReferenceEquals(curvatureBatch, gradientBatch);
            double rhoLoss0 = rhoOnGradient ? f0 : _objective.Loss(curvatureBatch);

            if (_o.UsePreconditioner)
            {
                _objective.SquaredGradientSum(gradientBatch, _squared);
                for (int j = 0; j < _squared.Length; j++)
                    _preconditioner[j] = Math.Pow(_squared[j] + _lambda, _o.PreconditionerExponent);
            }

            _objective.PrepareCurvature(curvatureBatch);
            for (int j = 0; j < _x.Length; j++) _x[j] = _o.WarmStartDecay * previous[j];
            var (cgIterations, cgStop) = _cg.Solve(_dampedProduct, _gradient, _x, _preconditioner,
                _o.MinCgIterations, _o.MaxCgIterations, _o.CgTolerance, ct);
            // Warm start from the last CG iterate, not the backtracked one (Martens 2010).
            if (VectorMath.AllFinite(_x)) _x.CopyTo(previous); else Array.Clear(previous);
            if (_cg.KeptCount == 0)
                return Reject(f0, cgIterations, double.NegativeInfinity, $"CG produced no step ({Describe(cgStop)} at step 1)", ref lambda);

            // Backtrack from the last kept iterate while the loss keeps improving.
            var backtrackBatch = _o.BacktrackOnCurvatureBatch ? curvatureBatch : gradientBatch;
            int chosen = _cg.KeptCount - 1;
            double chosenLoss = LossAt(_cg.Kept(chosen), 1, backtrackBatch);
            for (int k = chosen - 1; k >= 0; k--)
            {
                ct.ThrowIfCancellationRequested();
                double f = LossAt(_cg.Kept(k), 1, backtrackBatch);
                if (f < chosenLoss) { chosen = k; chosenLoss = f; }
                else break;
            }
            var step = _cg.Kept(chosen);

            // ρ with the undamped quadratic model, q(p) − q(0) = gᵀp + ½ pᵀGp, on the curvature minibatch (Martens) or
            // on the gradient batch (ReductionRatioOnGradientBatch).
            _objective.SetParameters(_theta0);
            _objective.PrepareCurvature(curvatureBatch);
            _objective.GaussNewtonProduct(step, 0, _gp);
            double gp = VectorMath.Dot(_gradient, step);
            double modelChange = gp + 0.5 * VectorMath.Dot(step, _gp);
            var rhoBatch = rhoOnGradient ? gradientBatch : curvatureBatch;
            double rhoLoss1 = ReferenceEquals(rhoBatch, backtrackBatch) ? chosenLoss : LossAt(step, 1, rhoBatch);
            double rho = !double.IsFinite(rhoLoss1) || rhoLoss1 > rhoLoss0 || !(modelChange < 0)
                ? double.NegativeInfinity
                : (rhoLoss1 - rhoLoss0) / modelChange;
            string cgNote = $"CG {Describe(cgStop)}; backtracked to iterate {_cg.KeptIteration(chosen)} of {cgIterations}";

            // Armijo line search along the chosen step, on the gradient batch.
            double alpha = 1, loss = ReferenceEquals(backtrackBatch, gradientBatch) ? chosenLoss : LossAt(step, 1, gradientBatch);
            bool accepted = false;
            if (gp < 0)
            {
                for (int cut = 0; ; cut++)
                {
                    if (loss <= f0 + _o.ArmijoConstant * alpha * gp) { accepted = true; break; }
                    if (cut == _o.MaxLineSearchCuts) break;
                    ct.ThrowIfCancellationRequested();
                    alpha *= _o.LineSearchShrink;
                    loss = LossAt(step, alpha, gradientBatch);
                }
            }
            if (!accepted)
                return Reject(f0, cgIterations, rho, gp < 0
                    ? $"line search found no sufficient decrease in {_o.MaxLineSearchCuts} cuts; {cgNote}"
                    : $"CG step is not a descent direction (gᵀp = {gp:G3}); {cgNote}", ref lambda);

            VectorMath.AddScaled(_theta0, alpha, step, _trial);
            _objective.SetParameters(_trial);
            double used = lambda;
            if (rho < _o.LowRho) lambda *= _o.LambdaIncrease;
            else if (rho > _o.HighRho) lambda *= _o.LambdaDecrease;
            lambda = Math.Clamp(lambda, _o.MinimumLambda, _o.MaximumLambda);
            double stepNorm = alpha * VectorMath.Norm(step);
            string note = alpha == 1 ? cgNote : string.Create(CultureInfo.InvariantCulture, $"{cgNote}; line search α = {alpha:G4}");
            return new IterationStatistics(iteration, f0, loss, null, rho, used, cgIterations, stepNorm, true, watch.Elapsed.TotalSeconds, 0, note,
                _cg.KeptIteration(chosen), alpha);
        }

        private static string Describe(CgStop stop) => stop switch
        {
            CgStop.RelativeProgress => "stopped on relative progress",
            CgStop.IterationCap => "reached the iteration cap",
            CgStop.NonPositiveCurvature => "met non-positive curvature",
            CgStop.Converged => "converged",
            _ => "produced a non-finite iterate",
        };
    }
}
