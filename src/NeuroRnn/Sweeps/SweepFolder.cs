namespace NeuroRnn.Sweeps;

/// <summary>The sweep-level files of an output folder.</summary>
internal static class SweepFolder
{
    /// <summary>
    /// Writes the spec as submitted to <c>OUTPUT/sweep.json</c>, with its base directory, so that array tasks read a
    /// spec that later edits of the original do not change, and relative paths still resolve as in the original.
    /// </summary>
    public static string WriteSpecCopy(SweepSpec spec)
    {
        string path = Path.Combine(spec.OutputDirectory, SweepRunFiles.SpecCopy);
        AtomicFile.WriteAllText(path, SweepSpecJson.Serialize(spec, includeBaseDirectory: true));
        return path;
    }
}
