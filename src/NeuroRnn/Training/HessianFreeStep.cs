using System.Globalization;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>
/// One Hessian-free iteration (see <see cref="HessianFreeTrainer"/>): the damping λ and the CG warm start carried between
/// iterations, and preallocated work vectors.
/// </summary>
internal sealed class HessianFreeStep : IOptimizerStep<TrainingData>
{
    private readonly HessianFreeOptions _o;
    private readonly ICurvatureObjective _objective;
    private readonly ConjugateGradient _cg;
    private readonly double[] _theta0, _gradient, _x, _trial, _gp, _squared, _preconditioner, _previous, _previousAtStart;
    private readonly LinearOperator _dampedProduct;
    private double _lambda;

    /// <summary>Starts from <paramref name="state"/> (copied) on <paramref name="objective"/>.</summary>
    /// <exception cref="ArgumentException">The state's λ is not positive and finite or its vector does not fit the objective.</exception>
    public HessianFreeStep(HessianFreeOptions options, ICurvatureObjective objective, HessianFreeState state)
    {
        int n = objective.ParameterCount;
        if (!(state.Lambda > 0) || !double.IsFinite(state.Lambda))
            throw new ArgumentException($"The optimizer state's lambda must be positive and finite, got {state.Lambda}.", "resumeFrom");
        _previous = state.CopyOf(state.PreviousSolution, n, nameof(HessianFreeState.PreviousSolution), "resumeFrom");
        _previousAtStart = new double[n];
        _lambda = state.Lambda;
        _o = options;
        _objective = objective;
        _cg = new ConjugateGradient(n, _o.MaxCgIterations, _o.KeptIterateBase);
        _theta0 = new double[n]; _gradient = new double[n]; _x = new double[n]; _trial = new double[n]; _gp = new double[n];
        _squared = _o.UsePreconditioner ? new double[n] : [];
        _preconditioner = _o.UsePreconditioner ? new double[n] : [];
        _dampedProduct = DampedProduct;
    }

    /// <inheritdoc/>
    public OptimizerState State(int nextIteration) => new HessianFreeState(nextIteration, _lambda, (double[])_previous.Clone());

    /// <inheritdoc/>
    public OptimizerStepResult Step(int iteration, TrainingData data, CancellationToken cancellationToken)
    {
        _previous.CopyTo(_previousAtStart);
        try
        {
            var result = Iterate(data, cancellationToken);
            // λ at its cap means no step is trusted any more.
            return _lambda >= _o.MaximumLambda ? result with { Stop = StopReason.Diverged("lambda exploded") } : result;
        }
        catch (OperationCanceledException)
        {
            // Discard the unfinished iteration entirely, its new warm start included.
            _objective.SetParameters(_theta0);
            _previousAtStart.CopyTo(_previous);
            throw;
        }
    }

    // (G + λμ S + λ I) v
    private void DampedProduct(ReadOnlySpan<double> v, Span<double> result)
    {
        _objective.GaussNewtonProduct(v, _lambda * _o.StructuralDamping, result);
        VectorMath.Axpy(_lambda, v, result);
    }

    private double LossAt(ReadOnlySpan<double> step, double scale, TrialBatch batch)
    {
        VectorMath.AddScaled(_theta0, scale, step, _trial);
        _objective.SetParameters(_trial);
        double f = _objective.Loss(batch);
        return double.IsNaN(f) ? double.PositiveInfinity : f;
    }

    /// <summary>The iteration; λ (used throughout, by the damped product too) is updated only at its end.</summary>
    private OptimizerStepResult Iterate(TrainingData data, CancellationToken ct)
    {
        var gradientBatch = data.GradientBatch;
        var curvatureBatch = data.CurvatureBatch;
        _objective.GetParameters(_theta0);

        OptimizerStepResult Reject(double loss, int cg, double rho, string why)
        {
            _objective.SetParameters(_theta0);
            double used = _lambda;
            _lambda = Math.Min(_lambda * _o.LambdaIncrease, _o.MaximumLambda);
            return new OptimizerStepResult(loss, loss, 0, false, new HessianFreeStepDetails(rho, used, cg, 0, 0), why);
        }

        double f0 = _objective.LossAndGradient(gradientBatch, _gradient);
        if (!double.IsFinite(f0) || !VectorMath.AllFinite(_gradient))
            return Reject(f0, 0, double.NegativeInfinity, "non-finite loss or gradient at the current parameters");
        bool rhoOnGradient = _o.ReductionRatioOnGradientBatch || ReferenceEquals(curvatureBatch, gradientBatch);
        double rhoLoss0 = rhoOnGradient ? f0 : _objective.Loss(curvatureBatch);

        if (_o.UsePreconditioner)
        {
            // Σ_b g_b² of the per-trial contributions g_b = ∇ℓ_b / B to the mean loss's gradient, times B, is the empirical
            // Fisher diagonal (1/B) Σ_b (∇ℓ_b)² of the mean loss — the scale of G and λ (unscaled it is B times too small and
            // λ swamps it: the preconditioner degenerates to a constant that changes nothing).
            try
            {
                _objective.SquaredGradientSum(gradientBatch, _squared);
            }
            catch (NotSupportedException e)
            {
                throw new ArgumentException($"HessianFreeOptions.UsePreconditioner needs per-trial squared gradients, which this objective ({_objective.GetType().Name}) does not provide: {e.Message} Turn the preconditioner off.",
                    nameof(HessianFreeOptions.UsePreconditioner), e);
            }
            double cases = gradientBatch.BatchSize;
            for (int j = 0; j < _squared.Length; j++)
                _preconditioner[j] = Math.Pow(cases * _squared[j] + _lambda, _o.PreconditionerExponent);
        }

        _objective.PrepareCurvature(curvatureBatch);
        for (int j = 0; j < _x.Length; j++) _x[j] = _o.WarmStartDecay * _previous[j];
        var (cgIterations, cgStop) = _cg.Solve(_dampedProduct, _gradient, _x, _preconditioner,
            _o.MinCgIterations, _o.MaxCgIterations, _o.CgTolerance, ct);
        // Warm start from the last CG iterate, not the backtracked one (Martens 2010).
        if (VectorMath.AllFinite(_x)) _x.CopyTo(_previous); else Array.Clear(_previous);
        if (_cg.KeptCount == 0)
            return Reject(f0, cgIterations, double.NegativeInfinity, $"CG produced no step ({Describe(cgStop)} at step 1)");

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
                : $"CG step is not a descent direction (gᵀp = {gp:G3}); {cgNote}");

        VectorMath.AddScaled(_theta0, alpha, step, _trial);
        _objective.SetParameters(_trial);
        double used = _lambda;
        if (rho < _o.LowRho) _lambda *= _o.LambdaIncrease;
        else if (rho > _o.HighRho) _lambda *= _o.LambdaDecrease;
        _lambda = Math.Clamp(_lambda, _o.MinimumLambda, _o.MaximumLambda);
        double stepNorm = alpha * VectorMath.Norm(step);
        string note = alpha == 1 ? cgNote : string.Create(CultureInfo.InvariantCulture, $"{cgNote}; line search α = {alpha:G4}");
        return new OptimizerStepResult(f0, loss, stepNorm, true,
            new HessianFreeStepDetails(rho, used, cgIterations, _cg.KeptIteration(chosen), alpha), note);
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
