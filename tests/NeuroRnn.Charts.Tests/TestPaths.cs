using System.Reflection;

namespace NeuroRnn.Charts.Tests;

/// <summary>Folders the tests read from and write to.</summary>
internal static class TestPaths
{
    /// <summary>This test project's source folder (baked in at build time, so it works with any artifacts path).</summary>
    public static string ProjectDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ChartsTestProjectDirectory").Value!;

    /// <summary>The committed golden JSON files.</summary>
    public static string GoldenDirectory => Path.Combine(ProjectDirectory, "Golden");

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    /// <summary>
    /// Where tests put pages and screenshots: $TEST_OUTPUT_DIR, else test-output/ next to the test assembly
    /// (gitignored either way when inside the repository).
    /// </summary>
    public static string OutputDirectory(string sub)
    {
        var root = Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR") is { Length: > 0 } env
            ? env
            : Path.Combine(AppContext.BaseDirectory, "test-output");
        var dir = Path.Combine(root, sub);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
