namespace NeuroRnn.Kernel.Tests.Notebooks;

/// <summary>Finds notebooks/samples of the repository from the test output folder.</summary>
internal static class SampleNotebooks
{
    public static string Path(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "notebooks", "samples", name);
            if (File.Exists(candidate)) return candidate;
        }
        // The tests also run from artifacts folders outside the tree: fall back to the source location.
        var fromSource = System.IO.Path.Combine(SourceRoot(), "notebooks", "samples", name);
        return File.Exists(fromSource) ? fromSource : throw new FileNotFoundException($"Sample notebook {name} not found above {AppContext.BaseDirectory}.");
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", "..", ".."));
}
