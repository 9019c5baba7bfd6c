using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Interactive;

/// <summary>The shipped example data, found wherever a notebook runs from.</summary>
public static class SampleData
{
    /// <summary>Relative path of the shipped V1 gratings recording in the repository.</summary>
    public const string V1GratingsPath = "data/v1-gratings.npz";

    /// <summary>
    /// Finds <c>data/v1-gratings.npz</c> by walking up from the current directory and from the folder of the NeuroRnn
    /// assemblies (so it works whether a notebook runs from the repository root, from <c>notebooks/</c> or from a build
    /// folder). Returns null when it is nowhere.
    /// </summary>
    public static string? FindV1Gratings()
    {
        var starts = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(typeof(Recording).Assembly.Location) };
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, V1GratingsPath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The shipped V1 gratings recording; when the file cannot be found it is regenerated with the generator's default
    /// options (the shipped file was made with the same defaults, see data/README.md).
    /// </summary>
    public static Recording V1Gratings()
    {
        var path = FindV1Gratings();
        return path is null ? V1GratingGenerator.Generate(new V1GratingOptions()) : RecordingNpz.Read(path);
    }
}
