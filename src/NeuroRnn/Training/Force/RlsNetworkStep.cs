using NeuroRnn.Models;
using NeuroRnn.Numerics;

namespace NeuroRnn.Training.Force;

/// <summary>
/// One pass of FORCE or full-FORCE training (see <see cref="ForceTrainer"/> and <see cref="FullForceTrainer"/>): every
/// trial of the pass is simulated with the rate RNN's Euler step, the learner running on its own weights, and every
/// <see cref="RlsSettings.UpdateInterval"/> steps each <see cref="RlsGroup"/> makes one RLS update. The pass works on its
/// own copies of the weights and writes them into the model at its end, so a cancelled pass is simply dropped.
/// Recurrent and input noise of the model are not simulated here.
/// </summary>
internal sealed class RlsNetworkStep : IOptimizerStep<FullForceTargets>
{
    /// <summary>Stream numbers in <see cref="SeededRandom.Derive"/> of the rule's random quantities.</summary>
    private const int TargetWeightsStream = 11, OutputDriveStream = 12, HintDriveStream = 13, FeedbackStream = 14, OrderStream = 15, InitialStateStream = 16;

    private readonly RnnObjective _objective;
    private readonly INumericsBackend _be;
    private readonly RlsRule _rule;
    private readonly RlsSettings _settings;
    private readonly RateRnnParameterLayout _layout;
    private readonly Nonlinearity _f;
    private readonly int _n, _inputs, _outputs, _hints;
    private readonly double _a, _leak;
    private readonly RlsGroup[] _groups;
    private readonly RlsGroup _readout;
    private readonly double[] _theta, _thetaBefore, _win, _b, _bout, _x0;
    private readonly double[] _jd, _uOut, _uHint, _uFeedback;
    private readonly double[] _x, _r, _fp, _xd, _rd, _recurrent, _target, _drive, _readoutPrediction, _outputError, _feedbackError;
    private readonly double[][] _savedP, _savedW;

    /// <summary>Starts on <paramref name="objective"/>'s model from <paramref name="inverseCorrelations"/> (null: P = I/α) and the
    /// hint read-out <paramref name="hintReadout"/> (null: zero).</summary>
    public RlsNetworkStep(RnnObjective objective, RlsRule rule, RlsSettings settings, int hintCount,
        double[]? inverseCorrelations, double[]? hintReadout)
    {
        var model = objective.Model;
        var s = model.Structure;
        CheckModel(s, rule);
        _objective = objective;
        _be = objective.Backend;
        _rule = rule;
        _settings = settings;
        _layout = s.Layout;
        _f = s.Options.Nonlinearity;
        _n = s.N; _inputs = s.I; _outputs = s.O; _hints = hintCount;
        _a = s.Alpha; _leak = 1 - s.Alpha;
        _groups = RlsGroup.Build(_n, s.RecurrentMask, _outputs + _hints, out _readout);
        _allUnitsTrained = _groups.Sum(g => g.Units.Length) == _n;
        if (inverseCorrelations is null) foreach (var g in _groups) g.Start(settings.Regularization, _be);
        else
        {
            long expected = _groups.Sum(g => (long)g.PLength);
            if (inverseCorrelations.Length != expected)
                throw new ArgumentException($"The optimizer state holds {inverseCorrelations.Length} values of P but this network's groups of units need {expected} " +
                    $"({_groups.Length} group(s)); was it saved for another model or mask?", "resumeFrom");
            int at = 0;
            foreach (var g in _groups) { g.Continue(inverseCorrelations.AsSpan(at, g.PLength), _be); at += g.PLength; }
        }
        if (hintReadout is not null && hintReadout.Length != _hints * _n)
            throw new ArgumentException($"The optimizer state's hint read-out has {hintReadout.Length} values but {_hints} hints × {_n} units need {_hints * _n}.", "resumeFrom");
        if (hintReadout is not null)
            for (int j = 0; j < _n; j++)
                for (int h = 0; h < _hints; h++) _readout.Rls.RawWeights[j * _readout.Rows + _readout.Units.Length + _outputs + h] = hintReadout[j * _hints + h];

        // A fresh run starts from a zero read-out (and optionally zero J), as both papers do; applied with the first pass.
        _fresh = inverseCorrelations is null;
        _theta = new double[model.ParameterCount];
        _thetaBefore = new double[_theta.Length];
        _win = new double[_n * _inputs]; _b = new double[_n]; _bout = new double[_outputs]; _x0 = new double[_n];

        var random = (int stream) => new SeededRandom(SeededRandom.Derive(settings.Seed, stream, 0));
        if (rule == RlsRule.FullForce)
        {
            var jRandom = random(TargetWeightsStream);
            double std = settings.TargetGain / Math.Sqrt(_n);
            _jd = new double[_n * _n];
            for (int k = 0; k < _jd.Length; k++) _jd[k] = std * jRandom.NextGaussian();
            _uOut = Uniform(random(OutputDriveStream), _n * _outputs, settings.OutputDriveScale);
            _uHint = Uniform(random(HintDriveStream), _n * _hints, 1);
            _uFeedback = [];
        }
        else
        {
            _jd = []; _uOut = []; _uHint = [];
            _uFeedback = Uniform(random(FeedbackStream), _n * _outputs, settings.FeedbackScale);
        }

        _x = new double[_n]; _r = new double[_n]; _fp = new double[_n]; _xd = new double[_n]; _rd = new double[_n];
        _recurrent = new double[_n]; _target = new double[_n]; _drive = new double[_n];
        _readoutPrediction = new double[_outputs + _hints]; _outputError = new double[_outputs]; _feedbackError = new double[_n];
        _savedP = _groups.Select(g => new double[g.PLength]).ToArray();
        _savedW = _groups.Select(g => new double[g.Rows * g.Inputs.Length]).ToArray();
    }

    private readonly bool _allUnitsTrained;

    /// <summary>Called after each trial of a pass (tests cancel mid-pass with it).</summary>
    internal Action<int>? AfterTrial { get; set; }
    private bool _fresh;
    private int[] _order = [];

    /// <summary>Error sums of one pass.</summary>
    private struct PassErrors
    {
        public double Output, Hint, Recurrent;
        public long OutputCount, HintCount, RecurrentCount;
        public int Updates;
    }

    /// <inheritdoc/>
    public OptimizerState State(int nextIteration)
    {
        var p = new double[_groups.Sum(g => g.PLength)];
        int at = 0;
        foreach (var g in _groups)
        {
            g.Rls.InverseCorrelation().CopyTo(p, at);
            at += g.PLength;
        }
        return _rule == RlsRule.Force ? new ForceState(nextIteration, p) : new FullForceState(nextIteration, p, HintReadout(), _hints);
    }

    /// <summary>The hint rows of the read-out (H × N, column-major).</summary>
    public double[] HintReadout()
    {
        var readout = new double[_hints * _n];
        var raw = _readout.Rls.RawWeights;
        for (int j = 0; j < _n; j++)
            for (int h = 0; h < _hints; h++) readout[j * _hints + h] = raw[j * _readout.Rows + _readout.Units.Length + _outputs + h];
        return readout;
    }

    /// <inheritdoc/>
    public OptimizerStepResult Step(int iteration, FullForceTargets data, CancellationToken cancellationToken)
    {
        var trials = data.Trials;
        if (trials.InputCount != _inputs || trials.OutputCount != _outputs || data.HintCount != _hints)
            throw new ArgumentException($"The data of pass {iteration} has {trials.InputCount} inputs, {trials.OutputCount} outputs and {data.HintCount} hints; " +
                $"the model and the run have {_inputs}, {_outputs} and {_hints}.", "data");
        // Each time step makes a few N×N level-2 calls (and the loss a GEMM per step over few trials): below N ≈ 1000
        // MKL's threads cost more than they save.
        using var threads = _be is MklBackend mkl && _n < 1024 ? mkl.ThreadsOnThisThread(1) : null;
        double lossBefore = _objective.Loss(trials);
        _objective.GetParameters(_theta);
        _theta.CopyTo(_thetaBefore, 0);
        if (_fresh)
        {
            _layout.Slice(_theta.AsSpan(), ParameterBlock.OutputWeights).Clear();
            if (_settings.ZeroRecurrentWeights) _layout.Slice(_theta.AsSpan(), ParameterBlock.RecurrentWeights).Clear();
        }
        LoadWeights();
        SaveRls();
        LoadFixedParameters();
        ShuffledOrder(trials.BatchSize, iteration);

        var errors = new PassErrors();
        try
        {
            foreach (int b in _order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Trial(data, b, iteration, ref errors);
                AfterTrial?.Invoke(b);
            }
        }
        catch (OperationCanceledException)
        {
            RestoreRls();
            throw;
        }
        StoreWeights();
        if (!VectorMath.AllFinite(_theta))
        {
            RestoreRls();
            return new OptimizerStepResult(lossBefore, lossBefore, 0, false, Details(errors, 0, 0, trials.BatchSize),
                "RLS produced non-finite weights; the pass was discarded", StopReason.Diverged("non-finite weights"));
        }
        _objective.SetParameters(_theta);
        _fresh = false;
        double lossAfter = _objective.Loss(trials);
        double recurrentChange = ChangeNorm(ParameterBlock.RecurrentWeights), readoutChange = ChangeNorm(ParameterBlock.OutputWeights);
        return new OptimizerStepResult(lossBefore, lossAfter, Math.Sqrt(recurrentChange * recurrentChange + readoutChange * readoutChange), true,
            Details(errors, recurrentChange, readoutChange, trials.BatchSize));
    }

    private ForceStepDetails Details(in PassErrors e, double recurrentChange, double readoutChange, int trials) => new(
        e.OutputCount == 0 ? double.NaN : e.Output / e.OutputCount,
        e.HintCount == 0 ? double.NaN : e.Hint / e.HintCount,
        e.RecurrentCount == 0 ? double.NaN : e.Recurrent / e.RecurrentCount,
        recurrentChange, readoutChange, e.Updates, trials);

    /// <summary>One trial: both networks from the initial state, an RLS update every few steps.</summary>
    private void Trial(FullForceTargets data, int b, int iteration, ref PassErrors errors)
    {
        var trials = data.Trials;
        int batch = trials.BatchSize, length = trials.Lengths?[b] ?? trials.Steps;
        bool full = _rule == RlsRule.FullForce;
        _x0.CopyTo(_x, 0);
        if (_settings.InitialStateStd > 0)
        {
            var noise = new SeededRandom(SeededRandom.Derive(SeededRandom.Derive(_settings.Seed, InitialStateStream, iteration), 0, b));
            for (int i = 0; i < _n; i++) _x[i] += _settings.InitialStateStd * noise.NextGaussian();
        }
        RateKernels.Activate<double>(_f, _x, _r, _fp);
        if (full)
        {
            _x.CopyTo(_xd, 0);
            _r.CopyTo(_rd, 0);
        }
        int readoutOffset = _readout.Units.Length, readoutRows = _outputs + _hints;

        for (int s = 0; s <= length; s++)
        {
            bool hasRecurrentTarget = s < length, hasOutput = s >= 1;
            // A-priori quantities, all with the regressor r = r[s]: the learner's recurrent input J r (its update s), the
            // target network's J^D r^D + u_out f[s] + u_hint·scale·h[s], and the read-out z[s−1] = W_out r[s] + b_out.
            if (hasRecurrentTarget) RecurrentInput();
            if (hasRecurrentTarget && full)
            {
                _be.Gemv(Transpose.None, _n, _n, 1, _jd, _n, _rd, 0, _target);
                _be.Gemv(Transpose.None, _n, _outputs, 1, _uOut, _n, trials.Targets.AsSpan((s * batch + b) * _outputs, _outputs), 1, _target);
                if (_hints > 0)
                    _be.Gemv(Transpose.None, _n, _hints, data.HintScale, _uHint, _n, data.Hints.AsSpan((s * batch + b) * _hints, _hints), 1, _target);
                for (int i = 0; i < _n; i++)
                {
                    double e = _recurrent[i] - _target[i];
                    errors.Recurrent += e * e;
                }
                errors.RecurrentCount += _n;
            }
            bool outputRows = false;
            if (hasOutput)
            {
                _be.Gemv(Transpose.None, readoutRows, _n, 1, _readout.Rls.RawWeights.AsSpan(readoutOffset), _readout.Rows, _r, 0, _readoutPrediction);
                int at = ((s - 1) * batch + b) * _outputs;
                for (int o = 0; o < _outputs; o++)
                {
                    double mask = trials.Mask[at + o];
                    double e = mask > 0 ? _readoutPrediction[o] + _bout[o] - trials.Targets[at + o] : 0;
                    _outputError[o] = e;
                    if (mask > 0) { errors.Output += e * e; errors.OutputCount++; outputRows = true; }
                }
                int hintAt = ((s - 1) * batch + b) * _hints;
                for (int h = 0; h < _hints; h++)
                {
                    double e = _readoutPrediction[_outputs + h] - data.Hints[hintAt + h];
                    _readoutPrediction[_outputs + h] = e;
                    errors.Hint += e * e;
                }
                errors.HintCount += _hints;
                outputRows |= _hints > 0;
            }

            if (s % _settings.UpdateInterval == 0 && (outputRows || (full && hasRecurrentTarget)))
            {
                if (!full) _be.Gemv(Transpose.None, _n, _outputs, 1, _uFeedback, _n, _outputError, 0, _feedbackError);
                foreach (var g in _groups)
                {
                    // FORCE: the recurrent rows learn u_f·(output error), i.e. the change of the fed-back output.
                    bool unitRows = g.Units.Length > 0 && (full ? hasRecurrentTarget : outputRows);
                    bool readout = ReferenceEquals(g, _readout) && outputRows;
                    if (!unitRows && !readout) continue;
                    var error = g.Error;
                    for (int u = 0; u < g.Units.Length; u++)
                    {
                        int i = g.Units[u];
                        error[u] = !unitRows ? 0 : full ? _recurrent[i] - _target[i] : _feedbackError[i];
                    }
                    if (g.ReadoutRows > 0)
                    {
                        for (int o = 0; o < _outputs; o++) error[readoutOffset + o] = readout ? _outputError[o] : 0;
                        for (int h = 0; h < _hints; h++) error[readoutOffset + _outputs + h] = readout ? _readoutPrediction[_outputs + h] : 0;
                    }
                    g.Rls.UpdateWithError(g.Gather(_r), error);
                }
                errors.Updates++;
            }

            if (!hasRecurrentTarget) break;
            // Euler step of both networks with the inputs of step s (the learner on its a-priori recurrent input).
            _b.CopyTo(_drive, 0);
            if (_inputs > 0)
                _be.Gemv(Transpose.None, _n, _inputs, 1, _win, _n, trials.Inputs.AsSpan((s * batch + b) * _inputs, _inputs), 1, _drive);
            for (int i = 0; i < _n; i++) _x[i] = _leak * _x[i] + _a * (_recurrent[i] + _drive[i]);
            RateKernels.Activate<double>(_f, _x, _r, _fp);
            if (full)
            {
                for (int i = 0; i < _n; i++) _xd[i] = _leak * _xd[i] + _a * (_target[i] + _drive[i]);
                RateKernels.Activate<double>(_f, _xd, _rd, _fp);
            }
        }
    }

    /// <summary>_recurrent = J r over every group (units without presynaptic partners get 0).</summary>
    private void RecurrentInput()
    {
        if (!_allUnitsTrained) Array.Clear(_recurrent);
        foreach (var g in _groups)
        {
            if (g.Units.Length == 0) continue;
            var regressor = g.Gather(_r);
            if (g.AllUnitsInOrder)
            {
                _be.Gemv(Transpose.None, _n, g.Inputs.Length, 1, g.Rls.RawWeights, g.Rows, regressor, 0, _recurrent);
                continue;
            }
            _be.Gemv(Transpose.None, g.Units.Length, g.Inputs.Length, 1, g.Rls.RawWeights, g.Rows, regressor, 0, g.Prediction);
            for (int u = 0; u < g.Units.Length; u++) _recurrent[g.Units[u]] = g.Prediction[u];
        }
    }


    /// <summary>Model weights (θ) into the groups' compact rows; the hint rows keep their values.</summary>
    private void LoadWeights()
    {
        var w = _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.RecurrentWeights);
        var wout = _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.OutputWeights);
        foreach (var g in _groups)
        {
            var raw = g.Rls.RawWeights;
            int rows = g.Rows;
            for (int c = 0; c < g.Inputs.Length; c++)
            {
                int j = g.Inputs[c];
                for (int u = 0; u < g.Units.Length; u++) raw[c * rows + u] = w[j * _n + g.Units[u]];
                if (ReferenceEquals(g, _readout))
                    for (int o = 0; o < _outputs; o++) raw[c * rows + g.Units.Length + o] = wout[j * _outputs + o];
            }
        }
    }

    /// <summary>The groups' rows back into θ (masked entries untouched).</summary>
    private void StoreWeights()
    {
        var w = _layout.Slice(_theta.AsSpan(), ParameterBlock.RecurrentWeights);
        var wout = _layout.Slice(_theta.AsSpan(), ParameterBlock.OutputWeights);
        foreach (var g in _groups)
        {
            var raw = g.Rls.RawWeights;
            int rows = g.Rows;
            for (int c = 0; c < g.Inputs.Length; c++)
            {
                int j = g.Inputs[c];
                for (int u = 0; u < g.Units.Length; u++) w[j * _n + g.Units[u]] = raw[c * rows + u];
                if (ReferenceEquals(g, _readout))
                    for (int o = 0; o < _outputs; o++) wout[j * _outputs + o] = raw[c * rows + g.Units.Length + o];
            }
        }
    }

    /// <summary>W_in (masked), b, b_out and x₀ as the model has them; RLS does not train them.</summary>
    private void LoadFixedParameters()
    {
        var s = _objective.Model.Structure;
        var win = _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.InputWeights);
        for (int k = 0; k < _win.Length; k++) _win[k] = win[k] * (s.InputMask?[k] ?? 1);
        _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.RecurrentBias).CopyTo(_b);
        _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.OutputBias).CopyTo(_bout);
        if (_layout.Length(ParameterBlock.InitialState) > 0) _layout.Slice((ReadOnlySpan<double>)_theta, ParameterBlock.InitialState).CopyTo(_x0);
        else Array.Clear(_x0);
    }

    private void ShuffledOrder(int count, int iteration)
    {
        if (_order.Length != count) _order = new int[count];
        for (int k = 0; k < count; k++) _order[k] = k;
        if (!_settings.ShuffleTrials) return;
        var random = new SeededRandom(SeededRandom.Derive(_settings.Seed, OrderStream, iteration));
        for (int k = count - 1; k > 0; k--)
        {
            int swap = random.NextInt(0, k);
            (_order[k], _order[swap]) = (_order[swap], _order[k]);
        }
    }

    private void SaveRls()
    {
        for (int k = 0; k < _groups.Length; k++)
        {
            _groups[k].Rls.RawInverseCorrelation.CopyTo(_savedP[k], 0);
            _groups[k].Rls.RawWeights.CopyTo(_savedW[k], 0);
        }
    }

    private void RestoreRls()
    {
        for (int k = 0; k < _groups.Length; k++)
        {
            _savedP[k].CopyTo(_groups[k].Rls.RawInverseCorrelation, 0);
            _savedW[k].CopyTo(_groups[k].Rls.RawWeights, 0);
        }
    }

    private double ChangeNorm(ParameterBlock block)
    {
        var after = _layout.Slice((ReadOnlySpan<double>)_theta, block);
        var before = _layout.Slice((ReadOnlySpan<double>)_thetaBefore, block);
        double sum = 0;
        for (int k = 0; k < after.Length; k++) sum += (after[k] - before[k]) * (after[k] - before[k]);
        return Math.Sqrt(sum);
    }

    private static double[] Uniform(SeededRandom random, int length, double scale)
    {
        var values = new double[length];
        for (int k = 0; k < length; k++) values[k] = scale * (2 * random.NextDouble() - 1);
        return values;
    }

    /// <summary>Rejects models RLS cannot train as they are, naming the option.</summary>
    private static void CheckModel(RateRnnStructure s, RlsRule rule)
    {
        var o = s.Options;
        string name = rule == RlsRule.Force ? "FORCE" : "full-FORCE";
        if (o.OutputKind != Trials.OutputKind.LinearSquaredError)
            throw new ArgumentException($"{name} trains a linear read-out with squared error, but the model's OutputKind is {o.OutputKind}.", "objective");
        if (o.ReadoutUnits is not null)
            throw new ArgumentException($"{name} trains a linear read-out W_out, but the model reads its outputs from units (RateRnnOptions.ReadoutUnits).", "objective");
        if (o.DalesLaw)
            throw new ArgumentException($"{name}'s least-squares updates cannot keep the signs of Dale's law (RateRnnOptions.DalesLaw).", "objective");
        if (o.ReadoutFromExcitatoryOnly)
            throw new ArgumentException($"{name} cannot restrict the read-out (RateRnnOptions.ReadoutFromExcitatoryOnly).", "objective");
        // RLS simulates and updates in its own float64 arrays; a float32 model would be trained in float64 while its
        // objective scores it in float32, so the requested precision would silently not be what ran.
        if (o.Precision != RnnPrecision.Float64)
            throw new ArgumentException($"{name} simulates and updates in float64 only, but the model asks for RateRnnOptions.Precision = {o.Precision}; use Float64.", "objective");
        if (o.FrozenParameters is { } frozen)
        {
            foreach (var block in new[] { ParameterBlock.RecurrentWeights, ParameterBlock.OutputWeights })
            {
                int offset = s.Layout.Offset(block);
                for (int k = 0; k < s.Layout.Length(block); k++)
                    if (frozen[offset + k])
                        throw new ArgumentException($"{name} trains every recurrent and read-out weight, but RateRnnOptions.FrozenParameters freezes parameter {offset + k} ({block}).", "objective");
            }
        }
        if (rule == RlsRule.Force && s.RecurrentMask is not null)
            throw new ArgumentException("FORCE feeds the output back into every unit, which a connectivity mask (RecurrentMask, AllowAutapses = false or areas) " +
                "would cut; use full-FORCE, which trains each unit on its own presynaptic set.", "objective");
    }
}
