using Deedle;
using NeuroRnn.Analysis;

namespace NeuroRnn.Interop.Deedle;

/// <summary>Tuning curves and tuning statistics as Deedle frames.</summary>
public static class TuningFrames
{
    /// <summary>
    /// Tuning curves in long form, one row per unit and stimulus angle (keyed 0, 1, …): <c>unit_index</c>, <c>unit</c>,
    /// <c>angle_deg</c>, <c>mean</c>, <c>sem</c> (missing with fewer than two trials), <c>trials</c>, <c>response_unit</c>.
    /// </summary>
    public static Frame<int, string> ToFrame(IReadOnlyList<TuningCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var unitIndex = new List<int>();
        var unit = new List<string>();
        var angle = new List<double>();
        var mean = new List<double>();
        var sem = new List<double>();
        var trials = new List<int>();
        var responseUnit = new List<string>();
        for (int c = 0; c < curves.Count; c++)
        {
            var curve = curves[c] ?? throw new ArgumentException($"curves[{c}] is null.", nameof(curves));
            for (int a = 0; a < curve.AnglesDeg.Length; a++)
            {
                unitIndex.Add(curve.UnitIndex);
                unit.Add(curve.UnitId);
                angle.Add(curve.AnglesDeg[a]);
                mean.Add(curve.Mean[a]);
                sem.Add(curve.Sem[a]);
                trials.Add(curve.TrialCounts[a]);
                responseUnit.Add(curve.ResponseUnit);
            }
        }
        return FrameColumns.Build(unitIndex.Count)
            .Add("unit_index", unitIndex)
            .Add("unit", unit)
            .Add("angle_deg", angle)
            .Add("mean", mean)
            .Add("sem", sem)
            .Add("trials", trials)
            .Add("response_unit", responseUnit)
            .ToFrame();
    }

    /// <summary>
    /// Mean responses in wide form: one row per stimulus angle (keyed by the angle in degrees), one column per unit
    /// (named by its id), the way tuning curves are usually tabulated.
    /// </summary>
    /// <exception cref="ArgumentException">The curves do not share the same angles, or two share a unit id; the message names the unit.</exception>
    public static Frame<double, string> MeansByAngle(IReadOnlyList<TuningCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) return new Frame<double, string>(Array.Empty<string>(), Array.Empty<ISeries<double>>());
        var angles = curves[0].AnglesDeg;
        var names = new List<string>();
        var columns = new List<ISeries<double>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var curve in curves)
        {
            if (!curve.AnglesDeg.AsSpan().SequenceEqual(angles))
                throw new ArgumentException($"Unit '{curve.UnitId}' has angles [{string.Join(", ", curve.AnglesDeg)}] but unit '{curves[0].UnitId}' has [{string.Join(", ", angles)}]; a wide frame needs the same angles for every unit (use ToFrame for long form).", nameof(curves));
            if (!seen.Add(curve.UnitId))
                throw new ArgumentException($"Unit id '{curve.UnitId}' appears twice; columns of a wide frame need unique names.", nameof(curves));
            names.Add(curve.UnitId);
            columns.Add(new Series<double, double>(angles, curve.Mean));
        }
        return new Frame<double, string>(names, columns);
    }

    /// <summary>
    /// Tuning statistics, one row per unit (keyed 0, 1, …): <c>unit_index</c>, <c>unit</c>, <c>response_unit</c>, OSI and DSI
    /// with their permutation p-values and bootstrap intervals, preferred orientation and direction with their intervals.
    /// </summary>
    public static Frame<int, string> ToFrame(IReadOnlyList<UnitTuningStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var s = statistics;
        return FrameColumns.Build(s.Count)
            .Add("unit_index", s.Select(x => x.UnitIndex))
            .Add("unit", s.Select(x => x.UnitId))
            .Add("response_unit", s.Select(x => x.ResponseUnit))
            .Add("osi", s.Select(x => x.Osi))
            .Add("osi_p", s.Select(x => x.OsiPValue))
            .Add("osi_low", s.Select(x => x.OsiInterval.Low))
            .Add("osi_high", s.Select(x => x.OsiInterval.High))
            .Add("dsi", s.Select(x => x.Dsi))
            .Add("dsi_p", s.Select(x => x.DsiPValue))
            .Add("dsi_low", s.Select(x => x.DsiInterval.Low))
            .Add("dsi_high", s.Select(x => x.DsiInterval.High))
            .Add("pref_orientation_deg", s.Select(x => x.PreferredOrientationDeg))
            .Add("pref_orientation_low", s.Select(x => x.PreferredOrientationInterval.Low))
            .Add("pref_orientation_high", s.Select(x => x.PreferredOrientationInterval.High))
            .Add("pref_direction_deg", s.Select(x => x.PreferredDirectionDeg))
            .Add("pref_direction_low", s.Select(x => x.PreferredDirectionInterval.Low))
            .Add("pref_direction_high", s.Select(x => x.PreferredDirectionInterval.High))
            .ToFrame();
    }
}
