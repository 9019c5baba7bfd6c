using NeuroRnn.Analysis;
using NeuroRnn.Models;
using NeuroRnn.Trials;

namespace NeuroRnn.Networks;

/// <summary>
/// The excitatory and inhibitory input currents of a simulated network (<see cref="ExcitationInhibition"/> on its
/// effective weights and rates). The current of step t is what drives the state recorded at step t: W r[t] (split by
/// presynaptic type under Dale's law, else by weight sign) and W_in u[t] + b as the external current; noise is left out
/// (it has no E/I identity).
/// </summary>
public static class NetworkCurrents
{
    /// <summary>Currents of <paramref name="network"/> on <paramref name="batch"/>, on the time axis of <see cref="TrainedNetwork.Record"/>.</summary>
    public static SynapticCurrents Of(TrainedNetwork network, TrialBatch batch)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (dt, onset) = ActivityRecordings.Timing(network.Task, network.Model);
        return Of(network.Model, batch, dt, onset);
    }

    /// <summary>Currents of <paramref name="model"/> on <paramref name="batch"/>; step t is at (t + 1)·<paramref name="dtMs"/> − <paramref name="onsetMs"/>.</summary>
    /// <exception cref="ArgumentException">The batch does not fit the model.</exception>
    public static SynapticCurrents Of(RateRnn model, TrialBatch batch, double dtMs, double onsetMs = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var trajectory = model.Run(batch);
        int n = model.Options.UnitCount, steps = batch.Steps, trials = batch.BatchSize, inputs = batch.InputCount;
        var rates = new double[(long)n * steps * trials];
        var external = new double[rates.Length];
        var parameters = model.GetParameters();
        var win = model.Layout.Slice((ReadOnlySpan<double>)parameters, ParameterBlock.InputWeights).ToArray();
        var bias = model.Layout.Slice((ReadOnlySpan<double>)parameters, ParameterBlock.RecurrentBias).ToArray();
        for (int t = 0; t < steps; t++)
            for (int k = 0; k < trials; k++)
                for (int u = 0; u < n; u++)
                {
                    long x = ((long)u * steps + t) * trials + k;
                    rates[x] = trajectory.Rate(t, k, u);
                    double current = bias[u];
                    for (int i = 0; i < inputs; i++) current += win[i * n + u] * batch.Inputs[batch.InputIndex(t, k, i)];
                    external[x] = current;
                }
        bool[]? excitatory = model.Options.DalesLaw ? [.. Enumerable.Range(0, n).Select(model.IsExcitatory)] : null;
        return ExcitationInhibition.Currents(model.EffectiveRecurrentWeights(), excitatory, rates, external,
            ActivityRecordings.TimeAxis(steps, dtMs, onsetMs), trials);
    }
}
