using NeuroRnn.Sweeps;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The real <c>neurornn sweep run --runner local</c> stops a run at its wall time, says so and resumes it on the next run.</summary>
public class SweepWallTimeCommandTests(ITestOutputHelper output)
{
    [Fact]
    public void A_local_run_past_its_wall_time_is_reported_as_timed_out_and_the_next_sweep_run_resumes_it()
    {
        string dir = CliRunner.TempFolder("sweep-wall-time-cli");
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        string specPath = Path.Combine(dir, "sweep.json");
        // 400 iterations of a 40-unit fit take far longer than the 2-second wall time.
        File.WriteAllText(specPath, $$"""
            { "name": "wall-time", "kind": "fit-recording",
              "fixed": { "data": "{{data}}", "iterations": 400, "recorded_units": 16, "max_cg": 50, "units": 40 },
              "seeds": [1, 2], "checkpoint_every": 1, "output": "out",
              "resources": { "threads": 1, "wall_time": "00:00:02" } }
            """);
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(4), "sweep", "run", specPath, "--runner", "local");
        output.WriteLine(run.Output + run.Error);
        Assert.Equal(3, run.ExitCode); // not every run completed
        Assert.Contains("2 runs: 2 interrupted (2 at its wall time)", run.Output);
        Assert.Matches(@"run 0 \([\w-]+: .*seed 1\) timed out: stopped at its wall time 00:00:02 \(resources.wall_time\) after \d+ iteration\(s\)", run.Error);

        var spec = SweepSpecJson.Load(specPath);
        var first = SweepStatus.Read(spec).Runs[0].Record!;
        Assert.True(first.TimedOut);
        Assert.InRange(first.Iterations ?? 0, 0, 399);

        // The next `sweep run` gives each run a second attempt with a fresh wall time, resuming its checkpoint.
        var again = CliRunner.Run(dir, TimeSpan.FromMinutes(4), "sweep", "run", specPath, "--runner", "local");
        output.WriteLine(again.Output + again.Error);
        var second = SweepStatus.Read(spec).Runs[0].Record!;
        Assert.Equal(2, second.Attempts);
        Assert.True(second.TimedOut, "the second attempt also has only 2 seconds");
        Assert.True(second.Iterations >= first.Iterations, $"iterations {first.Iterations} → {second.Iterations}");
        if (first.Iterations > 0) Assert.Contains("resuming from checkpoint.nrckpt", File.ReadAllText(SweepStatus.Read(spec).Runs[0].LogPath));
    }
}
