using System.Text.Json.Nodes;
using NeuroRnn.Sweeps;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// <c>neurornn sweep</c> against a real single-node Slurm (job arrays through sbatch, squeue, scancel, scontrol requeue), compared with the
/// local runner. Runs are tiny V1 fits (a few units, a few HF iterations) so each array finishes in seconds.
/// </summary>
public class SweepSlurmTests(SlurmCluster cluster, ITestOutputHelper output) : IClassFixture<SlurmCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private static string Spec(string folder, string output, int iterations, string grid = "\"units\": [6, 10]", string seeds = "[1, 2, 3]")
    {
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        string path = Path.Combine(folder, $"{output}.json");
        File.WriteAllText(path, $$"""
            { "name": "slurm-test", "kind": "fit-recording",
              "fixed": { "data": "{{data}}", "iterations": {{iterations}}, "recorded_units": 4, "max_cg": 8 },
              "grid": { {{grid}} }, "seeds": {{seeds}}, "checkpoint_every": 2, "output": "{{output}}",
              "resources": { "threads": 1, "memory_mb": 500, "wall_time": "00:10:00" } }
            """);
        return path;
    }

    private CliRunner.Result Cli(params string[] args)
    {
        var result = Shell.Neurornn(Timeout, null, args);
        output.WriteLine($"$ neurornn {string.Join(' ', args)}  → exit {result.ExitCode} in {result.Elapsed.TotalSeconds:0.0} s\n{result.Output}{result.Error}");
        return result;
    }

    /// <summary>The metrics of every run by id (completed runs only).</summary>
    private static Dictionary<string, (double Loss, double R2)> Metrics(string specPath)
    {
        var table = SweepTable.Gather(SweepSpecJson.Load(specPath)).Table;
        var ids = table.GetStrings("id");
        var loss = table.GetDoubles("final_loss");
        var r2 = table.GetDoubles("r2_heldout");
        return Enumerable.Range(0, table.RowCount).Where(i => double.IsFinite(loss[i])).ToDictionary(i => ids[i]!, i => (loss[i], r2[i]));
    }

    /// <summary>
    /// Submits the 6-run sweep of 40-iteration fits without waiting; returns once run <paramref name="victim"/> has written
    /// its first checkpoint (mid-way through its iterations).
    /// </summary>
    private (string SpecPath, SweepSpec Spec, string RunFolder) SubmitAndWaitForCheckpoint(string dir, int victim)
    {
        string specPath = Spec(dir, "slurm", iterations: 40);
        var spec = SweepSpecJson.Load(specPath);
        var submit = Cli("sweep", "run", specPath, "--runner", "slurm", "--no-wait");
        Assert.True(submit.ExitCode == 0, submit.Output + submit.Error);
        var folder = spec.Expand()[victim].Folder;
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(Path.Combine(folder, SweepRunFiles.Checkpoint)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {victim} never wrote a checkpoint");
            Thread.Sleep(50);
        }
        return (specPath, spec, folder);
    }

    /// <summary>The metrics of <paramref name="specPath"/>'s runs equal those of the same sweep run locally without interruption.</summary>
    private static void AssertSameAsUninterrupted(string dir, string specPath)
    {
        string uninterrupted = Spec(dir, "uninterrupted", iterations: 40);
        Assert.True(LocalSweepRunner.Run(SweepSpecJson.Load(uninterrupted)).AllCompleted);
        Assert.Equal(Metrics(uninterrupted), Metrics(specPath));
    }

    [Fact]
    public void A_six_run_array_completes_gathers_and_equals_the_local_runner()
    {
        output.WriteLine(cluster.Log);
        string dir = CliRunner.TempFolder("sweep-slurm");
        string slurmSpec = Spec(dir, "slurm", iterations: 4);
        var run = Cli("sweep", "run", slurmSpec, "--runner", "slurm");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("submitted Slurm array job", run.Output);
        Assert.Contains("with 6 of 6 runs", run.Output);
        Assert.Contains("6 runs: 6 completed", run.Output);

        var gather = Cli("sweep", "gather", slurmSpec);
        Assert.True(gather.ExitCode == 0, gather.Output + gather.Error);
        var csv = File.ReadAllLines(Path.Combine(dir, "slurm", "results.csv"));
        Assert.Equal(7, csv.Length);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "slurm", "results.json")))!;
        Assert.Equal(6, results["runs"]!.AsArray().Count);
        Assert.Equal(2, results["summaries"]!["r2_heldout"]!.AsArray().Count);

        // Every run ran as an array task of the one submitted job (its own state file says so).
        var spec = SweepSpecJson.Load(slurmSpec);
        var job = Assert.Single(SlurmSweepRunner.Submissions(spec)).JobId;
        Assert.All(SweepStatus.Read(spec).Runs, r =>
        {
            Assert.Equal(job, r.Record!.SlurmArrayJobId);
            Assert.Equal(r.Run.Index.ToString(), r.Record.SlurmArrayTaskId);
            Assert.True(File.Exists(Path.Combine(dir, "slurm", "slurm", $"{job}_{r.Run.Index}.out")));
        });

        // The local runner gives the same table.
        string localSpec = Spec(dir, "local", iterations: 4);
        var local = Cli("sweep", "run", localSpec, "--runner", "local");
        Assert.True(local.ExitCode == 0, local.Output + local.Error);
        Assert.Equal(Metrics(slurmSpec), Metrics(localSpec));
        Assert.Equal(6, Metrics(localSpec).Count);
    }

    [Fact]
    public void Cancelling_one_array_task_midway_then_rerunning_redoes_only_that_run_and_gives_the_uninterrupted_results()
    {
        // Kill run 1 (array task 1) once it has written its first checkpoint: mid-way through its 40 iterations.
        const int victim = 1;
        string dir = CliRunner.TempFolder("sweep-scancel");
        var (specPath, spec, folder) = SubmitAndWaitForCheckpoint(dir, victim);
        string job = SlurmSweepRunner.Submissions(spec)[0].JobId;
        var scancel = Shell.Run("scancel", [$"{job}_{victim}"], TimeSpan.FromSeconds(30));
        Assert.True(scancel.ExitCode == 0, scancel.Error);

        var afterCancel = SlurmSweepRunner.Wait(spec, new SlurmRunnerOptions { PollInterval = TimeSpan.FromSeconds(1) });
        output.WriteLine(string.Join('\n', afterCancel.Runs.Select(r => $"{r.Run.Index} {r.State} {r.Record?.Iterations}")));
        Assert.Equal(SweepRunState.Interrupted, afterCancel.Runs[victim].State);
        Assert.InRange(afterCancel.Runs[victim].Record!.Iterations ?? 0, 0, 39);
        Assert.Equal(5, afterCancel.Count(SweepRunState.Completed));

        var rerun = Cli("sweep", "run", specPath, "--runner", "slurm");
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.Contains("with 1 of 6 runs", rerun.Output);
        var final = SlurmSweepRunner.Status(spec);
        Assert.True(final.AllCompleted, final.ToString());
        Assert.Equal([victim], SlurmSweepRunner.Submissions(spec)[1].Indices);
        Assert.All(final.Runs, r => Assert.Equal(r.Run.Index == victim ? 2 : 1, r.Record!.Attempts));
        Assert.Contains("resuming from checkpoint.nrckpt", File.ReadAllText(Path.Combine(folder, SweepRunFiles.Log)));

        AssertSameAsUninterrupted(dir, specPath);
    }

    [Fact]
    public void A_requeued_array_task_like_a_preempted_one_resumes_its_checkpoint_in_the_same_job()
    {
        // Requeue run 2 (what pre-emption with PreemptMode=REQUEUE does) once it has written its first checkpoint.
        const int victim = 2;
        string dir = CliRunner.TempFolder("sweep-requeue");
        var (specPath, spec, folder) = SubmitAndWaitForCheckpoint(dir, victim);
        var deadline = DateTime.UtcNow + Timeout;
        string job = SlurmSweepRunner.Submissions(spec)[0].JobId, task = $"{job}_{victim}";
        var requeue = Shell.Run("scontrol", ["requeue", task], TimeSpan.FromSeconds(30));
        Assert.True(requeue.ExitCode == 0, $"scontrol requeue {task}: {requeue.Output}{requeue.Error}"); // allowed by the script's --requeue

        // Slurm sends SIGTERM: the run stops between iterations and says so; the task goes back to the queue under the same
        // job id, held by Slurm for two minutes (reason BeginTime) — released here instead of waited for.
        SweepRunRecord? stopped = null;
        string queue = "";
        while (stopped?.State != SweepRunState.Interrupted || !queue.StartsWith("PENDING"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"after scontrol requeue: state {stopped?.State}, squeue '{queue}'");
            Thread.Sleep(200);
            stopped = SweepRunRecord.Read(folder);
            queue = Shell.Run("squeue", ["-h", "-j", task, "-o", "%T %r"], TimeSpan.FromSeconds(30)).Output.Trim();
        }
        output.WriteLine($"requeued {task}: squeue '{queue}', run stopped at iteration {stopped.Iterations}");
        Assert.InRange(stopped.Iterations ?? 0, 0, 39);
        Assert.Equal(SweepRunState.Queued, SlurmSweepRunner.Status(spec).Runs[victim].State);
        var release = Shell.Run("scontrol", ["update", $"JobId={task}", "StartTime=now"], TimeSpan.FromSeconds(30));
        Assert.True(release.ExitCode == 0, release.Error);

        var final = SlurmSweepRunner.Wait(spec, new SlurmRunnerOptions { PollInterval = TimeSpan.FromSeconds(1) });
        Assert.True(final.AllCompleted, final.ToString());
        Assert.Single(SlurmSweepRunner.Submissions(spec)); // Slurm ran the task again by itself: nothing was resubmitted
        Assert.All(final.Runs, r => Assert.Equal(r.Run.Index == victim ? 2 : 1, r.Record!.Attempts));
        Assert.Equal(job, final.Runs[victim].Record!.SlurmArrayJobId);
        string log = File.ReadAllText(Path.Combine(folder, SweepRunFiles.Log));
        Assert.Contains("interrupted after", log);
        Assert.Contains("resuming from checkpoint.nrckpt", log);

        AssertSameAsUninterrupted(dir, specPath);
    }

    [Fact]
    public void Sweep_cancel_scancels_the_array_and_sweep_run_finishes_it()
    {
        string dir = CliRunner.TempFolder("sweep-slurm-cancel");
        string specPath = Spec(dir, "slurm", iterations: 40);
        var spec = SweepSpecJson.Load(specPath);
        Assert.Equal(0, Cli("sweep", "run", specPath, "--runner", "slurm", "--no-wait").ExitCode);
        var status = Cli("sweep", "status", specPath); // --runner auto: the sweep was submitted to Slurm, so squeue is asked
        Assert.Matches(@"6 runs: (\d queued|\d running|\d completed)", status.Output);
        Assert.DoesNotContain("pending", status.Output);

        var cancel = Cli("sweep", "cancel", specPath, "--runner", "slurm");
        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains($"scancel {SlurmSweepRunner.Submissions(spec)[0].JobId}", cancel.Output);
        var cancelled = SlurmSweepRunner.Wait(spec, new SlurmRunnerOptions { PollInterval = TimeSpan.FromSeconds(1) });
        Assert.False(cancelled.AllCompleted, cancelled.ToString());
        Assert.All(cancelled.Runs, r => Assert.Contains(r.State, new[] { SweepRunState.Completed, SweepRunState.Interrupted, SweepRunState.Pending }));

        var rerun = Cli("sweep", "run", specPath, "--runner", "slurm");
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.True(SlurmSweepRunner.Status(spec).AllCompleted);
    }

    [Fact]
    public void A_failing_run_is_reported_with_its_log_while_the_others_finish()
    {
        string dir = CliRunner.TempFolder("sweep-slurm-fail");
        string specPath = Spec(dir, "slurm", iterations: 2, grid: "\"tau_ms\": [50, 5]", seeds: "[1, 2]");
        var run = Cli("sweep", "run", specPath, "--runner", "slurm");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("4 runs: 2 completed, 2 failed", run.Output);
        Assert.Contains("failed: ArgumentException: RecordingFitOptions.TauMs", run.Error);
        Assert.Contains("log.txt", run.Error);
        Assert.Contains("shorter than BinMs", run.Error); // the tail of the run's own log
        var status = SlurmSweepRunner.Status(SweepSpecJson.Load(specPath));
        Assert.All(status.Runs, r => Assert.Equal(r.Run.Setting["tau_ms"].Text == "5" ? SweepRunState.Failed : SweepRunState.Completed, r.State));
    }

    [Fact]
    public void Without_sbatch_the_slurm_runner_names_it_and_submits_nothing()
    {
        string dir = CliRunner.TempFolder("sweep-nosbatch");
        string empty = Directory.CreateDirectory(Path.Combine(dir, "empty-path")).FullName;
        string specPath = Spec(dir, "slurm", iterations: 2);
        var result = Shell.Neurornn(Timeout, new Dictionary<string, string> { ["PATH"] = empty }, "sweep", "run", specPath, "--runner", "slurm");
        output.WriteLine(result.Output + result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("`sbatch`", result.Error);
        Assert.Contains("Nothing was submitted", result.Error);
        Assert.False(Directory.Exists(Path.Combine(dir, "slurm")), "nothing may be written when the runner cannot submit");

        // An unknown parameter is caught before anything is submitted, naming the field.
        File.WriteAllText(specPath, File.ReadAllText(specPath).Replace("\"units\"", "\"unit_count\""));
        var bad = Cli("sweep", "run", specPath, "--runner", "slurm");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("grid.unit_count is not a parameter of kind \"fit-recording\"", bad.Error);
        Assert.False(Directory.Exists(Path.Combine(dir, "slurm")));
    }
}
