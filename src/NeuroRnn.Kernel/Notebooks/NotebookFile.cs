namespace NeuroRnn.Kernel.Notebooks;

/// <summary>Loads and saves notebooks by file extension (.ipynb or .dib).</summary>
public static class NotebookFile
{
    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentException">The extension is neither .ipynb nor .dib.</exception>
    /// <exception cref="FormatException">The file is not a valid notebook (the message names the file).</exception>
    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The notebook '{path}' does not exist.", path);
        var text = File.ReadAllText(path);
        try
        {
            return FormatOf(path) == ".dib" ? DibFormat.Read(text) : IpynbFormat.Read(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> in the format its extension names.</summary>
    public static void Save(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = FormatOf(path) == ".dib" ? DibFormat.Write(notebook) : IpynbFormat.Write(notebook);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, text);
    }

    private static string FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".ipynb" or ".dib"
            ? extension
            : throw new ArgumentException($"'{path}' is neither a .ipynb nor a .dib notebook.", nameof(path));
    }
}
