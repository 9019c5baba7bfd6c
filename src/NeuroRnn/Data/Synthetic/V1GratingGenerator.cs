using System.Globalization;

namespace NeuroRnn.Data.Synthetic;

/// <summary>
/// Generates mouse-V1-like population responses (spike counts per bin) to full-field drifting gratings, with the ground
/// truth of every unit in the units table. Bit-reproducible from <see cref="V1GratingOptions.Seed"/>.
/// </summary>
/// <remarks>
/// <para>Tuning of unit i to drift direction θ (orientation θ mod 180°):
/// R_i(θ) = B_i + A_i [ (1 − d_i) exp(κ_i (cos 2(θ − φ_i) − 1)) + d_i exp(κ_i/2 (cos(θ − ψ_i) − 1)) ],
/// a von Mises bump of period 180° around the preferred orientation φ_i plus a direction component of period 360° around
/// the preferred direction ψ_i ∈ {φ_i, φ_i + 180°}; d_i ∈ [0, 0.6] sets the direction selectivity.</para>
/// <para>Population statistics: 80% excitatory (E) units with baseline 0.5–3 Hz, peak amplitude 4–24 Hz (log-uniform),
/// κ ∈ [1, 5]; 20% inhibitory (I) units with baseline 4–10 Hz, amplitude 15–40 Hz, broad tuning κ ∈ [0.2, 1] and
/// weaker direction selectivity; cortical depth 100–900 µm; response latency 40–90 ms (I units 10 ms earlier).</para>
/// <para>Time course: after the latency the response rises (τ = 10 ms) to an onset transient of 1.8× the stimulus drive,
/// adapting (τ 80–200 ms) to a sustained level of 50–80%; after stimulus offset (+ latency) it decays (τ = 40 ms) to
/// baseline. Each trial scales the stimulus-evoked part by a log-normal gain (mean 1, CV <see cref="V1GratingOptions.GainCv"/>),
/// shared by all units (a global state fluctuation). Counts are Poisson with mean rate × bin width.</para>
/// <para>Trials are blocked by repeat and shuffled within each block (seeded). Units table: <c>unit</c>, <c>area</c> (V1),
/// <c>cell_type</c> (E/I), <c>depth_um</c>, <c>pref_orientation_deg</c> φ ∈ [0, 180), <c>pref_direction_deg</c> ψ,
/// <c>kappa</c>, <c>amplitude_hz</c>, <c>baseline_hz</c>, <c>direction_weight</c> d, <c>latency_ms</c>, <c>sustained_fraction</c>.
/// Trials table: <c>trial</c>, <c>direction_deg</c>, <c>orientation_deg</c>, <c>contrast</c>, <c>repeat</c>, <c>gain</c> (ground truth).</para>
/// </remarks>
public static class V1GratingGenerator
{
    /// <summary>Generates a recording of spike counts (<see cref="RecordingValueKind.Counts"/>).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static Recording Generate(V1GratingOptions? options = null)
    {
        options ??= new V1GratingOptions();
        options.Validate();
        var rng = new Xoshiro256StarStar(options.Seed);
        int U = options.Units;
        var population = DrawUnits(options, rng);
        var (trials, directionDeg, gains) = DrawTrials(options, rng);
        int K = directionDeg.Length;

        double total = options.PreStimulusMs + options.StimulusMs + options.PostStimulusMs;
        int T = (int)Math.Round(total / options.BinMs);
        var timeMs = new double[T];
        for (int t = 0; t < T; t++) timeMs[t] = -options.PreStimulusMs + (t + 0.5) * options.BinMs;

        var data = new double[U * T * K];
        double binSeconds = options.BinMs / 1000.0;
        var drive = new double[K];
        var envelope = new double[T];
        for (int u = 0; u < U; u++)
        {
            var p = population[u];
            for (int k = 0; k < K; k++) drive[k] = TuningHz(p, directionDeg[k]) - p.BaselineHz;
            for (int t = 0; t < T; t++) envelope[t] = Envelope(timeMs[t], options.StimulusMs, p);
            for (int t = 0; t < T; t++)
            {
                int row = (u * T + t) * K;
                for (int k = 0; k < K; k++)
                {
                    double gain = options.ExpectedCounts ? 1 : gains[k];
                    double rate = Math.Max(0, p.BaselineHz + gain * drive[k] * envelope[t]);
                    data[row + k] = options.ExpectedCounts ? rate * binSeconds : rng.Poisson(rate * binSeconds);
                }
            }
        }
        return Recording.FromOwned(data, timeMs, trials, UnitsTable(population), RecordingValueKind.Counts,
            $"synthetic V1 gratings (seed {options.Seed.ToString(CultureInfo.InvariantCulture)}{(options.ExpectedCounts ? ", expected counts" : "")})");
    }

    /// <summary>The noise-free rate (Hz) of a unit with the given parameters to direction <paramref name="directionDeg"/> during the sustained response.</summary>
    public static double TuningHz(double directionDeg, double prefOrientationDeg, double prefDirectionDeg, double kappa, double amplitudeHz, double baselineHz, double directionWeight)
    {
        double theta = directionDeg * Math.PI / 180, phi = prefOrientationDeg * Math.PI / 180, psi = prefDirectionDeg * Math.PI / 180;
        double orientation = Math.Exp(kappa * (Math.Cos(2 * (theta - phi)) - 1));
        double direction = Math.Exp(kappa / 2 * (Math.Cos(theta - psi) - 1));
        return baselineHz + amplitudeHz * ((1 - directionWeight) * orientation + directionWeight * direction);
    }

    private static double TuningHz(UnitParameters p, double directionDeg) =>
        TuningHz(directionDeg, p.PrefOrientationDeg, p.PrefDirectionDeg, p.Kappa, p.AmplitudeHz, p.BaselineHz, p.DirectionWeight);

    /// <summary>The multiplicative time course of the stimulus drive (0 before the response, transient then sustained).</summary>
    private static double Envelope(double t, double stimulusMs, UnitParameters p)
    {
        double since = t - p.LatencyMs;
        if (since <= 0) return 0;
        double rise = 1 - Math.Exp(-since / 10.0);
        double adapt = p.SustainedFraction + (1.8 - p.SustainedFraction) * Math.Exp(-since / p.AdaptationMs);
        double on = rise * adapt;
        double sinceOff = t - (stimulusMs + p.LatencyMs);
        if (sinceOff <= 0) return on;
        // Value at offset, decaying to baseline.
        double atOff = (1 - Math.Exp(-stimulusMs / 10.0)) * (p.SustainedFraction + (1.8 - p.SustainedFraction) * Math.Exp(-stimulusMs / p.AdaptationMs));
        return atOff * Math.Exp(-sinceOff / 40.0);
    }

    private sealed record UnitParameters(bool Inhibitory, double DepthUm, double PrefOrientationDeg, double PrefDirectionDeg, double Kappa,
        double AmplitudeHz, double BaselineHz, double DirectionWeight, double LatencyMs, double SustainedFraction, double AdaptationMs);

    private static UnitParameters[] DrawUnits(V1GratingOptions options, Xoshiro256StarStar rng)
    {
        int U = options.Units;
        int inhibitory = (int)Math.Round(U * options.InhibitoryFraction);
        var isInhibitory = new bool[U];
        for (int i = 0; i < inhibitory; i++) isInhibitory[i] = true;
        rng.Shuffle(isInhibitory);
        var result = new UnitParameters[U];
        for (int u = 0; u < U; u++)
        {
            bool inh = isInhibitory[u];
            double depth = rng.Uniform(100, 900);
            double phi = rng.Uniform(0, 180);
            double psi = rng.NextDouble() < 0.5 ? phi : phi + 180;
            double kappa = inh ? rng.Uniform(0.2, 1.0) : rng.Uniform(1.0, 5.0);
            double amplitude = inh ? rng.Uniform(15, 40) : 4 * Math.Exp(rng.Uniform(0, Math.Log(6)));
            double baseline = inh ? rng.Uniform(4, 10) : rng.Uniform(0.5, 3);
            double dirWeight = inh ? rng.Uniform(0, 0.2) : rng.Uniform(0, 0.6);
            double latency = rng.Uniform(40, 90) - (inh ? 10 : 0);
            double sustained = rng.Uniform(0.5, 0.8);
            double adaptation = rng.Uniform(80, 200);
            result[u] = new UnitParameters(inh, depth, phi, psi, kappa, amplitude, baseline, dirWeight, latency, sustained, adaptation);
        }
        return result;
    }

    private static (ColumnTable Trials, double[] DirectionDeg, double[] Gains) DrawTrials(V1GratingOptions options, Xoshiro256StarStar rng)
    {
        int D = options.Directions, R = options.TrialsPerDirection, K = D * R;
        var direction = new double[K];
        var repeat = new double[K];
        for (int r = 0; r < R; r++)
        {
            var order = Enumerable.Range(0, D).ToArray();
            rng.Shuffle(order);
            for (int j = 0; j < D; j++)
            {
                direction[r * D + j] = 360.0 * order[j] / D;
                repeat[r * D + j] = r;
            }
        }
        // Log-normal gain with mean 1 and the requested CV.
        double sigma = Math.Sqrt(Math.Log(1 + options.GainCv * options.GainCv));
        var gain = new double[K];
        for (int k = 0; k < K; k++) gain[k] = Math.Exp(sigma * rng.Normal() - sigma * sigma / 2);
        var table = new ColumnTable(K, new TableColumn[]
        {
            DoubleColumn.Own("trial", Enumerable.Range(0, K).Select(k => (double)k).ToArray()),
            DoubleColumn.Own("direction_deg", direction),
            DoubleColumn.Own("orientation_deg", direction.Select(d => d % 180).ToArray()),
            DoubleColumn.Own("contrast", Enumerable.Repeat(options.Contrast, K).ToArray()),
            DoubleColumn.Own("repeat", repeat),
            DoubleColumn.Own("gain", gain),
        });
        return (table, direction, gain);
    }

    private static ColumnTable UnitsTable(UnitParameters[] units)
    {
        int U = units.Length;
        double[] Col(Func<UnitParameters, double> f) => units.Select(f).ToArray();
        return new ColumnTable(U, new TableColumn[]
        {
            StringColumn.Own("unit", Enumerable.Range(0, U).Select(i => (string?)("v1_" + i.ToString("D3", CultureInfo.InvariantCulture))).ToArray()),
            StringColumn.Own("area", Enumerable.Repeat<string?>("V1", U).ToArray()),
            StringColumn.Own("cell_type", units.Select(p => (string?)(p.Inhibitory ? "I" : "E")).ToArray()),
            DoubleColumn.Own("depth_um", Col(p => p.DepthUm)),
            DoubleColumn.Own("pref_orientation_deg", Col(p => p.PrefOrientationDeg)),
            DoubleColumn.Own("pref_direction_deg", Col(p => p.PrefDirectionDeg)),
            DoubleColumn.Own("kappa", Col(p => p.Kappa)),
            DoubleColumn.Own("amplitude_hz", Col(p => p.AmplitudeHz)),
            DoubleColumn.Own("baseline_hz", Col(p => p.BaselineHz)),
            DoubleColumn.Own("direction_weight", Col(p => p.DirectionWeight)),
            DoubleColumn.Own("latency_ms", Col(p => p.LatencyMs)),
            DoubleColumn.Own("sustained_fraction", Col(p => p.SustainedFraction)),
        });
    }
}
