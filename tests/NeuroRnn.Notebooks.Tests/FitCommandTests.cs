using Xunit.Abstractions;
using System.Text.Json.Nodes;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The real <c>neurornn fit</c> on a small subset of the shipped data writes every output.</summary>
public class FitCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fit_on_a_few_units_writes_model_summary_predictions_and_a_page_that_renders()
    {
        string dir = CliRunner.TempFolder("neurornn-fit");
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        Assert.True(File.Exists(data), $"{data} is missing");
        string truth = Path.Combine(dir, "truth.npz");
        var generate = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "data", "generate-v1", "--out", truth, "--units", "200",
            "--orientations", "12", "--trials", "20", "--bin-ms", "10", "--seed", "1", "--expected-counts");
        Assert.True(generate.ExitCode == 0, generate.Output + generate.Error);
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(4), "fit", "--data", data, "--units", "24", "--recorded-units", "16",
            "--iterations", "3", "--max-cg", "20", "--out", dir, "--truth", truth, "--onset-ms", "20");
        output.WriteLine(run.Output + run.Error);
        Assert.True(run.ExitCode == 0, $"neurornn fit exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        foreach (var file in new[] { "fit-model.json", "fit-parameters.npy", "fit-summary.json", "heldout-prediction.npz", "tuning.html" })
            Assert.True(File.Exists(Path.Combine(dir, file)) && new FileInfo(Path.Combine(dir, file)).Length > 0, $"{file} was not written");

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "fit-summary.json")))!;
        Assert.Equal(16, (int)summary["fitted_units"]!);
        Assert.Equal(24, (int)summary["settings"]!["network_units"]!);
        Assert.InRange((int)summary["hf_iterations"]!, 1, 3);
        Assert.Equal(20.0, (double)summary["settings"]!["stimulus_window_ms"]![0]!);
        Assert.Equal(900.0, (double)summary["settings"]!["stimulus_window_ms"]![1]!);
        Assert.Equal(16, summary["r2"]!["per_unit_heldout_trial_averaged"]!.AsArray().Count);
        Assert.NotNull(summary["r2"]!["heldout_trial_averaged"]);
        Assert.NotNull(summary["preferred_orientation"]);
        Assert.Contains("held-out R²", run.Output);
        // Scored against the shipped file's noise-free twin, the held-out averages are no longer limited by 4-trial noise.
        Assert.Contains("against the noise-free truth", run.Output);
        double vsTruth = (double)summary["r2"]!["heldout_trial_averaged_vs_truth"]!;
        Assert.True(vsTruth > (double)summary["r2"]!["heldout_trial_averaged"]!, $"R² vs truth {vsTruth}");

        var report = await BrowserCheck.InspectAsync(Path.Combine(dir, "tuning.html"), Path.Combine(dir, "tuning.png"));
        Assert.Empty(report.PageErrors);
        Assert.Empty(report.BlockedRequests); // plotly is embedded: the page works offline
        Assert.Equal(4, report.PlotDivs);
        Assert.All(report.TracesPerPlot, n => Assert.True(n > 0));
    }

    [Fact]
    public void Fit_rejects_a_network_smaller_than_the_fitted_units()
    {
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--units", "10", "--recorded-units", "16", "--out", CliRunner.TempFolder("neurornn-fit"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("UnitCount", run.Error);
    }

    [Fact]
    public void Fit_rejects_a_truth_file_that_does_not_match_the_data()
    {
        string dir = CliRunner.TempFolder("neurornn-fit");
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        string truth = Path.Combine(dir, "small-truth.npz");
        Assert.Equal(0, CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "data", "generate-v1", "--out", truth, "--units", "20", "--expected-counts").ExitCode);
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--out", Path.Combine(dir, "out"), "--truth", truth);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--truth", run.Error);
        Assert.Contains("20 units", run.Error);
    }

    [Fact]
    public void Fit_rejects_an_unknown_stimulus_column_and_an_empty_stimulus_window()
    {
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        var column = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--out", CliRunner.TempFolder("neurornn-fit"),
            "--offset-column", "grating_off_ms");
        Assert.Equal(2, column.ExitCode);
        Assert.Contains("grating_off_ms", column.Error);
        Assert.Contains("direction_deg", column.Error); // lists the columns there are
        var window = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--out", CliRunner.TempFolder("neurornn-fit"),
            "--onset-ms", "500", "--offset-ms", "500");
        Assert.Equal(2, window.ExitCode);
        Assert.Contains("empty", window.Error);
    }
    [Fact]
    public void A_dale_fit_lists_its_constraints_and_bad_assignments_name_the_units()
    {
        string data = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        string dir = CliRunner.TempFolder("neurornn-fit-dale");
        var run = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(4), "fit", "--data", data, "--units", "20", "--recorded-units", "8",
            "--iterations", "2", "--dale", "--unit-types", "0:I,1:E", "--connection-probability", "0.5", "--rate-function", "saturating-softplus", "--out", dir);
        Assert.True(run.ExitCode == 0, $"neurornn fit --dale exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "fit-summary.json")))!;
        var constraints = summary["settings"]!["constraints"]!.AsArray().Select(c => (string)c!).ToArray();
        Assert.Contains(constraints, c => c.StartsWith("Dale's law, 80 % excitatory units; 1 recorded unit(s) assigned E, 1 assigned I", StringComparison.Ordinal));
        Assert.Contains(constraints, c => c.StartsWith("recurrent mask", StringComparison.Ordinal));
        Assert.Contains(constraints, c => c.StartsWith("non-negative rates (saturating softplus, bounded: ceiling 6 = 6 / target peak × each unit's recorded peak (3 × at the default peak 2)", StringComparison.Ordinal));
        Assert.Equal(2.0, (double)summary["settings"]!["target_peak"]!); // scaled like softplus; the ceiling of 6 is 3 × that
        Assert.Contains("constraints: Dale's law", run.Output);

        var unknown = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--units", "20", "--recorded-units", "8",
            "--dale", "--unit-types", "0:I,30:E", "--out", CliRunner.TempFolder("neurornn-fit-dale"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unit(s) 30", unknown.Error);
        Assert.Contains("neurornn fit: --unit-types: ", unknown.Error);
        // 20 units at 90 % excitatory leave 2 inhibitory units: three recorded units assigned I contradict the fraction.
        var contradiction = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--units", "20", "--recorded-units", "8",
            "--dale", "--excitatory-fraction", "0.9", "--unit-types", "0:I,1:I,2:I", "--out", CliRunner.TempFolder("neurornn-fit-dale"));
        Assert.Equal(2, contradiction.ExitCode);
        Assert.Contains("neurornn fit: --unit-types: ", contradiction.Error);
        Assert.Contains("assigns 3 units as I (units 0, 1, 2) but ExcitatoryFraction 0.9 of 20 network units leaves only 2 inhibitory units", contradiction.Error);
        var badFraction = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--dale", "--excitatory-fraction", "1.5",
            "--out", CliRunner.TempFolder("neurornn-fit-dale"));
        Assert.Equal(2, badFraction.ExitCode);
        Assert.Contains("neurornn fit: --excitatory-fraction: ", badFraction.Error);
        Assert.DoesNotContain("(Parameter '", badFraction.Error);
        var noDale = CliRunner.Run(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(2), "fit", "--data", data, "--unit-types", "0:I", "--out", CliRunner.TempFolder("neurornn-fit-dale"));
        Assert.Equal(2, noDale.ExitCode);
        Assert.Contains("--dale", noDale.Error);
    }
}
