using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Sweeps;

namespace NeuroRnn.Tests.Sweeps;

/// <summary>The local runner on real (tiny) V1 fits and task trainings: completion, idempotence, resume, failures, gathering.</summary>
public class LocalSweepTests
{
    [Fact]
    public void Six_fits_complete_gather_into_one_table_and_are_never_redone()
    {
        string dir = SweepTestFiles.TempFolder("sweep-local");
        var spec = SweepSpecJson.Load(SweepTestFiles.WriteSpec(dir, SweepTestFiles.SixFits));
        var seen = new List<string>();
        var status = LocalSweepRunner.Run(spec, new LocalRunnerOptions { ProgressInterval = TimeSpan.FromMilliseconds(100) }, s => { lock (seen) seen.Add(s.ToString()); });
        Assert.True(status.AllCompleted, status.ToString());
        Assert.Contains("6 runs: 6 completed", seen[^1]);

        var table = SweepTable.Gather(spec);
        Assert.Equal(6, table.Table.RowCount);
        Assert.Equal(["units"], table.SweptColumns);
        Assert.Equal([6.0, 6, 6, 10, 10, 10], table.Table.GetDoubles("units"));
        Assert.Equal([1.0, 2, 3, 1, 2, 3], table.Table.GetDoubles("seed"));
        Assert.All(table.Table.GetStrings("state"), s => Assert.Equal("completed", s));
        Assert.All(table.Table.GetDoubles("r2_heldout"), v => Assert.True(double.IsFinite(v) && v < 1));
        Assert.All(table.Table.GetDoubles("iterations_done"), v => Assert.Equal(6, v));
        foreach (var run in status.Runs)
            foreach (var file in new[] { SweepRunFiles.Inputs, SweepRunFiles.State, SweepRunFiles.Checkpoint, SweepRunFiles.Statistics, SweepRunFiles.Summary, SweepRunFiles.Log })
                Assert.True(File.Exists(Path.Combine(run.Run.Folder, file)), $"{file} missing in {run.Run.Folder}");
        var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(status.Runs[4].Run.Folder, SweepRunFiles.Inputs)))!;
        Assert.Equal(10, (int)inputs["parameters"]!["units"]!);
        Assert.Equal(50, (double)inputs["parameters"]!["tau_ms"]!); // the kind's default, resolved

        // Running again redoes nothing: attempts and summaries stay as they were.
        var before = status.Runs.Select(r => File.ReadAllText(Path.Combine(r.Run.Folder, SweepRunFiles.Summary))).ToArray();
        var again = LocalSweepRunner.Run(spec);
        Assert.True(again.AllCompleted);
        Assert.All(again.Runs, r => Assert.Equal(1, r.Record!.Attempts));
        Assert.Equal(before, again.Runs.Select(r => File.ReadAllText(Path.Combine(r.Run.Folder, SweepRunFiles.Summary))));

        // Mean and t-interval over the three seeds of each size, recomputed by hand.
        var summary = table.Summarize("r2_heldout");
        Assert.Equal(2, summary.Rows.Count);
        var r2 = table.Table.GetDoubles("r2_heldout");
        var x = r2[3..6];
        double mean = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / 2);
        double half = StudentT.InvCDF(0, 1, 2, 0.975) * sd / Math.Sqrt(3);
        Assert.Equal(3, summary.Rows[1].N);
        Assert.Equal(mean, summary.Rows[1].Mean, 12);
        Assert.Equal(mean - half, summary.Rows[1].Low, 12);
        Assert.Equal(mean + half, summary.Rows[1].High, 12);
        Assert.Equal(4.302652729911275, StudentT.InvCDF(0, 1, 2, 0.975), 9); // t(0.975, 2) from tables
        Assert.Equal(["units", "n", "mean", "sd", "ci_low", "ci_high"], summary.ToTable().ColumnNames.Where(c => c != "data" && c != "iterations" && c != "max_cg" && c != "recorded_units"));
        var csv = table.ToCsv().Split('\n');
        Assert.StartsWith("index,id,state,seed,", csv[0]);
        Assert.Equal(8, csv.Length); // header, six rows, trailing newline
    }

    [Fact]
    public void An_interrupted_fit_resumes_from_its_checkpoint_and_ends_exactly_as_one_uninterrupted_fit()
    {
        string dir = SweepTestFiles.TempFolder("sweep-resume");
        var spec = SweepSpecJson.Load(SweepTestFiles.WriteSpec(dir, """
            { "name": "resume", "kind": "fit-recording", "fixed": { "data": "DATA", "iterations": 30, "recorded_units": 4, "max_cg": 8, "units": 8 },
              "seeds": [1, 2], "checkpoint_every": 2, "output": "out" }
            """));
        var run = spec.Expand()[1];
        using (var stop = new CancellationTokenSource())
        {
            var watcher = CancelAtFirstCheckpoint(run.Folder, stop);
            var interrupted = SweepRunExecutor.Execute(spec, run.Index, cancellationToken: stop.Token);
            watcher.Join();
            Assert.Equal(SweepRunState.Interrupted, interrupted.State);
            Assert.InRange(interrupted.Iterations!.Value, 2, 29);
        }
        Assert.Equal(SweepRunState.Interrupted, SweepStatus.Read(spec).Runs[1].State);
        var resumed = SweepRunExecutor.Execute(spec, run.Index);
        Assert.Equal(SweepRunState.Completed, resumed.State);
        Assert.Equal(2, resumed.Attempts);
        Assert.Contains("resuming from checkpoint.nrckpt", File.ReadAllText(Path.Combine(run.Folder, SweepRunFiles.Log)));

        // The same setting fitted in one uninterrupted call of the fitter.
        var defaults = new RecordingFitOptions();
        var options = defaults with
        {
            UnitCount = 8, Iterations = 30, Seed = 2, RecordedUnits = [0, 1, 2, 3],
            Optimizer = defaults.Optimizer with { MaxCgIterations = 8, MinCgIterations = Math.Min(defaults.Optimizer.MinCgIterations, 8) },
        };
        var direct = RecordingFitter.Fit(Recording.Read(SweepTestFiles.Data), options);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Folder, SweepRunFiles.Summary)))!["metrics"]!;
        Assert.Equal(direct.FinalLoss, (double)metrics["final_loss"]!);
        Assert.Equal(direct.TrialAveraged.Overall, (double)metrics["r2_heldout"]!);
        Assert.Equal(direct.SingleTrial.Overall, (double)metrics["r2_single_trial"]!);
    }

    [Fact]
    public void A_failing_run_is_reported_with_its_log_while_the_others_finish_and_can_be_retried()
    {
        string dir = SweepTestFiles.TempFolder("sweep-fail");
        var spec = SweepSpecJson.Load(SweepTestFiles.WriteSpec(dir, """
            { "name": "fail", "kind": "fit-recording", "fixed": { "data": "DATA", "iterations": 2, "recorded_units": 4, "max_cg": 5 },
              "grid": { "tau_ms": [50, 5] }, "seeds": [1, 2], "output": "out" }
            """));
        var status = LocalSweepRunner.Run(spec);
        Assert.Equal(2, status.Count(SweepRunState.Completed));
        Assert.Equal(2, status.Count(SweepRunState.Failed));
        var failed = status.Runs.Where(r => r.State == SweepRunState.Failed).ToArray();
        Assert.All(failed, r => Assert.Equal("5", r.Run.Setting["tau_ms"].Text));
        Assert.All(failed, r => Assert.Contains("TauMs", r.Record!.Error));
        Assert.Contains(failed[0].LogTail(40), l => l.Contains("failed after") && l.Contains("shorter than BinMs"));
        var table = SweepTable.Gather(spec);
        Assert.Equal(2, table.Table.GetStrings("error").Count(e => e is not null && e.Contains("TauMs")));
        Assert.Equal(2, table.Table.GetDoubles("r2_heldout").Count(double.IsNaN));

        // Not retried by default; retried (and failing again, since the value is bad) on request.
        Assert.All(LocalSweepRunner.Run(spec).Runs.Where(r => r.State == SweepRunState.Failed), r => Assert.Equal(1, r.Record!.Attempts));
        Assert.All(LocalSweepRunner.Run(spec, new LocalRunnerOptions { RetryFailed = true }).Runs.Where(r => r.State == SweepRunState.Failed), r => Assert.Equal(2, r.Record!.Attempts));
    }

    [Fact]
    public void An_interrupted_task_training_resumes_to_the_same_result()
    {
        string dir = SweepTestFiles.TempFolder("sweep-task");
        string json = """
            { "name": "task", "kind": "train-task", "fixed": { "task": "addition", "length": 10, "units": 6, "iterations": 12, "batch": 40,
              "curvature_batch": 20, "max_cg": 6, "test_trials": 50 }, "seeds": [4, 5], "checkpoint_every": 3, "output": "OUT" }
            """;
        var whole = SweepSpecJson.Parse(json.Replace("OUT", "whole"), dir);
        var pieces = SweepSpecJson.Parse(json.Replace("OUT", "pieces"), dir);
        Assert.True(LocalSweepRunner.Run(whole).AllCompleted);

        var run = pieces.Expand()[0];
        using (var stop = new CancellationTokenSource())
        {
            var watcher = CancelAtFirstCheckpoint(run.Folder, stop);
            var first = SweepRunExecutor.Execute(pieces, 0, cancellationToken: stop.Token);
            watcher.Join();
            Assert.Equal(SweepRunState.Interrupted, first.State);
        }
        Assert.True(LocalSweepRunner.Run(pieces).AllCompleted);
        var a = SweepTable.Gather(whole).Table;
        var b = SweepTable.Gather(pieces).Table;
        Assert.Equal(a.GetStrings("id"), b.GetStrings("id"));
        foreach (var metric in new[] { "test_accuracy", "test_error_rate", "test_loss", "final_loss" })
            Assert.Equal(a.GetDoubles(metric), b.GetDoubles(metric));
        Assert.Equal([1.0, 1], a.GetDoubles("attempts"));
        Assert.Equal([2.0, 1], b.GetDoubles("attempts"));
    }

    [Fact]
    public void Sweep_cancel_stops_a_local_sweep_whose_next_run_resumes_the_checkpoints()
    {
        // Runs big enough (24 units, 20 CG steps) that the first lasts far longer than the runner's 100 ms marker polling.
        string dir = SweepTestFiles.TempFolder("sweep-cancel");
        var spec = SweepSpecJson.Load(SweepTestFiles.WriteSpec(dir, """
            { "name": "cancel", "kind": "fit-recording", "fixed": { "data": "DATA", "iterations": 40, "recorded_units": 4, "max_cg": 20, "units": 24 },
              "seeds": [1, 2, 3, 4], "checkpoint_every": 2, "output": "out" }
            """));
        var first = spec.Expand()[0];
        var canceller = new Thread(() =>
        {
            while (!File.Exists(Path.Combine(first.Folder, SweepRunFiles.Checkpoint))) Thread.Sleep(2);
            LocalSweepRunner.RequestCancel(spec); // what `neurornn sweep cancel SPEC` does from another process
        }) { IsBackground = true };
        canceller.Start();
        var stopped = LocalSweepRunner.Run(spec, new LocalRunnerOptions { MaxConcurrent = 2 });
        canceller.Join();
        Assert.False(stopped.AllCompleted, stopped.ToString());
        Assert.True(stopped.Idle);
        Assert.Equal(SweepRunState.Interrupted, stopped.Runs[0].State);

        var resumed = LocalSweepRunner.Run(spec, new LocalRunnerOptions { MaxConcurrent = 2 });
        Assert.True(resumed.AllCompleted, resumed.ToString());
        Assert.Equal(2, resumed.Runs[0].Record!.Attempts);
        // Runs that had completed before the cancel were not run again.
        foreach (var r in stopped.Runs.Where(r => r.State == SweepRunState.Completed))
            Assert.Equal(1, resumed.Runs[r.Run.Index].Record!.Attempts);
        Assert.Equal(40, resumed.Runs[0].Record!.Iterations);
    }

    [Fact]
    public void A_registered_kind_runs_in_process()
    {
        SweepJobs.Register(new DoublingKind());
        string dir = SweepTestFiles.TempFolder("sweep-kind");
        var spec = SweepSpecJson.Parse("""{ "kind": "doubling", "grid": { "x": [1, 2.5] }, "output": "o" }""", dir);
        Assert.True(LocalSweepRunner.Run(spec).AllCompleted);
        Assert.Equal([2.0, 5.0], SweepTable.Gather(spec).Table.GetDoubles("twice"));
    }

    [Fact]
    public void A_run_past_its_wall_time_is_stopped_reported_as_timed_out_and_resumed_by_the_next_run()
    {
        SweepJobs.Register(new TickingKind());
        string dir = SweepTestFiles.TempFolder("sweep-wall-time");
        // 40 ticks of 100 ms each: 4 s of work per run against a 1-second wall time.
        var spec = SweepSpecJson.Parse("""
            { "name": "ticks", "kind": "ticking", "grid": { "ticks": [40] }, "resources": { "wall_time": "00:00:01" }, "output": "o" }
            """, dir);
        Assert.Equal(TimeSpan.FromSeconds(1), spec.Resources.WallTime);
        Assert.Contains("#SBATCH --time=00:01:00", SlurmSweepRunner.Script(spec, [0], "neurornn", "/s/sweep.json")); // Slurm counts minutes

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = LocalSweepRunner.Run(spec);
        Assert.True(clock.Elapsed.TotalSeconds >= 0.95, $"stopped after {clock.Elapsed.TotalSeconds:0.00} s, before its wall time");
        var run = first.Runs[0];
        Assert.Equal(SweepRunState.Interrupted, run.State);
        Assert.True(run.Record!.TimedOut);
        Assert.Equal("1 runs: 1 interrupted (1 at its wall time)", first.ToString());
        Assert.Equal(1, first.TimedOutCount);
        int firstTicks = run.Record.Iterations!.Value;
        Assert.InRange(firstTicks, 1, 39); // stopped before the 40 ticks (4 s) were done
        Assert.Contains("stopped at its wall time (00:00:01, resources.wall_time)", File.ReadAllText(run.LogPath));
        Assert.Equal(firstTicks, int.Parse(File.ReadAllText(Path.Combine(run.Run.Folder, SweepRunFiles.Checkpoint))));
        Assert.Contains("\"timed_out\": true", File.ReadAllText(Path.Combine(run.Run.Folder, SweepRunFiles.State)));

        // Each later run gets a fresh wall time and resumes the checkpoint, until the 40 ticks are done.
        var status = first;
        for (int attempt = 2; attempt <= 20 && !status.AllCompleted; attempt++)
        {
            status = LocalSweepRunner.Run(spec);
            Assert.True(status.AllCompleted || status.TimedOutCount == 1, status.ToString());
        }
        Assert.True(status.AllCompleted, status.ToString());
        var done = status.Runs[0].Record!;
        Assert.False(done.TimedOut);
        Assert.InRange(done.Attempts, 2, 20);
        Assert.Equal(40, done.Iterations);
        Assert.Equal([40.0], SweepTable.Gather(spec).Table.GetDoubles("counted")); // every tick counted once across attempts
        Assert.DoesNotContain("timed_out", File.ReadAllText(Path.Combine(status.Runs[0].Run.Folder, SweepRunFiles.State)));
    }

    [Fact]
    public void A_wall_time_under_a_second_is_rejected_naming_the_field()
    {
        var e = Assert.Throws<SweepSpecException>(() => SweepSpecJson.Parse("""{ "kind": "fit-recording", "grid": { "units": [4] }, "resources": { "wall_time": 0 }, "output": "o" }""", ".").Expand());
        Assert.Contains("resources.wall_time", e.Message);
    }

    /// <summary>Stops the run as soon as its first checkpoint exists (mid-run, between iterations).</summary>
    private static Thread CancelAtFirstCheckpoint(string folder, CancellationTokenSource stop)
    {
        var thread = new Thread(() =>
        {
            while (!File.Exists(Path.Combine(folder, SweepRunFiles.Checkpoint))) Thread.Sleep(2);
            stop.Cancel();
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return thread;
    }

    /// <summary>Counts ticks of 100 ms, checkpointing the count after each and resuming from it; stops between ticks when cancelled.</summary>
    private sealed class TickingKind : ISweepJob
    {
        public string Name => "ticking";
        public string Description => "counts slow ticks";
        public IReadOnlyList<SweepParameter> Parameters { get; } = [new("ticks", SweepParameterType.Integer, null, "ticks to count") { Required = true }];
        public SweepJobOutcome Run(SweepJobContext context)
        {
            int ticks = File.Exists(context.CheckpointPath) ? int.Parse(File.ReadAllText(context.CheckpointPath)) : 0;
            while (ticks < context.Integer("ticks"))
            {
                if (context.CancellationToken.IsCancellationRequested) return new(new Dictionary<string, double>(), ticks, Cancelled: true);
                Thread.Sleep(100);
                File.WriteAllText(context.CheckpointPath, (++ticks).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return new(new Dictionary<string, double> { ["counted"] = ticks }, ticks);
        }
    }

    private sealed class DoublingKind : ISweepJob
    {
        public string Name => "doubling";
        public string Description => "doubles x";
        public IReadOnlyList<SweepParameter> Parameters { get; } = [new("x", SweepParameterType.Number, null, "the number") { Required = true }];
        public SweepJobOutcome Run(SweepJobContext context) => new(new Dictionary<string, double> { ["twice"] = 2 * context.Number("x") }, 0);
    }
}
