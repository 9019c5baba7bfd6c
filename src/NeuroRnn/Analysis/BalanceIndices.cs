using System.Globalization;

namespace NeuroRnn.Analysis;

/// <summary>How balanced one unit's excitatory and inhibitory input is (see <see cref="ExcitationInhibition.Balance"/>).</summary>
/// <param name="Unit">Unit index.</param>
/// <param name="IsExcitatory">The unit's type.</param>
/// <param name="MeanExcitatory">Mean excitatory current over the window's steps and trials.</param>
/// <param name="MeanInhibitory">Mean inhibitory current (negative).</param>
/// <param name="Ratio">E/I ratio: MeanExcitatory / |MeanInhibitory| (∞ without inhibition, NaN without either).</param>
/// <param name="TemporalCorrelation">Pearson correlation of E and |I| across the window's steps, averaged over trials (NaN when constant).</param>
/// <param name="StimulusCorrelation">Pearson correlation of the condition-averaged E and |I| across stimulus conditions (NaN without conditions or when constant).</param>
/// <param name="Cancellation">1 − mean|E + I| / mean(E + |I|): 1 when inhibition cancels excitation exactly at every step, 0 when one of them is absent.</param>
/// <param name="ExcitatoryTuning">Condition-averaged E current per stimulus condition (in <see cref="BalanceReport.Conditions"/> order), empty without conditions.</param>
/// <param name="InhibitoryTuning">Condition-averaged |I| current per condition.</param>
public sealed record BalanceIndices(int Unit, bool IsExcitatory, double MeanExcitatory, double MeanInhibitory, double Ratio,
    double TemporalCorrelation, double StimulusCorrelation, double Cancellation, double[] ExcitatoryTuning, double[] InhibitoryTuning);

/// <summary>Balance indices of every unit and their population summaries.</summary>
/// <param name="Units">One entry per unit.</param>
/// <param name="Conditions">The distinct stimulus values, ascending (empty without a stimulus).</param>
/// <param name="WindowStartMs">Window start.</param>
/// <param name="WindowEndMs">Window end (exclusive).</param>
public sealed record BalanceReport(IReadOnlyList<BalanceIndices> Units, double[] Conditions, double WindowStartMs, double WindowEndMs)
{
    /// <summary>Median of <paramref name="index"/> over the units (of one type when <paramref name="excitatory"/> is given), ignoring NaN.</summary>
    public double Median(Func<BalanceIndices, double> index, bool? excitatory = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var values = Units.Where(u => excitatory is null || u.IsExcitatory == excitatory).Select(index).Where(v => !double.IsNaN(v)).Order().ToArray();
        if (values.Length == 0) return double.NaN;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Units.Count} units, window [{WindowStartMs}, {WindowEndMs}) ms: median E/I ratio {Median(u => u.Ratio):F2}, temporal E–I correlation {Median(u => u.TemporalCorrelation):F2}, across-stimulus correlation {Median(u => u.StimulusCorrelation):F2}, cancellation {Median(u => u.Cancellation):F2}");
}
