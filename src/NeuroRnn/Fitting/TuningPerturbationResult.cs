using System.Globalization;
using NeuroRnn.Analysis;

namespace NeuroRnn.Fitting;

/// <summary>A predicted change with its spread across repetitions.</summary>
/// <param name="Mean">Mean over repetitions.</param>
/// <param name="Median">Median over repetitions (robust when a few unit draws destabilise the network).</param>
/// <param name="Interval">Central interval over repetitions (percentiles at the options' level).</param>
public sealed record PredictedChange(double Mean, double Median, ConfidenceInterval Interval)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:+0.###;-0.###;0} (median; mean {Mean:+0.###;-0.###;0}) {Interval}");
}

/// <summary>One recorded unit's predicted tuning change (perturbed − control; von Mises fits, rates in Hz).</summary>
/// <param name="Unit">Index of the fitted unit (0 … fitted units − 1).</param>
/// <param name="Name">The unit's name in the recording (or its index).</param>
/// <param name="Control">Von Mises fit of the unperturbed network's tuning.</param>
/// <param name="Gain">Change of the amplitude A (Hz).</param>
/// <param name="GainRatio">Perturbed A / control A.</param>
/// <param name="Baseline">Change of the baseline B (Hz).</param>
/// <param name="Width">Change of the half width at half maximum (degrees).</param>
/// <param name="PreferredOrientation">Shift of the preferred orientation (degrees, in (−90, 90]).</param>
/// <param name="MeanRate">Change of the response averaged over stimuli (Hz).</param>
public sealed record UnitTuningChange(int Unit, string Name, VonMisesFit Control, PredictedChange Gain, PredictedChange GainRatio,
    PredictedChange Baseline, PredictedChange Width, PredictedChange PreferredOrientation, PredictedChange MeanRate);

/// <summary>The predicted effect of a perturbation on the tuning of every recorded unit, and population summaries.</summary>
/// <param name="Options">The experiment.</param>
/// <param name="EligibleUnits">Network units of the chosen type (and preference) the draws were made from.</param>
/// <param name="PerturbedPerRepetition">Units perturbed in each repetition.</param>
/// <param name="Units">One entry per recorded unit.</param>
/// <param name="PopulationMeanRate">Mean over units of the change of the stimulus-averaged response (Hz), across repetitions.</param>
/// <param name="PopulationGainRatio">Median over units of the gain ratio, across repetitions.</param>
/// <param name="PopulationWidth">Mean over units of the change of half width (degrees), across repetitions.</param>
/// <param name="PopulationPreferredShift">Mean over units of |shift of preferred orientation| (degrees), across repetitions.</param>
/// <param name="UnstableRepetitions">
/// The repetitions in which the perturbed network ran away (<see cref="TuningPerturbationOptions.RunawayFactor"/>), each
/// with its peak-rate ratio; they are excluded from every summary above, so all summaries are over the stable repetitions only.
/// </param>
public sealed record TuningPerturbationResult(TuningPerturbationOptions Options, int EligibleUnits, int PerturbedPerRepetition,
    IReadOnlyList<UnitTuningChange> Units, PredictedChange PopulationMeanRate, PredictedChange PopulationGainRatio,
    PredictedChange PopulationWidth, PredictedChange PopulationPreferredShift, IReadOnlyList<UnstableRepetition> UnstableRepetitions)
{
    /// <summary>The unperturbed network's largest rate in the stimulus window (model units, before rate scaling): what <see cref="PeakRatios"/> divide by.</summary>
    public double ControlPeakRate { get; init; } = double.NaN;

    /// <summary>
    /// Per repetition (stable or not) the perturbed network's largest window rate / <see cref="ControlPeakRate"/>: how far a draw pushes
    /// the network — for a bounded rate function, how close to its ceiling (e.g. 6 / ControlPeakRate for the saturating softplus). Empty when not computed.
    /// </summary>
    public IReadOnlyList<double> PeakRatios { get; init; } = [];

    /// <summary>Repetitions the summaries are over (all minus the unstable ones).</summary>
    public int StableRepetitions => Options.Repetitions - UnstableRepetitions.Count;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Kind} {PerturbedPerRepetition} of {EligibleUnits} {Options.CellTypes} units (strength {Options.Strength}, {Options.Repetitions} repetitions): ")
        + (UnstableRepetitions.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{UnstableRepetitions.Count} unstable (the network ran away; excluded), over the {StableRepetitions} stable: ") : "")
        + string.Create(CultureInfo.InvariantCulture, $"mean rate change {PopulationMeanRate} Hz, median gain ratio {PopulationGainRatio}, width change {PopulationWidth}°, |preferred shift| {PopulationPreferredShift}°");
}
