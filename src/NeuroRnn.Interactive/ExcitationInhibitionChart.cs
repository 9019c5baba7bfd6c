using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;

namespace NeuroRnn.Interactive;

/// <summary>Charts of excitatory and inhibitory currents (<see cref="ExcitationInhibition"/>).</summary>
public static class ExcitationInhibitionChart
{
    /// <summary>One unit's trial-averaged E, I and net current over time.</summary>
    /// <exception cref="ArgumentException">The unit does not exist.</exception>
    public static Figure TimeCourse(SynapticCurrents currents, int unit)
    {
        ArgumentNullException.ThrowIfNull(currents);
        var (e, i, net) = currents.TrialAverage(unit);
        string type = currents.SplitBy == "presynaptic type" ? (currents.UnitIsExcitatory[unit] ? " (E)" : " (I)") : "";
        return NeuroCharts.ExcitationInhibitionCurrents(currents.TimeMs, e, i, net, new ExcitationInhibitionOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Unit {unit}{type}: input currents, mean over {currents.TrialCount} trials (split by {currents.SplitBy})"),
        });
    }

    /// <summary>Mean E against mean |I| input per unit, E and I units in their own colours.</summary>
    public static Figure Balance(BalanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Units.Count == 0) throw new ArgumentException("report has no units.", nameof(report));
        return NeuroCharts.ExcitationInhibitionBalance(report.Units.Select(u => u.MeanExcitatory).ToArray(), report.Units.Select(u => -u.MeanInhibitory).ToArray(),
            report.Units.Select(u => u.IsExcitatory ? 0 : 1).ToArray(),
            new ExcitationInhibitionOptions { Title = "E/I balance per unit — " + report, GroupNames = ["E units", "I units"] });
    }
}
