using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// Jupyter's own kernel test suite (<c>jupyter_kernel_test</c>, Debian's python3-jupyter-kernel-test 0.4.x) against
/// the real C# and F# kernels started from their kernelspecs, with every sample set so that no standard test is
/// skipped. The suite runs once per language; each of its tests is one case here, so they count in the totals.
/// </summary>
public sealed class JupyterKernelTestSuiteTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>The standard tests of jupyter_kernel_test 0.4.5 (KernelTests' test_* methods).</summary>
    public static readonly string[] StandardTests =
    [
        "test_clear_output", "test_completion", "test_display_data", "test_error", "test_execute_result",
        "test_execute_stderr", "test_execute_stdout", "test_history", "test_inspect", "test_is_complete",
        "test_kernel_info", "test_pager",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, JsonObject>>> Runs = new();

    public static IEnumerable<object[]> Cases =>
        from language in new[] { "csharp", "fsharp" }
        from test in StandardTests
        select new object[] { language, test };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StandardTest_Passes(string language, string test)
    {
        var outcomes = Run(language);
        Assert.True(outcomes.TryGetValue(test, out var outcome), $"jupyter_kernel_test did not report {test}; it reported: {string.Join(", ", outcomes.Keys)}");
        output.WriteLine(outcome.ToJsonString());
        var result = outcome["outcome"]!.GetValue<string>();
        Assert.True(result == "pass", $"{language} {test}: {result}\n{outcome["detail"]}");
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("fsharp")]
    public void Suite_RanExactlyTheStandardTests_NothingSkipped(string language)
    {
        var outcomes = Run(language);
        Assert.Equal(StandardTests.Order(), outcomes.Keys.Order());
        Assert.DoesNotContain(outcomes.Values, o => o["outcome"]!.GetValue<string>() == "skip");
    }

    private static IReadOnlyDictionary<string, JsonObject> Run(string language) =>
        Runs.GetOrAdd(language, l => new Lazy<IReadOnlyDictionary<string, JsonObject>>(() =>
        {
            var lines = JupyterClientScript.Run(
                "jupyter_kernel_test_suite.py",
                $"--kernel-name {NeuroRnnCli.KernelStem}-{l} --language {l}",
                TimeSpan.FromMinutes(10),
                NeuroRnnCli.JupyterEnvironment);
            var summary = lines.LastOrDefault(line => line.ContainsKey("summary"))
                ?? throw new InvalidOperationException("jupyter_kernel_test_suite.py printed no summary line.");
            Assert.StartsWith("0.4.", summary["jupyter_kernel_test"]!.GetValue<string>());
            return lines.Where(line => line.ContainsKey("test")).ToDictionary(line => line["test"]!.GetValue<string>());
        })).Value;
}
