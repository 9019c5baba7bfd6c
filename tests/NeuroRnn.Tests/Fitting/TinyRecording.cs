using NeuroRnn.Data;

namespace NeuroRnn.Tests.Fitting;

/// <summary>A small noise-free gratings-like recording whose numbers the fitting tests can predict by hand.</summary>
internal static class TinyRecording
{
    public const double StimulusOffsetMs = 200;

    /// <summary>
    /// <paramref name="units"/> units, <paramref name="directions"/> directions (0, 360/d, …) × <paramref name="trialsPerDirection"/>
    /// trials, 10 ms bins centred at −95 … 295 ms (40 bins). Rate of unit u (Hz): 2 + 10·u-dependent tuning during
    /// [0, 200) ms, smoothed on and off by a 30 ms exponential, 2 Hz otherwise.
    /// </summary>
    public static Recording Create(int units = 4, int directions = 4, int trialsPerDirection = 5, RecordingValueKind kind = RecordingValueKind.RatesHz)
    {
        int K = directions * trialsPerDirection, T = 40;
        var time = Enumerable.Range(0, T).Select(t => -95.0 + 10 * t).ToArray();
        var direction = Enumerable.Range(0, K).Select(k => 360.0 / directions * (k % directions)).ToArray();
        var data = new double[units * T * K];
        for (int u = 0; u < units; u++)
        {
            double pref = 180.0 * u / units;
            for (int k = 0; k < K; k++)
            {
                double drive = 10 * Math.Exp(2 * (Math.Cos(2 * (direction[k] - pref) * Math.PI / 180) - 1));
                double level = 0;
                for (int t = 0; t < T; t++)
                {
                    double target = time[t] >= 0 && time[t] < StimulusOffsetMs ? drive : 0;
                    level += (target - level) * (1 - Math.Exp(-10.0 / 30));
                    data[(u * T + t) * K + k] = 2 + level;
                }
            }
        }
        var trials = new ColumnTable(K, new TableColumn[]
        {
            new DoubleColumn("trial", Enumerable.Range(0, K).Select(k => (double)k)),
            new DoubleColumn("direction_deg", direction),
            new DoubleColumn("contrast", Enumerable.Repeat(1.0, K)),
        });
        var unitsTable = new ColumnTable(units, new TableColumn[]
        {
            new StringColumn("unit", Enumerable.Range(0, units).Select(u => (string?)$"u{u}")),
            new DoubleColumn("pref_orientation_deg", Enumerable.Range(0, units).Select(u => 180.0 * u / units)),
        });
        return Recording.Create(data, time, trials, unitsTable, kind, "tiny");
    }
}
