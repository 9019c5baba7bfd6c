using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The real <c>neurornn train</c>: checkpoints, summaries, resuming, and the length curriculum.</summary>
public class TrainCommandTests(ITestOutputHelper output)
{
    private static readonly string[] Small = ["--units", "30", "--batch", "200", "--curvature-batch", "50", "--test-size", "100", "--max-cg", "30"];

    private CliRunner.Result Train(params string[] args)
    {
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(3), ["train", .. args]);
        output.WriteLine(run.Output + run.Error);
        return run;
    }

    [Fact]
    public void A_curriculum_run_records_its_length_and_a_resumed_run_continues_it()
    {
        string dir = CliRunner.TempFolder("neurornn-train");
        var first = Train(["--task", "addition", "--length", "60", "--curriculum", "--iterations", "3", "--out", Path.Combine(dir, "a"), .. Small]);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Curriculum: training length 30 growing to 60", first.Output);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "a", "summary.json")))!;
        Assert.Equal(60, (int)summary["curriculum"]!["finalLength"]!);
        int length = (int)summary["curriculum"]!["currentLength"]!;
        Assert.InRange(length, 30, 60);
        Assert.Equal(3, (int)summary["nextIteration"]!);

        // Resuming without --curriculum continues the curriculum saved in the checkpoint, at its length.
        var second = Train("--resume", Path.Combine(dir, "a", "checkpoint.nrckpt"), "--iterations", "2", "--out", Path.Combine(dir, "b"), "--test-size", "100");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains($"Curriculum: training length {length} growing to 60", second.Output);
        var resumed = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "b", "summary.json")))!;
        Assert.Equal(5, (int)resumed["nextIteration"]!);
        Assert.True((int)resumed["curriculum"]!["currentLength"]! >= length);
    }

    [Fact]
    public void A_plain_run_writes_a_checkpoint_and_a_summary_without_a_curriculum()
    {
        string dir = CliRunner.TempFolder("neurornn-train");
        var run = Train(["--task", "addition", "--length", "20", "--iterations", "2", "--out", dir, "--rho-on-gradient-batch", .. Small]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(dir, "checkpoint.nrckpt")));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        Assert.Null(summary["curriculum"]);
        Assert.True((bool)summary["optimizerOptions"]!["ReductionRatioOnGradientBatch"]!);
        Assert.Equal(20, (int)summary["taskLength"]!);
        Assert.InRange((double)summary["test"]!["errorRate"]!, 0, 1);
    }

    [Fact]
    public void A_curriculum_on_a_task_without_sequence_length_is_rejected_before_training()
    {
        string dir = CliRunner.TempFolder("neurornn-train");
        var run = Train("--task", "mante", "--curriculum", "--out", dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--curriculum", run.Error);
        Assert.False(File.Exists(Path.Combine(dir, "checkpoint.nrckpt")));
    }
}
