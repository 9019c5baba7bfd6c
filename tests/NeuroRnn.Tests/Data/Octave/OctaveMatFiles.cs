using System.Diagnostics;
using System.Globalization;

namespace NeuroRnn.Tests.Data.Octave;

/// <summary>
/// MAT v5 files written by GNU Octave (make_mat_files.m, Debian's octave) once per test run, with the values Octave
/// wrote beside them as text (17 significant digits, column-major). Nothing here is committed: the script makes them.
/// </summary>
internal static class OctaveMatFiles
{
    private static readonly Lazy<string> Folder = new(Make);

    public static string Path(string name) => System.IO.Path.Combine(Folder.Value, name);

    /// <summary>The values Octave dumped for <paramref name="variable"/>, column-major, parsed exactly.</summary>
    public static double[] Expected(string variable) =>
        File.ReadAllLines(Path(variable + ".txt"))
            .Where(l => l.Length > 0)
            .Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();

    private static string Make()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"neurornn-octave-{Environment.ProcessId}");
        string script = System.IO.Path.Combine(TestData.RepoRoot, "tests", "NeuroRnn.Tests", "Data", "Octave", "make_mat_files.m");
        const string octave = "/usr/bin/octave"; // Debian's (scripts/setup.sh --tests installs it)
        if (!File.Exists(octave)) throw new InvalidOperationException($"{octave} is missing; these tests need Debian's octave to write the MAT files.");
        var start = new ProcessStartInfo(octave) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--no-gui", "--quiet", "--no-window-system", "--norc", script, folder }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException("make_mat_files.m did not finish within 120 s"); }
        if (process.ExitCode != 0 || !File.Exists(System.IO.Path.Combine(folder, "octave-v7.mat")))
            throw new InvalidOperationException($"make_mat_files.m failed ({process.ExitCode}): {errors}{output}");
        return folder;
    }
}
