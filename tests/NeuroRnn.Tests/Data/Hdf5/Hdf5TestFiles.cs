using System.Diagnostics;

namespace NeuroRnn.Tests.Data.Hdf5;

/// <summary>
/// The NWB and MAT v7.3 files written by h5py (make_hdf5_files.py, run with Debian's /usr/bin/python3) once per test
/// run, with the expected arrays beside them as .npy. Nothing here is committed: the script makes them.
/// </summary>
internal static class Hdf5TestFiles
{
    private static readonly Lazy<string> Folder = new(Make);

    public static string Path(string name) => System.IO.Path.Combine(Folder.Value, name);

    /// <summary>The values h5py wrote to <paramref name="objectPath"/> of <paramref name="file"/>, as saved by numpy.</summary>
    public static NeuroRnn.Data.Io.NpyArray Expected(string file, string objectPath) =>
        NeuroRnn.Data.Io.NpyReader.Read(Path($"{file}.{objectPath.Trim('/').Replace('/', '.')}.npy"));

    private static string Make()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"neurornn-hdf5-{Environment.ProcessId}");
        string script = System.IO.Path.Combine(TestData.RepoRoot, "tests", "NeuroRnn.Tests", "Data", "Hdf5", "make_hdf5_files.py");
        const string python = "/usr/bin/python3"; // Debian's, with python3-h5py (scripts/setup.sh --tests installs it)
        if (!File.Exists(python)) throw new InvalidOperationException($"{python} is missing; these tests need Debian's python3-h5py to write the HDF5 files.");
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"make_hdf5_files.py failed ({process.ExitCode}): {errors}");
        return folder;
    }
}
