using NeuroRnn.Analysis;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Experiments;

namespace NeuroRnn.Tests.Experiments;

public class SparseRecordingExperimentTests
{
    // A small circuit (40 units, 4 trained and 2 held-out reaches, 65 bins) and small embedders keep every test fast.
    private static readonly ReachingCircuitOptions SmallCircuit = new()
    {
        Units = 40, Muscles = 3, DirectionsDeg = [0, 90, 180, 270], PreTargetMs = 50, DelayMs = 200, MovementMs = 400, Seed = 3,
    };

    private static readonly EmbedderOptions SmallEmbedder = new()
    {
        UnitCount = 40, FullForcePasses = 15, HessianFreeIterations = 2, AdamIterations = 30,
        HessianFree = new() { InitialLambda = 0.1, MaxCgIterations = 10 },
        Adam = new() { LearningRate = 1e-2 },
    };

    private static readonly SparseRecordingOptions Small = new()
    {
        Circuit = SmallCircuit, HeldOutDirectionsDeg = [45, 225], Fractions = [0.1, 1.0], Seeds = [1], Embedder = SmallEmbedder,
    };

    private static readonly ReachingCircuit Circuit = new(SmallCircuit);
    private static readonly ReachingSession Training = Circuit.Generate();

    [Fact]
    public void Result_table_has_one_scored_row_per_optimizer_fraction_and_seed()
    {
        var rows = new List<SparseRecordingRun>();
        var result = SparseRecordingExperiment.Run(Small with { Seeds = [1, 2] }, rows.Add);
        Assert.Equal(2 * 2 * 3, result.Runs.Count);
        Assert.Equal(result.Runs, rows);
        Assert.Equal(2 * 3, result.Summaries.Count);
        Assert.All(result.Summaries, s => Assert.Equal(2, s.Runs));
        foreach (var r in result.Runs)
        {
            Assert.Equal(r.Fraction == 0 ? 0 : r.Fraction == 0.1 ? 4 : 40, r.SampledUnits);
            Assert.InRange(r.Svcca, 0, 1 + 1e-12);
            Assert.InRange(r.HeldOutSvcca, 0, 1 + 1e-12);
            Assert.True(r.OutputError >= 0 && double.IsFinite(r.HeldOutOutputError));
            Assert.True(r.TrainSeconds > 0);
            Assert.True(r.CpuSeconds > 0, $"CPU seconds {r.CpuSeconds}");
            Assert.True(r.Iterations >= 1);
        }
        // Trained embedders reproduce the muscles far better than the mean, and every embedder is above the floor of the
        // untrained networks; the ceiling (another population of the same circuit) is near 1.
        Assert.All(result.Runs.Where(r => r.Optimizer == EmbedderOptimizer.FullForce), r => Assert.True(r.OutputError < 0.3, $"{r}"));
        Assert.True(result.PopulationCeiling > 0.95, $"ceiling {result.PopulationCeiling}");
        Assert.True(result.UntrainedSvcca < result.PopulationCeiling - 0.1, $"untrained {result.UntrainedSvcca}");
        Assert.Contains("outputs only", result.ToMarkdown());
    }

    [Fact]
    public void Hints_from_every_unit_make_full_force_dynamics_closer_to_the_circuit_than_outputs_alone()
    {
        var heldOut = Circuit.Generate([45, 225]);
        var outputOnly = EmbedderTraining.Train(Training, null, EmbedderOptimizer.FullForce, 1, SmallEmbedder);
        var hinted = EmbedderTraining.Train(Training, Training.Neurons, EmbedderOptimizer.FullForce, 1, SmallEmbedder);
        var a = SparseRecordingExperiment.Score(outputOnly, Training, heldOut, 0, 1);
        var b = SparseRecordingExperiment.Score(hinted, Training, heldOut, 1, 1);
        Assert.Equal(40, hinted.HintCount);
        Assert.True(b.Svcca > a.Svcca + 0.05, $"with hints {b.Svcca}, outputs only {a.Svcca}");
        Assert.True(b.Svcca > 0.85, $"with hints {b.Svcca}");
    }

    [Fact]
    public void Runs_are_deterministic_from_the_seed()
    {
        var options = Small with { Fractions = [0.1], IncludeOutputOnly = false };
        var first = SparseRecordingExperiment.Run(options).Runs;
        var second = SparseRecordingExperiment.Run(options).Runs;
        // Equal up to roundoff, not bit for bit: MKL's strict reproducibility mode covers GEMM-like BLAS but not the
        // threaded LAPACK behind SVCCA's decompositions, whose last bits varied on a loaded 2-core CI machine (1e-15
        // relative in SVCCA, 1e-14 after training). Another seed's draw differs in the first digits.
        Assert.Equal(first.Count, second.Count);
        foreach (var (a, b) in first.Zip(second))
            foreach (var (x, y, what) in new[] { (a.Svcca, b.Svcca, "SVCCA"), (a.HeldOutSvcca, b.HeldOutSvcca, "held-out SVCCA"), (a.OutputError, b.OutputError, "output error"), (a.HeldOutOutputError, b.HeldOutOutputError, "held-out output error") })
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{what}: {x:R} then {y:R}");
    }

    [Fact]
    public void Hessian_free_and_adam_embedders_read_out_the_hints_after_the_outputs()
    {
        var hints = Training.Neurons.SampleUnits(0.1, 4);
        foreach (var optimizer in new[] { EmbedderOptimizer.HessianFree, EmbedderOptimizer.Adam })
        {
            var embedder = EmbedderTraining.Train(Training, hints, optimizer, 2, SmallEmbedder);
            Assert.Equal(3 + 4, embedder.Model.Options.OutputCount);
            Assert.Equal(3, embedder.OutputCount);
            var batch = Training.TaskBatch();
            Assert.Equal(batch.Targets.Length, embedder.Outputs(batch).Length);
            // Training lowered the loss of outputs and hints together (Adam reports the loss before each step).
            var stats = embedder.Training.Statistics;
            double last = optimizer == EmbedderOptimizer.Adam ? stats[^1].Loss : stats[^1].LossAfter;
            Assert.True(last < 0.9 * stats[0].Loss, $"{optimizer}: {stats[0].Loss} → {last}");
        }
    }

    [Fact]
    public void Gradient_runs_end_on_their_iteration_budget_or_the_loss_plateau_never_on_wall_time()
    {
        var hints = Training.Neurons.SampleUnits(0.1, 4);
        // Without the plateau rule, Hessian-free runs exactly its budget.
        var budget = EmbedderTraining.Train(Training, hints, EmbedderOptimizer.HessianFree, 1, SmallEmbedder with { HessianFreeIterations = 4, LossPlateau = null });
        Assert.Equal(4, budget.Iterations);
        Assert.Equal(NeuroRnn.Training.StopKind.IterationsCompleted, budget.Training.StopReason.Kind);
        Assert.True(budget.TrainCpuSeconds > 0);
        // A plateau rule that demands a 90 % fall over 2 iterations fires long before a budget of 200 (and names itself).
        foreach (var optimizer in new[] { EmbedderOptimizer.HessianFree, EmbedderOptimizer.Adam })
        {
            var options = SmallEmbedder with { HessianFreeIterations = 200, AdamIterations = 200, LossPlateau = 0.9, LossPlateauWindow = 2 };
            var stopped = EmbedderTraining.Train(Training, hints, optimizer, 1, options);
            Assert.Equal(NeuroRnn.Training.StopKind.Plateau, stopped.Training.StopReason.Kind);
            Assert.Contains("plateau", stopped.Training.StopReason.Description);
            Assert.InRange(stopped.Iterations, 3, 199);
            // The rule fired on the last iteration: its loss fell by less than 90 % against the one 2 iterations earlier
            // (Adam: the full-batch loss before each step, as it computes no loss after its step).
            var stats = stopped.Training.Statistics;
            double Loss(int i) => optimizer == EmbedderOptimizer.Adam ? stats[i].Loss : stats[i].LossAfter;
            Assert.True(Loss(stats.Count - 3) - Loss(stats.Count - 1) < 0.9 * Loss(stats.Count - 3));
        }
    }

    [Fact]
    public void Few_hints_drive_the_full_force_target_network_less_than_many()
    {
        var options = new EmbedderOptions { HintScale = 5, FullDriveHintCount = 20 };
        // Per-hint factor HintScale/√max(H, 20): fixed up to 20 hints, then the total drive √H·factor stays at 5.
        Assert.Equal(5 / Math.Sqrt(20), EmbedderTraining.HintDriveScale(options, 2), 14);
        Assert.Equal(5 / Math.Sqrt(20), EmbedderTraining.HintDriveScale(options, 20), 14);
        Assert.Equal(5 / Math.Sqrt(200), EmbedderTraining.HintDriveScale(options, 200), 14);
        double previous = 0;
        foreach (int h in new[] { 1, 2, 4, 10, 20, 40, 200 })
        {
            double total = Math.Sqrt(h) * EmbedderTraining.HintDriveScale(options, h);
            Assert.True(total >= previous - 1e-12 && total <= 5 + 1e-12, $"{h} hints: total drive {total}");
            previous = total;
        }
        // Full-drive count 1 is the undamped rule: every hint count drives with the full scale.
        Assert.Equal(5 / Math.Sqrt(2), EmbedderTraining.HintDriveScale(options with { FullDriveHintCount = 1 }, 2), 14);
    }

    [Fact]
    public void Summary_table_reports_standard_errors_iterations_and_cpu_time()
    {
        var result = SparseRecordingExperiment.Run(Small with { Seeds = [1, 2], Fractions = [1.0], IncludeOutputOnly = false, Optimizers = [EmbedderOptimizer.FullForce] });
        var s = Assert.Single(result.Summaries);
        var svcca = result.Runs.Select(r => r.Svcca).ToArray();
        double sd = Math.Abs(svcca[0] - svcca[1]) / Math.Sqrt(2);
        Assert.Equal(sd, s.SvccaStd, 12);
        Assert.Equal(sd / Math.Sqrt(2), s.StandardError(s.SvccaStd), 12);
        Assert.Equal(15, s.Iterations);
        Assert.Equal(result.Runs.Average(r => r.CpuSeconds), s.CpuSeconds, 12);
        var md = result.ToMarkdown();
        Assert.Contains("| iterations | CPU s | wall s |", md);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Svcca:F3} ± {s.StandardError(s.SvccaStd):F3}"), md);
    }

    [Fact]
    public void Embedder_rates_are_a_recording_on_the_sessions_conditions()
    {
        var embedder = EmbedderTraining.Train(Training, null, EmbedderOptimizer.FullForce, 1, SmallEmbedder with { FullForcePasses = 1 });
        var rates = embedder.Rates(Training);
        Assert.Equal((40, Training.Neurons.TimeCount, 4), (rates.UnitCount, rates.TimeCount, rates.TrialCount));
        Assert.Equal(Training.DirectionsDeg, rates.Trials.GetDoubles("reach_direction_deg"));
        var trajectory = embedder.Model.Run(Training.TaskBatch());
        // Unit 7, bin 10, trial 2 is the rate after the update of step 10.
        Assert.Equal(trajectory.Rate(11, 2, 7), rates.Data[(7 * rates.TimeCount + 10) * 4 + 2]);
    }

    [Fact]
    public void Normalized_hints_are_centred_and_peak_at_one()
    {
        var h = EmbedderTraining.NormalizeHints(Training.Neurons);
        int K = h.GetLength(0), T = h.GetLength(1), U = h.GetLength(2);
        Assert.Equal((4, Training.Neurons.TimeCount, 40), (K, T, U));
        for (int u = 0; u < U; u++)
        {
            double sum = 0, peak = 0;
            for (int k = 0; k < K; k++)
                for (int t = 0; t < T; t++) { sum += h[k, t, u]; peak = Math.Max(peak, Math.Abs(h[k, t, u])); }
            Assert.Equal(0, sum / (K * T), 12);
            Assert.Equal(1, peak, 12);
        }
        // Rates of unit 5, bin 30, trial 1 map linearly: (r − mean) / max |r − mean|.
        var r = Training.Neurons.Data.Slice(5 * T * K, T * K).ToArray();
        double mean = r.Average(), scale = r.Max(v => Math.Abs(v - mean));
        Assert.Equal((r[30 * K + 1] - mean) / scale, h[1, 30, 5], 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Fraction_outside_zero_one_is_refused_naming_fractions(double fraction)
    {
        var e = Assert.Throws<ArgumentException>(() => SparseRecordingExperiment.Run(Small with { Fractions = [0.1, fraction] }));
        Assert.Equal("Fractions", e.ParamName);
        Assert.Contains("(0, 1]", e.Message);
        Assert.Equal("fraction", Assert.Throws<ArgumentException>(() => Training.Neurons.SampleUnits(fraction, 1)).ParamName);
    }

    [Fact]
    public void Hints_of_another_length_or_condition_set_are_refused_naming_hints()
    {
        var shorter = Training.Neurons.SelectTime(0, 300);
        var e = Assert.Throws<ArgumentException>(() => EmbedderTraining.Train(Training, shorter, EmbedderOptimizer.FullForce, 1, SmallEmbedder));
        Assert.Equal("hints", e.ParamName);
        Assert.Contains("time bins", e.Message);

        var fewer = Circuit.Generate([0, 90, 180]).Neurons;
        e = Assert.Throws<ArgumentException>(() => EmbedderTraining.Train(Training, fewer, EmbedderOptimizer.HessianFree, 1, SmallEmbedder));
        Assert.Equal("hints", e.ParamName);
        Assert.Contains("3 trials (conditions)", e.Message);

        var rotated = Circuit.Generate([90, 180, 270, 0]).Neurons;
        e = Assert.Throws<ArgumentException>(() => EmbedderTraining.Train(Training, rotated, EmbedderOptimizer.FullForce, 1, SmallEmbedder));
        Assert.Equal("hints", e.ParamName);
        Assert.Contains("90°", e.Message);
    }

    [Fact]
    public void Svcca_on_different_condition_sets_is_refused_naming_the_recording()
    {
        var embedder = EmbedderTraining.Train(Training, null, EmbedderOptimizer.FullForce, 1, SmallEmbedder with { FullForcePasses = 1 });
        var heldOut = Circuit.Generate([45, 135, 225, 315]);
        var e = Assert.Throws<ArgumentException>(() => DynamicsComparison.Similarity(Training.Neurons, embedder.Rates(heldOut)));
        Assert.Equal("embedder", e.ParamName);
        Assert.Contains("different condition sets", e.Message);
        // The same recording on matching conditions is fine, and SVCCA of the circuit with itself is 1.
        Assert.Equal(1, DynamicsComparison.Similarity(Training.Neurons, Training.Neurons).Similarity, 9);
        e = Assert.Throws<ArgumentException>(() => DynamicsComparison.Similarity(Training.Neurons, Training.Neurons, new SvccaOptions { Components = 0 }));
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public void Held_out_directions_that_were_trained_on_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SparseRecordingExperiment.Run(Small with { HeldOutDirectionsDeg = [45, 360] }));
        Assert.Equal("HeldOutDirectionsDeg", e.ParamName);
        Assert.Contains("360", e.Message);
        e = Assert.Throws<ArgumentException>(() => SparseRecordingExperiment.Run(Small with { Embedder = SmallEmbedder with { HintScale = 0 } }));
        Assert.Equal("HintScale", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => SparseRecordingExperiment.Run(Small with { Embedder = SmallEmbedder with { FullDriveHintCount = 0 } }));
        Assert.Equal("FullDriveHintCount", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => EmbedderTraining.Train(Training, null, EmbedderOptimizer.HessianFree, 1, SmallEmbedder with { LossPlateau = 1 }));
        Assert.Equal("LossPlateau", e.ParamName);
        Assert.Contains("(0, 1)", e.Message);
        e = Assert.Throws<ArgumentException>(() => EmbedderTraining.Train(Training, null, EmbedderOptimizer.FullForce, 1, SmallEmbedder with { TauMs = 5 }));
        Assert.Equal("options", e.ParamName);
    }
}
