using NeuroRnn.Training;

namespace NeuroRnn.Fitting;

/// <summary>
/// The training-loss plateau of <see cref="RecordingFitOptions.LossPlateau"/>: fires once the loss fell by less than
/// the fraction over the last window of iterations. It is seeded with the losses of iterations already run, so a fit
/// resumed from a checkpoint (a sweep run continued in chunks) stops at exactly the iteration an uninterrupted fit does.
/// </summary>
internal sealed class LossPlateauRule
{
    private readonly double _fraction;
    private readonly int _window;
    private readonly List<double> _losses;

    private LossPlateauRule(double fraction, int window, IEnumerable<IterationStatistics> earlier)
    {
        _fraction = fraction;
        _window = window;
        _losses = earlier.Select(s => s.LossAfter).ToList();
    }

    /// <summary>The rule of <paramref name="options"/> (null when it has none), after the <paramref name="earlier"/> iterations.</summary>
    public static LossPlateauRule? For(RecordingFitOptions options, IEnumerable<IterationStatistics>? earlier = null) =>
        options.LossPlateau is { } fraction ? new LossPlateauRule(fraction, options.LossPlateauWindow, earlier ?? []) : null;

    /// <summary>A rule with these settings (null when <paramref name="fraction"/> is null), for trainers outside the fitter.</summary>
    public static LossPlateauRule? For(double? fraction, int window) => fraction is { } f ? new LossPlateauRule(f, window, []) : null;

    /// <summary>
    /// Why the rule fired (null until it does): <see cref="StopKind.Plateau"/>, or <see cref="StopKind.Diverged"/> when
    /// the training loss stopped being a finite number — a NaN loss never "falls", and calling that a plateau hid the
    /// divergence.
    /// </summary>
    public StopReason? Reason { get; private set; }

    /// <summary>
    /// The reason a training call that ended on its stop condition really stopped: this rule's <see cref="Reason"/> when
    /// it fired, else <paramref name="stop"/> unchanged (the stop condition may also hold a target MSE).
    /// </summary>
    public StopReason Explain(StopReason stop) => Reason is { } reason && stop.Kind == StopKind.StopCondition ? reason : stop;

    /// <summary>Records iteration <paramref name="s"/> and tells whether training should stop (plateau or divergence).</summary>
    public bool Reached(IterationStatistics s)
    {
        _losses.Add(s.LossAfter);
        double now = _losses[^1];
        if (!double.IsFinite(now))
        {
            Reason = StopReason.Diverged(FormattableString.Invariant($"training loss became {now}"));
            return true;
        }
        if (_losses.Count <= _window) return false;
        double then = _losses[^(_window + 1)];
        if (!(then > 0) || (then - now) >= _fraction * then) return false;
        Reason = StopReason.Plateau(FormattableString.Invariant($"training loss plateau: it fell by {(then - now) / then:P2} in the last {_window} iterations (< {_fraction:P2})"));
        return true;
    }
}
