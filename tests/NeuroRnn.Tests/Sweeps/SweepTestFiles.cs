namespace NeuroRnn.Tests.Sweeps;

/// <summary>Folders and small specs for the sweep tests: tiny fits of a few units of the shipped V1 data.</summary>
internal static class SweepTestFiles
{
    public static string Data { get; } = FindData();

    public static string TempFolder(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A spec file in a fresh folder; <paramref name="body"/> is the JSON after the data path has been filled in.</summary>
    public static string WriteSpec(string folder, string body)
    {
        string path = Path.Combine(folder, "sweep.spec.json");
        File.WriteAllText(path, body.Replace("DATA", Data.Replace("\\", "/")));
        return path;
    }

    /// <summary>Six tiny V1 fits: 2 sizes × 3 seeds, 6 HF iterations checkpointed every 2.</summary>
    public const string SixFits = """
        { "name": "six", "kind": "fit-recording",
          "fixed": { "data": "DATA", "iterations": 6, "recorded_units": 4, "max_cg": 8 },
          "grid": { "units": [6, 10] }, "seeds": [1, 2, 3], "checkpoint_every": 2, "output": "out" }
        """;

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "v1-gratings.npz");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("data/v1-gratings.npz was not found above " + AppContext.BaseDirectory);
    }
}
