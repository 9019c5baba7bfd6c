namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it at the end of the test.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Creates the sub-folder <paramref name="name"/> and returns its path.</summary>
    public string Folder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
