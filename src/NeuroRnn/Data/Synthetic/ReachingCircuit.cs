using System.Globalization;

namespace NeuroRnn.Data.Synthetic;

/// <summary>
/// A physiologically inspired generator of motor-cortical and muscle activity for centre-out reaching with an
/// instructed delay: the "biological circuit" an embedder RNN learns from (Salatiello &amp; Giese 2020). The circuit is
/// drawn once from <see cref="ReachingCircuitOptions.Seed"/>; <see cref="Generate()"/> simulates sessions for any reach
/// directions, so conditions held out of training come from the same circuit.
/// </summary>
/// <remarks>
/// <para><b>Population dynamics.</b> The population state is a latent vector z with one 2-D plane per entry of
/// <see cref="ReachingCircuitOptions.RotationFrequenciesHz"/> plus a condition-independent pair (a hidden drive h and
/// the visible signal c): D = 2·(P + 1) dimensions. Before the target appears z = 0. While the target is shown and the
/// go cue has not come (the "hold" epoch), z approaches a preparatory state z*(θ) with a critically damped second-order
/// response (time constant <see cref="ReachingCircuitOptions.PreparatoryTimeConstantMs"/>): in condition plane p,
/// z*_p(θ) = a_p R(φ_p) (cos θ, sin θ) with a seeded phase φ_p; the drive h charges to a_CI for every reach while c stays 0.
/// At the go cue the hold is released and the state evolves autonomously: in each condition plane dz_p/dt = M_p z_p, a
/// rotation at 2π f_p with decay 1/<see cref="ReachingCircuitOptions.DecayMs"/>; and τ dh/dt = −h, τ dc/dt = h − c, so
/// c(t) = a_CI (t/τ) e^{−t/τ}. So the preparatory state is the initial condition of rotational movement-epoch dynamics
/// (Churchland et al. 2012), and a large condition-invariant bump follows the go cue (Kaufman et al. 2016). Updates are
/// exact (matrix exponentials), one per bin.</para>
/// <para><b>Units.</b> Unit i receives the input current y_i = c_iᵀ z + o_i (loadings c_i ~ N(0, s²) on every visible
/// latent dimension — all but the hidden drive —, s = <see cref="ReachingCircuitOptions.LoadingScale"/>; offset
/// o_i ~ N(−0.3, 0.5²)) and fires
/// r_i = b_i + g_i softplus(y_i) Hz, with baseline b_i ~ U(2, 12) Hz and gain g_i log-uniform in [5, 25] Hz: mixed,
/// heterogeneous, rectified responses whose population activity is dominated by a few latent dimensions.</para>
/// <para><b>Muscles.</b> Muscle m reads the latent state linearly, v_m = w_mᵀ z, with weights that are zero on the
/// condition-independent pair and orthogonal to the preparatory plane {z*(θ)}: preparatory activity is output-null
/// (Kaufman et al. 2014), so the muscles are quiet during the delay, and the rotation after the go cue carries the state
/// into output-potent directions. EMG_m = softplus(β (v_m / s_m − 0.15)) / β with β = 6 and s_m the muscle's peak |v_m|
/// over 16 reference directions: smooth, non-negative, direction-tuned, multiphasic bursts (agonist then antagonist)
/// of peak ≈ 1.</para>
/// <para><b>Inputs an embedder receives</b> (<see cref="InputNames"/>): cos θ and sin θ of the reach direction and a hold
/// signal of 1, all present from target onset until the go cue (bins whose centre lies in [0, delay)); the go cue is the
/// release of the hold. This is the encoding <c>StimulusEncoding</c> with a custom (cos θ, sin θ) encoder, the
/// stimulus-on channel and the onset/offset columns <c>target_on_ms</c>/<c>go_ms</c> produces.</para>
/// </remarks>
public sealed class ReachingCircuit
{
    /// <summary>Names of the input channels of <see cref="ReachingSession.TaskBatch"/>.</summary>
    public static IReadOnlyList<string> InputNames { get; } = ["cue cos θ", "cue sin θ", "hold"];

    private const double EmgSlope = 6, EmgThreshold = 0.15;
    private static readonly double[] ReferenceDirections = Enumerable.Range(0, 16).Select(k => 22.5 * k).ToArray();

    private readonly int planes, latent;
    private readonly double[] prepCos, prepSin, prepConstant; // z*(θ) = prepCos·cos θ + prepSin·sin θ + prepConstant
    private readonly double[] decay, cosStep, sinStep;        // per condition plane, one bin of e^{MΔ}
    private readonly double prepDecay;                         // e^{−Δ/τ_prep}
    private readonly double ciDecay, ciStep;                   // e^{−Δ/τ_CI}, Δ/τ_CI
    private readonly double[] loadings;                        // N × D, row-major
    private readonly double[] offsets, baselines, gains;
    private readonly double[] muscleWeights;                   // M × D, row-major
    private readonly double[] muscleScales;
    private readonly double[] timeMs;
    private readonly bool[] hold;

    /// <summary>Draws the circuit from the options' seed.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public ReachingCircuit(ReachingCircuitOptions? options = null)
    {
        options ??= new ReachingCircuitOptions();
        options.Validate();
        Options = options;
        planes = options.RotationFrequenciesHz.Count;
        latent = 2 * (planes + 1);
        var rng = new Xoshiro256StarStar(options.Seed);

        // Preparatory states: a seeded phase per condition plane; the condition-independent plane starts on its first axis.
        prepCos = new double[latent];
        prepSin = new double[latent];
        prepConstant = new double[latent];
        for (int p = 0; p < planes; p++)
        {
            double phase = rng.Uniform(0, 2 * Math.PI), a = options.PlaneAmplitudes[p];
            // a R(φ) (cos θ, sin θ)
            prepCos[2 * p] = a * Math.Cos(phase);
            prepCos[2 * p + 1] = a * Math.Sin(phase);
            prepSin[2 * p] = -a * Math.Sin(phase);
            prepSin[2 * p + 1] = a * Math.Cos(phase);
        }
        prepConstant[HiddenDrive] = options.ConditionIndependentAmplitude;

        double dt = options.BinMs / 1000.0;
        decay = new double[planes];
        cosStep = new double[planes];
        sinStep = new double[planes];
        for (int p = 0; p < planes; p++)
        {
            double f = options.RotationFrequenciesHz[p];
            decay[p] = Math.Exp(-options.BinMs / options.DecayMs);
            cosStep[p] = Math.Cos(2 * Math.PI * f * dt);
            sinStep[p] = Math.Sin(2 * Math.PI * f * dt);
        }
        prepDecay = Math.Exp(-options.BinMs / options.PreparatoryTimeConstantMs);
        ciDecay = Math.Exp(-options.BinMs / options.ConditionIndependentTimeConstantMs);
        ciStep = options.BinMs / options.ConditionIndependentTimeConstantMs;

        // Muscle weights: random on the condition planes, orthogonal to the preparatory plane span{prepCos, prepSin}.
        int M = options.Muscles;
        muscleWeights = new double[M * latent];
        var e1 = Normalized(prepCos);
        var e2 = Normalized(Subtract(prepSin, e1, Dot(prepSin, e1)));
        for (int m = 0; m < M; m++)
        {
            var w = new double[latent];
            for (int d = 0; d < 2 * planes; d++) w[d] = rng.Normal();
            w = Subtract(w, e1, Dot(w, e1));
            w = Subtract(w, e2, Dot(w, e2));
            w = Normalized(w);
            Array.Copy(w, 0, muscleWeights, m * latent, latent);
        }

        // The population: from the same stream, or from its own seed (another sample of neurons of the same circuit).
        if (options.PopulationSeed is { } populationSeed) rng = new Xoshiro256StarStar(populationSeed);
        int N = options.Units;
        loadings = new double[N * latent];
        offsets = new double[N];
        baselines = new double[N];
        gains = new double[N];
        for (int i = 0; i < N; i++)
        {
            for (int d = 0; d < latent; d++) loadings[i * latent + d] = d == HiddenDrive ? 0 : options.LoadingScale * rng.Normal();
            offsets[i] = -0.3 + 0.5 * rng.Normal();
            baselines[i] = rng.Uniform(2, 12);
            gains[i] = 5 * Math.Exp(rng.Uniform(0, Math.Log(5)));
        }
        int T = (int)Math.Round((options.PreTargetMs + options.DelayMs + options.MovementMs) / options.BinMs);
        timeMs = new double[T];
        hold = new bool[T];
        for (int t = 0; t < T; t++)
        {
            timeMs[t] = -options.PreTargetMs + (t + 0.5) * options.BinMs;
            hold[t] = timeMs[t] >= 0 && timeMs[t] < options.DelayMs;
        }

        // Each muscle's drive is normalised by its peak over reference directions, so EMG scales do not depend on the
        // directions a session happens to contain.
        muscleScales = Enumerable.Repeat(1.0, M).ToArray();
        var peak = new double[M];
        var z = new double[T * latent];
        foreach (double direction in ReferenceDirections)
        {
            Simulate(direction, z);
            for (int t = 0; t < T; t++)
                for (int m = 0; m < M; m++)
                    peak[m] = Math.Max(peak[m], Math.Abs(MuscleDrive(z, t, m)));
        }
        for (int m = 0; m < M; m++) muscleScales[m] = peak[m] > 0 ? peak[m] : 1;

        Units = BuildUnitsTable();
        MusclesTable = new ColumnTable(M, new TableColumn[]
        {
            StringColumn.Own("muscle", Enumerable.Range(0, M).Select(m => (string?)("emg_" + m.ToString(CultureInfo.InvariantCulture))).ToArray()),
        });
    }

    /// <summary>The options the circuit was drawn from.</summary>
    public ReachingCircuitOptions Options { get; }

    /// <summary>Number of units N.</summary>
    public int UnitCount => Options.Units;

    /// <summary>Number of muscles.</summary>
    public int MuscleCount => Options.Muscles;

    /// <summary>Dimension D of the latent state (2 per condition plane plus the condition-independent drive and signal).</summary>
    public int LatentDimension => latent;

    /// <summary>Bin centres in ms (target onset at 0, go cue at <see cref="ReachingCircuitOptions.DelayMs"/>).</summary>
    public double[] GetTimeMs() => (double[])timeMs.Clone();

    /// <summary>
    /// The units table: <c>unit</c>, <c>area</c> (M1), <c>baseline_hz</c> b_i, <c>gain_hz</c> g_i, <c>pref_direction_deg</c>
    /// (the reach direction that maximises the unit's preparatory input current) and <c>ci_loading</c> (the unit's loading
    /// on the condition-independent signal).
    /// </summary>
    public ColumnTable Units { get; }

    /// <summary>The muscles table: <c>muscle</c> = emg_0, emg_1, …</summary>
    public ColumnTable MusclesTable { get; }

    /// <summary>The units' loadings on the latent state: an N × D matrix.</summary>
    public double[,] Loadings()
    {
        var result = new double[UnitCount, latent];
        for (int i = 0; i < UnitCount; i++)
            for (int d = 0; d < latent; d++) result[i, d] = loadings[i * latent + d];
        return result;
    }

    /// <summary>The muscles' weights on the latent state: an M × D matrix (output-null for every preparatory state).</summary>
    public double[,] MuscleWeights()
    {
        var result = new double[MuscleCount, latent];
        for (int m = 0; m < MuscleCount; m++)
            for (int d = 0; d < latent; d++) result[m, d] = muscleWeights[m * latent + d] / muscleScales[m];
        return result;
    }

    /// <summary>A session with the directions and trial count of <see cref="Options"/>.</summary>
    public ReachingSession Generate() => Generate(Options.DirectionsDeg, Options.TrialsPerCondition);

    /// <summary>
    /// A session with other reach directions (e.g. conditions held out of training), one condition per direction and
    /// <paramref name="trialsPerCondition"/> trials each (default: the options'). The trials of a direction do not depend
    /// on which other directions are simulated: with noise, each (direction, repeat) has its own seeded stream.
    /// </summary>
    /// <exception cref="ArgumentException">No direction, a non-finite one, or fewer than one trial per condition.</exception>
    public ReachingSession Generate(IReadOnlyList<double> directionsDeg, int? trialsPerCondition = null)
    {
        ArgumentNullException.ThrowIfNull(directionsDeg);
        if (directionsDeg.Count == 0) throw new ArgumentException("Give at least one reach direction.", nameof(directionsDeg));
        foreach (var d in directionsDeg)
            if (!double.IsFinite(d)) throw new ArgumentException($"Reach directions must be finite, got {d}.", nameof(directionsDeg));
        int repeats = trialsPerCondition ?? Options.TrialsPerCondition;
        if (repeats < 1) throw new ArgumentException($"trialsPerCondition must be ≥ 1, got {repeats}.", nameof(trialsPerCondition));

        int C = directionsDeg.Count, K = C * repeats, T = timeMs.Length, N = UnitCount, M = MuscleCount, D = latent;
        var neurons = new double[N * T * K];
        var muscles = new double[M * T * K];
        var latents = new double[D * T * K];
        var z = new double[T * D];
        var direction = new double[K];
        var condition = new double[K];
        var repeat = new double[K];
        for (int c = 0; c < C; c++)
        {
            Simulate(directionsDeg[c], z);
            for (int r = 0; r < repeats; r++)
            {
                int k = r * C + c;
                direction[k] = directionsDeg[c];
                condition[k] = c;
                repeat[k] = r;
                Xoshiro256StarStar? noise = Options.RateNoiseHz > 0 ? new Xoshiro256StarStar(NoiseSeed(directionsDeg[c], r)) : null;
                for (int t = 0; t < T; t++)
                {
                    for (int d = 0; d < D; d++) latents[(d * T + t) * K + k] = z[t * D + d];
                    for (int i = 0; i < N; i++)
                    {
                        double rate = Rate(z, t, i);
                        if (noise is not null) rate = Math.Max(0, rate + Options.RateNoiseHz * noise.Normal());
                        neurons[(i * T + t) * K + k] = rate;
                    }
                    for (int m = 0; m < M; m++) muscles[(m * T + t) * K + k] = Emg(MuscleDrive(z, t, m) / muscleScales[m]);
                }
            }
        }
        var trials = new ColumnTable(K, new TableColumn[]
        {
            DoubleColumn.Own("trial", Enumerable.Range(0, K).Select(k => (double)k).ToArray()),
            DoubleColumn.Own("condition", condition),
            DoubleColumn.Own("reach_direction_deg", direction),
            DoubleColumn.Own("repeat", repeat),
            DoubleColumn.Own("target_on_ms", new double[K]),
            DoubleColumn.Own("go_ms", Enumerable.Repeat(Options.DelayMs, K).ToArray()),
        });
        string seed = Options.Seed.ToString(CultureInfo.InvariantCulture);
        var latentUnits = new ColumnTable(D, new TableColumn[]
        {
            StringColumn.Own("unit", Enumerable.Range(0, D).Select(d => (string?)LatentName(d)).ToArray()),
        });
        return new ReachingSession(
            Recording.FromOwned(neurons, (double[])timeMs.Clone(), trials, Units, RecordingValueKind.RatesHz, $"reaching circuit M1 (seed {seed})"),
            Recording.FromOwned(muscles, (double[])timeMs.Clone(), trials, MusclesTable, RecordingValueKind.Other, $"reaching circuit EMG (seed {seed})"),
            Recording.FromOwned(latents, (double[])timeMs.Clone(), trials, latentUnits, RecordingValueKind.Other, $"reaching circuit latents (seed {seed})"),
            (bool[])hold.Clone());
    }

    private string LatentName(int d) =>
        d < 2 * planes ? $"plane{d / 2 + 1}_{(d % 2 == 0 ? "a" : "b")}" : d == HiddenDrive ? "ci_drive" : "ci";

    /// <summary>Index of the hidden condition-independent drive h; the visible signal c follows it.</summary>
    private int HiddenDrive => 2 * planes;

    private int ConditionIndependent => 2 * planes + 1;

    private ulong NoiseSeed(double directionDeg, int repeat)
    {
        // A stream per (seed, direction, repeat): a direction's noisy trials are the same whichever session contains it.
        ulong x = Options.Seed ^ 0x6A09E667F3BCC909UL;
        x = unchecked((x ^ (ulong)BitConverter.DoubleToInt64Bits(directionDeg)) * 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (ulong)repeat) * 0xBF58476D1CE4E5B9UL);
        return x ^ (x >> 31);
    }

    /// <summary>Fills <paramref name="z"/> (T × D, row-major) with the latent trajectory of one reach.</summary>
    private void Simulate(double directionDeg, double[] z)
    {
        int D = latent;
        double theta = directionDeg * Math.PI / 180, cos = Math.Cos(theta), sin = Math.Sin(theta);
        var target = new double[D];
        for (int d = 0; d < D; d++) target[d] = prepCos[d] * cos + prepSin[d] * sin + prepConstant[d];
        var state = new double[D];
        var filter = new double[D]; // first stage of the second-order preparatory approach
        double prepStep = Options.BinMs / Options.PreparatoryTimeConstantMs;
        for (int t = 0; t < timeMs.Length; t++)
        {
            if (hold[t])
            {
                // Exact step of w' = (z* − w)/τ, z' = (w − z)/τ: with v = w − z*, e = z − z*:
                // v(Δ) = v e^{−Δ/τ}, e(Δ) = (e + v Δ/τ) e^{−Δ/τ}.
                for (int d = 0; d < D; d++)
                {
                    double v = filter[d] - target[d], e = state[d] - target[d];
                    filter[d] = target[d] + v * prepDecay;
                    state[d] = target[d] + (e + v * prepStep) * prepDecay;
                }
            }
            else
            {
                for (int p = 0; p < planes; p++)
                {
                    double a = state[2 * p], b = state[2 * p + 1];
                    state[2 * p] = decay[p] * (cosStep[p] * a - sinStep[p] * b);
                    state[2 * p + 1] = decay[p] * (sinStep[p] * a + cosStep[p] * b);
                }
                // τ h' = −h, τ c' = h − c, exactly: c(Δ) = (c + h Δ/τ) e^{−Δ/τ}, h(Δ) = h e^{−Δ/τ}.
                double h = state[HiddenDrive], c = state[ConditionIndependent];
                state[ConditionIndependent] = (c + h * ciStep) * ciDecay;
                state[HiddenDrive] = h * ciDecay;
                Array.Copy(state, filter, D);
            }
            Array.Copy(state, 0, z, t * D, D);
        }
    }

    private double Rate(double[] z, int t, int unit)
    {
        double y = offsets[unit];
        for (int d = 0; d < latent; d++) y += loadings[unit * latent + d] * z[t * latent + d];
        return baselines[unit] + gains[unit] * Softplus(y);
    }

    private double MuscleDrive(double[] z, int t, int muscle)
    {
        double v = 0;
        for (int d = 0; d < latent; d++) v += muscleWeights[muscle * latent + d] * z[t * latent + d];
        return v;
    }

    private static double Emg(double normalizedDrive) => Softplus(EmgSlope * (normalizedDrive - EmgThreshold)) / EmgSlope;

    private static double Softplus(double y) => y > 30 ? y : Math.Log(1 + Math.Exp(y));

    private ColumnTable BuildUnitsTable()
    {
        int N = UnitCount;
        var pref = new double[N];
        var ci = new double[N];
        for (int i = 0; i < N; i++)
        {
            double a = 0, b = 0;
            for (int d = 0; d < latent; d++)
            {
                a += loadings[i * latent + d] * prepCos[d];
                b += loadings[i * latent + d] * prepSin[d];
            }
            double deg = Math.Atan2(b, a) * 180 / Math.PI;
            pref[i] = deg < 0 ? deg + 360 : deg;
            ci[i] = loadings[i * latent + ConditionIndependent];
        }
        return new ColumnTable(N, new TableColumn[]
        {
            StringColumn.Own("unit", Enumerable.Range(0, N).Select(i => (string?)("m1_" + i.ToString("D3", CultureInfo.InvariantCulture))).ToArray()),
            StringColumn.Own("area", Enumerable.Repeat<string?>("M1", N).ToArray()),
            DoubleColumn.Own("baseline_hz", (double[])baselines.Clone()),
            DoubleColumn.Own("gain_hz", (double[])gains.Clone()),
            DoubleColumn.Own("pref_direction_deg", pref),
            DoubleColumn.Own("ci_loading", ci),
        });
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] Subtract(double[] a, double[] direction, double amount)
    {
        var r = new double[a.Length];
        for (int i = 0; i < a.Length; i++) r[i] = a[i] - amount * direction[i];
        return r;
    }

    private static double[] Normalized(double[] a)
    {
        double n = Math.Sqrt(Dot(a, a));
        return a.Select(v => v / n).ToArray();
    }
}
