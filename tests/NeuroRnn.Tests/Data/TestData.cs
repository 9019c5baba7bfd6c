using NeuroRnn.Data;

namespace NeuroRnn.Tests.Data;

/// <summary>Small frames and repository paths shared by the data tests.</summary>
internal static class TestData
{
    /// <summary>
    /// The repository root (the folder holding Kernel.sln): above the test binaries (they live in the tree, or in an
    /// artifacts folder beside it), else above this source file's compile-time path (unusable when paths are mapped).
    /// </summary>
    public static string RepoRoot => FindRoot();

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var dir = start.Length > 0 && Directory.Exists(start) ? new DirectoryInfo(start) : null;
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kernel.sln"))) dir = dir.Parent;
            if (dir is not null) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find the repository root (Kernel.sln) above {AppContext.BaseDirectory} or {sourceFile}.");
    }

    public static string MatFixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "mat", name);

    public static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"neurornn-test-{Guid.NewGuid():N}{extension}");

    /// <summary>
    /// A frame of 3 units × 4 bins × 6 trials whose value encodes its position: 100·u + 10·t + k. Trials: trial id,
    /// orientation (0/90 alternating), context (a/b/missing), rt (with a NaN). Units: unit, cell_type, depth_um.
    /// </summary>
    public static Recording Small()
    {
        const int U = 3, T = 4, K = 6;
        var data = new double[U, T, K];
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
                for (int k = 0; k < K; k++) data[u, t, k] = 100 * u + 10 * t + k;
        var trials = new ColumnTable(K, new TableColumn[]
        {
            new DoubleColumn("trial", new double[] { 0, 1, 2, 3, 4, 5 }),
            new DoubleColumn("orientation", new double[] { 0, 90, 0, 90, 0, 90 }),
            new StringColumn("context", new[] { "a", "a", "b", "b", null, "a" }),
            new DoubleColumn("rt", new[] { 0.3, double.NaN, 0.25, 0.4, 0.5, 0.35 }),
        });
        var units = new ColumnTable(U, new TableColumn[]
        {
            new StringColumn("unit", new[] { "n0", "n1", "n2" }),
            new StringColumn("cell_type", new[] { "E", "I", "E" }),
            new DoubleColumn("depth_um", new double[] { 100, 200, 300 }),
        });
        return Recording.Create(data, new double[] { 5, 15, 25, 35 }, trials, units, RecordingValueKind.Counts, "small");
    }
}
