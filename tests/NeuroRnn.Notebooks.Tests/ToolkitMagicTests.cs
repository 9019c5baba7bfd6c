using NeuroRnn.Data;
using NeuroRnn.Interactive.Magics;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The toolkit magic definitions driven directly through their host-neutral entry point, with a fake host.</summary>
public class ToolkitMagicTests
{
    private sealed class FakeHost
    {
        public Dictionary<string, object?> Variables { get; } = new();
        public List<object> Shown { get; } = [];

        public Task Run(string line, CancellationToken cancellationToken = default)
        {
            var name = MagicLine.Tokenize(line)[0];
            var definition = ToolkitMagics.MagicDefinitions().Single(d => d.Name == name);
            return definition.InvokeAsync(line, v => Variables.GetValueOrDefault(v), (v, value) => Variables[v] = value,
                value => { Shown.Add(value); int index = Shown.Count - 1; return replacement => Shown[index] = replacement; }, cancellationToken);
        }
    }

    private static MagicDefinition Definition(string name) => ToolkitMagics.MagicDefinitions().Single(d => d.Name == name);

    [Fact]
    public void Lines_parse_into_typed_values_with_defaults_implicit_words_and_quotes()
    {
        var values = MagicLine.Parse(Definition("#!plot"), "#!plot tuning \"my rec\" --units 0,3 --dimensions 2");
        Assert.Equal("tuning", values["--kind"]);
        Assert.Equal("my rec", values["--of"]);
        Assert.Equal(2, values["--dimensions"]);
        var train = MagicLine.Parse(Definition("#!train"), "#!train --task MANTE --time-limit 1.5");
        Assert.Equal("mante", train["--task"]); // choices are matched case-insensitively and normalised
        Assert.Equal(1.5, train["--time-limit"]);
        Assert.Equal("network", train["--as"]);
        Assert.False(train.ContainsKey("--units"));
    }

    [Theory]
    [InlineData("#!train --task mante --iterations many", "#!train: option --iterations needs a whole number, not 'many'.")]
    [InlineData("#!train --task mante --bogus 1", "#!train has no option --bogus.")]
    [InlineData("#!train --iterations 3", "#!train: option --task is required")]
    [InlineData("#!train --task juggling", "#!train: option --task must be one of")]
    [InlineData("#!train --task mante --units", "#!train: option --units needs a value")]
    [InlineData("#!train --task mante --seed 1 --seed 2", "#!train: option --seed is given twice.")]
    [InlineData("#!plot tuning rec extra", "#!plot: unexpected 'extra'")]
    [InlineData("#!load-recording \"open", "Unclosed \" quote")]
    public void Bad_lines_name_the_option(string line, string expected)
    {
        var command = Definition(MagicLine.Tokenize(line.Replace("\"open", "", StringComparison.Ordinal))[0]);
        var error = Assert.Throws<MagicUsageException>(() => MagicLine.Parse(command, line));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Load_describe_and_plot_use_the_hosts_variables_and_display()
    {
        var host = new FakeHost();
        var path = Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz");
        await host.Run($"#!load-recording \"{path}\" --as rec");
        var rec = Assert.IsType<Recording>(host.Variables["rec"]);
        Assert.Equal(200, rec.UnitCount);
        await host.Run("#!describe rec");
        Assert.Same(rec, host.Shown[^1]);
        await host.Run("#!plot tuning rec --units 1,2");
        Assert.Contains("Tuning curves", Assert.IsType<NeuroRnn.Charts.Figure>(host.Shown[^1]).Layout.Title);
    }

    [Fact]
    public async Task Missing_files_unknown_formats_and_missing_prerequisites_are_usage_errors()
    {
        var host = new FakeHost();
        var missing = await Assert.ThrowsAsync<MagicUsageException>(() => host.Run("#!load-recording /no/such/file.npz --as r"));
        Assert.Contains("--path '/no/such/file.npz' does not exist", missing.Message);
        var text = Path.Combine(Path.GetTempPath(), $"not-a-recording-{Guid.NewGuid():N}.bin");
        await File.WriteAllTextAsync(text, "hello");
        try
        {
            var unknown = await Assert.ThrowsAsync<MagicUsageException>(() => host.Run($"#!load-recording {text} --as r"));
            Assert.Contains($"cannot read --path '{text}'", unknown.Message);
        }
        finally
        {
            File.Delete(text);
        }
        var before = await Assert.ThrowsAsync<MagicUsageException>(() => host.Run("#!fit rec --iterations 1"));
        Assert.Contains("no variable 'rec' is defined (--recording); load one first with #!load-recording", before.Message);
        host.Variables["n"] = 3;
        var wrongType = await Assert.ThrowsAsync<MagicUsageException>(() => host.Run("#!describe n"));
        Assert.Contains("'n' (--of) is a Int32", wrongType.Message);
        var badName = await Assert.ThrowsAsync<MagicUsageException>(() => host.Run("#!load-recording x.npz --as 1abc"));
        Assert.Contains("--as must be a variable name", badName.Message);
        Assert.Empty(host.Shown);
    }
}
