using System.Diagnostics;
using NeuroRnn.Data.Io;
using NeuroRnn.Fitting;

namespace NeuroRnn.Tests.Fitting;

public sealed class ConnectivityMaskFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("neurornn-mask-").FullName;

    // Not symmetric, so a transposed read fails: row = postsynaptic, column = presynaptic.
    private static readonly bool[,] Expected =
    {
        { true, false, false },
        { true, true, false },
        { false, true, true },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name) => Path.Combine(folder, name);

    [Fact]
    public void ANpyMaskOfBoolsOrNumbersReadsRowByRow()
    {
        var bools = new bool[9];
        for (int k = 0; k < 9; k++) bools[k] = Expected[k / 3, k % 3];
        NpyWriter.Write(File("bool.npy"), new NpyArray(NpyElementType.Bool, [3, 3], bools));
        Assert.Equal(Expected, ConnectivityMaskFile.Read(File("bool.npy"), 3));
        NpyWriter.Write(File("double.npy"), NpyArray.FromDoubles([.. bools.Select(b => b ? 1.0 : 0.0)], 3, 3));
        Assert.Equal(Expected, ConnectivityMaskFile.Read(File("double.npy")));
    }

    [Fact]
    public void ACsvMaskReadsWithAnySeparator()
    {
        System.IO.File.WriteAllText(File("mask.csv"), "1,0,0\n1, 1, 0\n\n0\t1\t1\n");
        Assert.Equal(Expected, ConnectivityMaskFile.Read(File("mask.csv"), 3));
    }

    [Fact]
    public void AMatMaskWrittenByOctaveReadsInMatlabOrientation()
    {
        const string octave = "/usr/bin/octave"; // Debian's (scripts/setup.sh --tests installs it)
        if (!System.IO.File.Exists(octave)) throw new InvalidOperationException($"{octave} is missing; this test needs Debian's octave to write the MAT file.");
        string logical = File("logical.mat").Replace("'", "''"), numeric = File("numeric.mat").Replace("'", "''");
        var start = new ProcessStartInfo(octave) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--no-gui", "--quiet", "--no-window-system", "--norc", "--eval",
            $"mask = logical([1 0 0; 1 1 0; 0 1 1]); other = 7; save('-v6', '{logical}', 'mask', 'other'); W = [1 0 0; 1 1 0; 0 1 1]; save('-v7', '{numeric}', 'W');" })
            start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            string errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "octave did not finish within 120 s");
            Assert.True(process.ExitCode == 0, $"octave failed: {errors}");
        }
        Assert.Equal(Expected, ConnectivityMaskFile.Read(File("logical.mat"), 3)); // the variable named "mask"
        Assert.Equal(Expected, ConnectivityMaskFile.Read(File("numeric.mat"), 3)); // the only numeric variable
    }

    [Fact]
    public void AMaskOfTheWrongShapeIsAnErrorNamingTheFileAndBothShapes()
    {
        NpyWriter.Write(File("rect.npy"), NpyArray.FromDoubles(new double[6], 2, 3));
        var e = Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("rect.npy")));
        Assert.Contains("rect.npy", e.Message);
        Assert.Contains("2×3", e.Message);
        NpyWriter.Write(File("small.npy"), NpyArray.FromDoubles(new double[9], 3, 3));
        e = Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("small.npy"), 200));
        Assert.Contains("small.npy", e.Message);
        Assert.Contains("3×3", e.Message);
        Assert.Contains("200×200", e.Message);
    }

    [Fact]
    public void BadValuesRaggedRowsAndAmbiguousFilesAreErrorsNamingThePlace()
    {
        System.IO.File.WriteAllText(File("two.csv"), "1,0\n0,2\n");
        var e = Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("two.csv")));
        Assert.Contains("two.csv", e.Message);
        Assert.Contains("row 1, column 1", e.Message);
        System.IO.File.WriteAllText(File("ragged.csv"), "1,0,1\n0,1\n1,1,1\n");
        e = Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("ragged.csv")));
        Assert.Contains("line 2 has 2 values", e.Message);
        System.IO.File.WriteAllText(File("header.csv"), "a,b\n1,0\n");
        Assert.Contains("'a' is not a number", Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("header.csv"))).Message);
        new NpzFile([new("a", NpyArray.FromDoubles(new double[4], 2, 2)), new("b", NpyArray.FromDoubles(new double[4], 2, 2))]).Write(File("two.npz"));
        Assert.Contains("none is named 'mask'", Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("two.npz"))).Message);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("missing.npy"))).Message);
        System.IO.File.WriteAllText(File("mask.json"), "[]");
        Assert.Contains("'.json'", Assert.Throws<ArgumentException>(() => ConnectivityMaskFile.Read(File("mask.json"))).Message);
    }

    [Fact]
    public void AMaskFromAFileConstrainsTheFittedNetwork()
    {
        var mask = new bool[8, 8];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) mask[i, j] = (i + j) % 3 != 0;
        var lines = Enumerable.Range(0, 8).Select(i => string.Join(",", Enumerable.Range(0, 8).Select(j => mask[i, j] ? "1" : "0")));
        System.IO.File.WriteAllLines(File("net.csv"), lines);
        var options = new RecordingFitOptions
        {
            UnitCount = 8, BinMs = 20, SmoothingMs = 0, TauMs = 40, Iterations = 0,
            Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = TinyRecording.StimulusOffsetMs },
            Constraints = new FitConstraints { RecurrentMask = ConnectivityMaskFile.Read(File("net.csv"), 8) },
        };
        var fit = RecordingFitter.Fit(TinyRecording.Create(units: 4, directions: 4), options);
        var w = fit.Model.EffectiveRecurrentWeights();
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
                if (!mask[i, j]) Assert.Equal(0, w[j * 8 + i]); // W is column-major: W[post i, pre j] at j·N + i
        Assert.Contains(fit.Options.Constraints.Describe(), d => d.StartsWith("recurrent mask", StringComparison.Ordinal));
    }
}
