using System.Diagnostics;
using NeuroRnn.Data;
using NeuroRnn.Data.Mat;

namespace NeuroRnn.Tests.Data.Hdf5;

/// <summary>
/// Corrupt, truncated and bit-flipped NWB and MAT v7.3 files (seeded variants of the h5py-written files): reading must
/// succeed or throw the documented <see cref="RecordingFormatException"/> naming the file — never another exception type
/// from PureHDF, never a hang.
/// </summary>
public class Hdf5FuzzTests
{
    private const int VariantsPerFile = 600;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    private static byte[] Mutate(byte[] original, SeededRandomBytes rng)
    {
        var bytes = (byte[])original.Clone();
        switch (rng.Next(4))
        {
            case 0: // truncate
                return bytes[..rng.Next(bytes.Length)];
            case 1: // flip 1–8 bits
                for (int i = rng.Next(8); i >= 0; i--) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                return bytes;
            case 2: // overwrite a byte with an extreme value
                bytes[rng.Next(bytes.Length)] = rng.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                return bytes;
            default: // overwrite 8 bytes (an address or length, typically) with random bits
            {
                int at = rng.Next(Math.Max(1, bytes.Length - 8));
                for (int i = 0; i < 8 && at + i < bytes.Length; i++) bytes[at + i] = (byte)rng.Next(256);
                return bytes;
            }
        }
    }

    /// <summary>A tiny seeded generator (the test's own, so the variants never change with a library).</summary>
    private sealed class SeededRandomBytes(ulong seed)
    {
        private ulong state = seed;

        public int Next(int bound)
        {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17; // xorshift64
            return (int)(state % (ulong)Math.Max(1, bound));
        }
    }

    private static (int Read, int Rejected) Fuzz(string name, ulong seed, Action<string> read)
    {
        var valid = File.ReadAllBytes(Hdf5TestFiles.Path(name));
        var rng = new SeededRandomBytes(seed);
        string path = TestData.TempFile(Path.GetExtension(name));
        int ok = 0, rejected = 0;
        try
        {
            for (int i = 0; i < VariantsPerFile; i++)
            {
                var variant = Mutate(valid, rng);
                File.WriteAllBytes(path, variant);
                Exception? error = null;
                var task = Task.Run(() =>
                {
                    try { read(path); }
                    catch (Exception e) { error = e; }
                });
                if (!task.Wait(HangLimit)) Assert.Fail($"{name} variant {i} (seed {seed}) did not finish within {HangLimit.TotalSeconds} s (a hang)");
                if (error is null) ok++;
                else if (error is RecordingFormatException format)
                {
                    Assert.Contains(path, format.Message); // names the file
                    rejected++;
                }
                else Assert.Fail($"{name} variant {i} (seed {seed}) threw {error.GetType().Name}: {error.Message}\n{error.StackTrace}");
            }
        }
        finally
        {
            File.Delete(path);
        }
        return (ok, rejected);
    }

    [Fact]
    public void Corrupt_nwb_files_raise_only_the_format_error()
    {
        var watch = Stopwatch.StartNew();
        var (ok, rejected) = Fuzz("minimal.nwb", 0x5eed_0001, p => Recording.Read(p, new RecordingReadOptions { Format = "nwb" }));
        Assert.True(rejected > VariantsPerFile / 10, $"only {rejected} of {VariantsPerFile} corrupt variants were rejected ({ok} read)");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"{VariantsPerFile} variants took {watch.Elapsed}");
    }

    [Fact]
    public void Corrupt_mat73_files_raise_only_the_format_error()
    {
        var (ok, rejected) = Fuzz("v73.mat", 0x5eed_0002, p => MatFileReader.Read(p));
        Assert.True(rejected > VariantsPerFile / 10, $"only {rejected} of {VariantsPerFile} corrupt variants were rejected ({ok} read)");
    }

    [Fact]
    public void Corrupt_mat73_recordings_raise_only_the_format_error()
    {
        var (ok, rejected) = Fuzz("v73.mat", 0x5eed_0003, p => Recording.Read(p, new RecordingReadOptions { Format = "mat73" }));
        Assert.True(rejected > VariantsPerFile / 10, $"only {rejected} of {VariantsPerFile} corrupt variants were rejected ({ok} read)");
    }
}
