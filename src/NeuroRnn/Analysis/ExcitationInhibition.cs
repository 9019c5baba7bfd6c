namespace NeuroRnn.Analysis;

/// <summary>
/// Excitatory and inhibitory input currents and their balance, from plain arrays: a recurrent weight matrix, the
/// presynaptic cell types and the rates. For a network object use <c>NeuroRnn.Networks.NetworkCurrents</c>, which
/// feeds a simulation through here.
/// </summary>
public static class ExcitationInhibition
{
    /// <summary>Splits the recurrent input of every unit into its excitatory and inhibitory parts.</summary>
    /// <param name="weights">N×N effective recurrent weights, column-major: W[post, pre] at pre·N + post.</param>
    /// <param name="excitatory">Type of each presynaptic unit (Dale's law); null: classify every connection by its weight's sign.</param>
    /// <param name="rates">Presynaptic rates r[j, t, k] laid out [unit, time, trial] (index (j·T + t)·K + k), the rates the update of step t reads.</param>
    /// <param name="external">External current (input weights × inputs + bias) [unit, time, trial]; null: zero.</param>
    /// <param name="timeMs">Time of each of the T steps.</param>
    /// <param name="trials">Trials K.</param>
    /// <exception cref="ArgumentException">A length does not match N, T and K, a value is not finite, or a Dale network has a weight of the wrong sign (the message names the unit).</exception>
    public static SynapticCurrents Currents(double[] weights, bool[]? excitatory, double[] rates, double[]? external, double[] timeMs, int trials)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(timeMs);
        int n = (int)Math.Round(Math.Sqrt(weights.Length));
        if (n * n != weights.Length || n == 0) throw new ArgumentException($"weights has {weights.Length} entries, not N² for a positive N.", nameof(weights));
        int steps = timeMs.Length;
        if (trials <= 0) throw new ArgumentException($"trials must be positive, got {trials}.", nameof(trials));
        long cells = (long)n * steps * trials;
        if (rates.Length != cells) throw new ArgumentException($"rates has {rates.Length} values but N·T·K = {n}·{steps}·{trials} = {cells}.", nameof(rates));
        if (external is not null && external.Length != cells) throw new ArgumentException($"external has {external.Length} values but N·T·K = {cells}.", nameof(external));
        if (excitatory is not null)
        {
            if (excitatory.Length != n) throw new ArgumentException($"excitatory has {excitatory.Length} entries but the network has {n} units.", nameof(excitatory));
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    double w = weights[j * n + i];
                    if (excitatory[j] ? w < 0 : w > 0)
                        throw new ArgumentException($"Unit {j} is {(excitatory[j] ? "excitatory" : "inhibitory")} but its weight onto unit {i} is {w}; Dale's law requires one sign per presynaptic unit.", nameof(weights));
                }
        }
        foreach (double v in weights) if (!double.IsFinite(v)) throw new ArgumentException("weights contains a value that is not finite.", nameof(weights));
        foreach (double v in rates) if (!double.IsFinite(v)) throw new ArgumentException("rates contains a value that is not finite.", nameof(rates));

        var e = new double[cells];
        var inh = new double[cells];
        var ext = external is null ? new double[cells] : (double[])external.Clone();
        var net = new double[cells];
        int block = steps * trials;
        // Loop order pre → post → (t, k): each presynaptic rate row is read contiguously and added into the postsynaptic row.
        for (int j = 0; j < n; j++)
        {
            var source = rates.AsSpan(j * block, block);
            for (int i = 0; i < n; i++)
            {
                double w = weights[j * n + i];
                if (w == 0) continue;
                bool isE = excitatory?[j] ?? w > 0;
                var target = (isE ? e : inh).AsSpan(i * block, block);
                for (int x = 0; x < block; x++) target[x] += w * source[x];
            }
        }
        for (long x = 0; x < cells; x++) net[x] = e[x] + inh[x] + ext[x];
        return new SynapticCurrents(n, steps, trials, (double[])timeMs.Clone(), e, inh, ext, net,
            excitatory is null ? Enumerable.Repeat(true, n).ToArray() : (bool[])excitatory.Clone(), excitatory is null ? "weight sign" : "presynaptic type");
    }

    /// <summary>
    /// Balance indices of every unit in the window [<paramref name="startMs"/>, <paramref name="endMs"/>): E/I ratio, E–I
    /// correlation across time and across stimuli, cancellation index, and E and I tuning to <paramref name="stimulus"/>.
    /// </summary>
    /// <param name="currents">From <see cref="Currents"/>.</param>
    /// <param name="startMs">Window start.</param>
    /// <param name="endMs">Window end (exclusive).</param>
    /// <param name="stimulus">Stimulus value per trial (e.g. orientation); null: no across-stimulus indices or tuning.</param>
    /// <exception cref="ArgumentException">No step in the window, or the stimulus has the wrong length or a non-finite value.</exception>
    public static BalanceReport Balance(SynapticCurrents currents, double startMs, double endMs, double[]? stimulus = null)
    {
        ArgumentNullException.ThrowIfNull(currents);
        var steps = Enumerable.Range(0, currents.TimeCount).Where(t => currents.TimeMs[t] >= startMs && currents.TimeMs[t] < endMs).ToArray();
        if (steps.Length == 0) throw new ArgumentException($"No step lies in [{startMs}, {endMs}) ms.", nameof(startMs));
        int trials = currents.TrialCount;
        if (stimulus is not null)
        {
            if (stimulus.Length != trials) throw new ArgumentException($"stimulus has {stimulus.Length} values but there are {trials} trials.", nameof(stimulus));
            if (stimulus.Any(v => !double.IsFinite(v))) throw new ArgumentException("stimulus contains a value that is not finite.", nameof(stimulus));
        }
        var conditions = stimulus?.Distinct().Order().ToArray() ?? [];
        var conditionOf = stimulus?.Select(v => Array.IndexOf(conditions, v)).ToArray();
        var units = new BalanceIndices[currents.UnitCount];
        var eSeries = new double[steps.Length];
        var iSeries = new double[steps.Length];
        for (int u = 0; u < currents.UnitCount; u++)
        {
            double sumE = 0, sumI = 0, sumNet = 0, sumMagnitude = 0, correlation = 0;
            int correlated = 0;
            var eTuning = new double[conditions.Length];
            var iTuning = new double[conditions.Length];
            var perCondition = new int[conditions.Length];
            for (int k = 0; k < trials; k++)
            {
                double trialE = 0, trialI = 0;
                for (int s = 0; s < steps.Length; s++)
                {
                    int x = currents.Index(u, steps[s], k);
                    double ex = currents.Excitatory[x], inh = currents.Inhibitory[x];
                    eSeries[s] = ex; iSeries[s] = -inh;
                    sumE += ex; sumI += inh;
                    sumNet += Math.Abs(ex + inh);
                    sumMagnitude += Math.Abs(ex) + Math.Abs(inh);
                    trialE += ex; trialI += -inh;
                }
                double r = Pearson(eSeries, iSeries);
                if (!double.IsNaN(r)) { correlation += r; correlated++; }
                if (conditionOf is not null)
                {
                    int c = conditionOf[k];
                    eTuning[c] += trialE / steps.Length; iTuning[c] += trialI / steps.Length; perCondition[c]++;
                }
            }
            for (int c = 0; c < conditions.Length; c++) { eTuning[c] /= perCondition[c]; iTuning[c] /= perCondition[c]; }
            int samples = steps.Length * trials;
            double meanE = sumE / samples, meanI = sumI / samples;
            double ratio = meanI != 0 ? meanE / Math.Abs(meanI) : meanE != 0 ? double.PositiveInfinity : double.NaN;
            double cancellation = sumMagnitude > 0 ? 1 - sumNet / sumMagnitude : double.NaN;
            units[u] = new BalanceIndices(u, currents.UnitIsExcitatory[u], meanE, meanI, ratio,
                correlated > 0 ? correlation / correlated : double.NaN,
                conditions.Length >= 3 ? Pearson(eTuning, iTuning) : double.NaN, cancellation, eTuning, iTuning);
        }
        return new BalanceReport(units, conditions, startMs, endMs);
    }

    /// <summary>Pearson correlation; NaN when either series is constant.</summary>
    internal static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++) { ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) * (a[i] - ma); bb += (b[i] - mb) * (b[i] - mb); }
        return aa > 1e-24 && bb > 1e-24 ? ab / Math.Sqrt(aa * bb) : double.NaN;
    }
}
