using System.Text.Json.Nodes;
using NeuroRnn.Checkpoints;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// <c>neurornn train</c> has no defaults of its own: with only --task (and --iterations 0 so nothing trains), the options it
/// trains with are exactly the task family's preset in the core, and an option typed on the command line changes only its
/// setting.
/// </summary>
public class TrainDefaultsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("mante")]
    [InlineData("addition")]
    [InlineData("delayed-response")]
    public void The_cli_trains_with_the_preset_of_the_task_family(string taskName)
    {
        string dir = CliRunner.TempFolder("neurornn-train-defaults");
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "train", "--task", taskName, "--iterations", "0", "--out", dir);
        output.WriteLine(run.Output + run.Error);
        Assert.True(run.ExitCode == 0, run.Error);
        var used = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!["trainingOptions"]!;

        var task = TaskRegistry.Create(taskName);
        var preset = TaskPresets.For(task);
        var expected = preset with
        {
            Iterations = 0,
            Network = preset.Network! with { InputCount = task.InputCount, OutputCount = task.OutputCount, OutputKind = task.OutputKind, Seed = preset.Seed },
        };
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CheckpointJson.Serialize(expected)), used),
            $"the CLI's options differ from the preset:\nCLI:    {used.ToJsonString()}\npreset: {CheckpointJson.Serialize(expected)}");
    }

    [Fact]
    public void An_option_on_the_command_line_changes_only_its_setting()
    {
        string dir = CliRunner.TempFolder("neurornn-train-defaults");
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "train", "--task", "mante", "--iterations", "0", "--lambda", "0.5",
            "--units", "40", "--out", dir);
        Assert.True(run.ExitCode == 0, run.Error);
        var used = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!["trainingOptions"]!;
        var preset = TaskPresets.For(new ContextIntegrationTask());
        Assert.Equal(0.5, (double)used["HessianFree"]!["InitialLambda"]!);
        Assert.Equal(40, (int)used["Network"]!["UnitCount"]!);
        Assert.Equal(preset.HessianFree!.GradientBatchSize, (int)used["HessianFree"]!["GradientBatchSize"]!);
        Assert.Equal(preset.HessianFree!.MaxCgIterations, (int)used["HessianFree"]!["MaxCgIterations"]!);
        Assert.Equal(preset.Network!.Dt, (double)used["Network"]!["Dt"]!);
    }

    [Fact]
    public void A_resume_with_another_seed_is_rejected_naming_the_option()
    {
        string dir = CliRunner.TempFolder("neurornn-train-defaults");
        var first = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "train", "--task", "perceptual-decision", "--iterations", "0", "--units", "10", "--out", dir);
        Assert.True(first.ExitCode == 0, first.Error);
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "train", "--resume", Path.Combine(dir, "checkpoint.nrckpt"), "--seed", "7", "--out", dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed", run.Error);
    }
}
