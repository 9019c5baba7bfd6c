using System.Globalization;

namespace NeuroRnn.Training;

/// <summary>One Adam step (see <see cref="AdamTrainer"/>): the moments and the step count carried between iterations.</summary>
internal sealed class AdamStep : IOptimizerStep<TrainingData>
{
    private readonly AdamOptions _o;
    private readonly ICurvatureObjective _objective;
    private readonly double[] _m, _v, _theta, _gradient;
    private double _steps;

    /// <summary>Starts from <paramref name="state"/> (copied) on <paramref name="objective"/>.</summary>
    /// <exception cref="ArgumentException">A moment vector does not fit the objective or the step count is negative.</exception>
    public AdamStep(AdamOptions options, ICurvatureObjective objective, AdamState state)
    {
        int n = objective.ParameterCount;
        if (!(state.Steps >= 0) || !double.IsFinite(state.Steps))
            throw new ArgumentException($"The optimizer state's step count must be ≥ 0, got {state.Steps}.", "resumeFrom");
        _m = state.CopyOf(state.FirstMoment, n, nameof(AdamState.FirstMoment), "resumeFrom");
        _v = state.CopyOf(state.SecondMoment, n, nameof(AdamState.SecondMoment), "resumeFrom");
        _steps = state.Steps;
        _o = options;
        _objective = objective;
        _theta = new double[n];
        _gradient = new double[n];
    }

    /// <inheritdoc/>
    public OptimizerState State(int nextIteration) => new AdamState(nextIteration, _steps, (double[])_m.Clone(), (double[])_v.Clone());

    /// <inheritdoc/>
    public OptimizerStepResult Step(int iteration, TrainingData data, CancellationToken cancellationToken)
    {
        var o = _o;
        _objective.GetParameters(_theta);
        double loss = _objective.LossAndGradient(data.GradientBatch, _gradient);
        if (!double.IsFinite(loss) || !VectorMath.AllFinite(_gradient))
            return new OptimizerStepResult(loss, loss, 0, false, new AdamStepDetails(double.NaN, false), "non-finite loss or gradient; step skipped");

        double norm = VectorMath.Norm(_gradient);
        bool clipped = norm > o.GradientClipNorm;
        string? note = null;
        if (clipped)
        {
            VectorMath.Scale(o.GradientClipNorm / norm, _gradient);
            note = string.Create(CultureInfo.InvariantCulture, $"gradient norm {norm:G3} clipped to {o.GradientClipNorm:G3}");
        }
        _steps++;
        double correction1 = 1 - Math.Pow(o.Beta1, _steps), correction2 = 1 - Math.Pow(o.Beta2, _steps);
        double stepSquared = 0;
        for (int j = 0; j < _theta.Length; j++)
        {
            double g = _gradient[j];
            _m[j] = o.Beta1 * _m[j] + (1 - o.Beta1) * g;
            _v[j] = o.Beta2 * _v[j] + (1 - o.Beta2) * g * g;
            double delta = o.LearningRate * (_m[j] / correction1) / (Math.Sqrt(_v[j] / correction2) + o.Epsilon);
            _theta[j] -= delta;
            stepSquared += delta * delta;
        }
        _objective.SetParameters(_theta);
        return new OptimizerStepResult(loss, double.NaN, Math.Sqrt(stepSquared), true, new AdamStepDetails(norm, clipped), note);
    }
}
