using NeuroRnn.Trials;

namespace NeuroRnn.Data.Synthetic;

/// <summary>
/// One simulated session of <see cref="ReachingCircuit"/>: all units, the muscles and the latent state on a shared time
/// axis and trials table (<c>trial</c>, <c>condition</c>, <c>reach_direction_deg</c>, <c>repeat</c>, <c>target_on_ms</c>,
/// <c>go_ms</c>), plus the inputs an embedder network receives.
/// </summary>
public sealed class ReachingSession
{
    private readonly bool[] hold;

    internal ReachingSession(Recording neurons, Recording muscles, Recording latents, bool[] hold)
    {
        Neurons = neurons;
        Muscles = muscles;
        Latents = latents;
        this.hold = hold;
    }

    /// <summary>Firing rates (Hz) of every unit of the circuit.</summary>
    public Recording Neurons { get; }

    /// <summary>EMG-like muscle activity (normalised units, peak ≈ 1), one "unit" per muscle.</summary>
    public Recording Muscles { get; }

    /// <summary>The latent state z (ground truth of the population dynamics), one "unit" per latent dimension.</summary>
    public Recording Latents { get; }

    /// <summary>The trials table shared by the three recordings.</summary>
    public ColumnTable Trials => Neurons.Trials;

    /// <summary>The reach direction of each trial in degrees.</summary>
    public double[] DirectionsDeg => Neurons.Trials.GetDoubles("reach_direction_deg");

    /// <summary>Whether the hold (and the cue) is on in each bin: target onset ≤ bin centre &lt; go cue.</summary>
    public bool[] Hold() => (bool[])hold.Clone();

    /// <summary>
    /// The task as a batch: inputs (cos θ, sin θ, hold; see <see cref="ReachingCircuit.InputNames"/>) and the EMG as
    /// targets (mask 1 everywhere), one column per trial, with the condition label <c>reach_direction_deg</c>.
    /// </summary>
    public TrialBatch TaskBatch()
    {
        int T = Neurons.TimeCount, B = Neurons.TrialCount, M = Muscles.UnitCount;
        var directions = DirectionsDeg;
        var inputs = new double[T * B * 3];
        var targets = new double[T * B * M];
        var mask = new double[targets.Length];
        var emg = Muscles.Data;
        for (int t = 0; t < T; t++)
            for (int b = 0; b < B; b++)
            {
                if (hold[t])
                {
                    double theta = directions[b] * Math.PI / 180;
                    int i = (t * B + b) * 3;
                    inputs[i] = Math.Cos(theta);
                    inputs[i + 1] = Math.Sin(theta);
                    inputs[i + 2] = 1;
                }
                for (int m = 0; m < M; m++)
                {
                    int j = (t * B + b) * M + m;
                    targets[j] = emg[(m * T + t) * B + b];
                    mask[j] = 1;
                }
            }
        return new TrialBatch(T, B, 3, M, inputs, targets, mask, null,
            new Dictionary<string, double[]> { ["reach_direction_deg"] = directions });
    }
}
