using System.Diagnostics;
using System.Text;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Mat;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Data;

/// <summary>
/// For each reader, 10,000 seeded corruptions (truncations, bit flips, byte overwrites, splices) of small valid files: the
/// reader must either succeed or throw <see cref="RecordingFormatException"/> — never another exception type — and
/// finish each file within a second.
/// </summary>
public class ReaderFuzzTests
{
    private const int Variants = 10_000;
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(1);

    private static byte[] Mutate(byte[] original, Xoshiro256StarStar rng)
    {
        var bytes = (byte[])original.Clone();
        switch (rng.NextInt(5))
        {
            case 0: // truncate
                return bytes[..rng.NextInt(bytes.Length)];
            case 1: // flip 1–4 bits
                for (int i = rng.NextInt(4); i >= 0; i--) bytes[rng.NextInt(bytes.Length)] ^= (byte)(1 << rng.NextInt(8));
                return bytes;
            case 2: // overwrite a byte with an extreme value
                bytes[rng.NextInt(bytes.Length)] = rng.NextInt(2) == 0 ? (byte)0xFF : (byte)0x00;
                return bytes;
            case 3: // overwrite 4 bytes (a length field, typically) with random bits
            {
                int at = rng.NextInt(Math.Max(1, bytes.Length - 4));
                ulong r = rng.NextUInt64();
                for (int i = 0; i < 4 && at + i < bytes.Length; i++) bytes[at + i] = (byte)(r >> (8 * i));
                return bytes;
            }
            default: // duplicate or drop a chunk
            {
                int at = rng.NextInt(bytes.Length), length = 1 + rng.NextInt(Math.Min(64, bytes.Length - at));
                return rng.NextInt(2) == 0
                    ? bytes[..at].Concat(bytes[at..(at + length)]).Concat(bytes[at..]).ToArray()
                    : bytes[..at].Concat(bytes[(at + length)..]).ToArray();
            }
        }
    }

    private static void Fuzz(byte[] valid, ulong seed, Action<byte[]> read)
    {
        read(valid); // the seed file itself must be readable
        var rng = new Xoshiro256StarStar(seed);
        int succeeded = 0, rejected = 0;
        for (int i = 0; i < Variants; i++)
        {
            var variant = Mutate(valid, rng);
            var elapsed = TimeSpan.Zero;
            var task = Task.Run(() =>
            {
                var watch = Stopwatch.StartNew();
                try { read(variant); }
                finally { elapsed = watch.Elapsed; }
            });
            // Waiting on the handle (not task.Wait) so a faulted task does not throw here; 10 s catches a hang.
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)))
                Assert.Fail($"variant {i} (seed {seed}) did not finish within 10 s (a hang); bytes: {Convert.ToBase64String(variant)}");
            if (elapsed > PerFileLimit)
                Assert.Fail($"variant {i} (seed {seed}) took {elapsed.TotalMilliseconds:0} ms (limit {PerFileLimit.TotalMilliseconds} ms); bytes: {Convert.ToBase64String(variant)}");
            if (task.Exception?.InnerException is { } e)
            {
                if (e is RecordingFormatException) rejected++;
                else Assert.Fail($"variant {i} (seed {seed}) threw {e.GetType().Name}: {e.Message}\nbytes: {Convert.ToBase64String(variant)}\n{e.StackTrace}");
            }
            else succeeded++;
        }
        Assert.Equal(Variants, succeeded + rejected);
        Assert.True(rejected > Variants / 10, $"only {rejected} of {Variants} corrupt variants were rejected");
    }

    private static byte[] SmallNpy()
    {
        var stream = new MemoryStream();
        NpyWriter.Write(stream, NpyArray.FromDoubles(Enumerable.Range(0, 24).Select(i => i * 0.5).ToArray(), 2, 3, 4), new NpyWriteOptions { FortranOrder = true });
        return stream.ToArray();
    }

    [Fact]
    public void Npy_reader_survives_corruption()
    {
        Fuzz(SmallNpy(), 1, bytes => NpyReader.Read(new MemoryStream(bytes), "fuzz.npy", bytes.Length));
        Fuzz(SmallNpy(), 2, bytes => NpyReader.Read(new MemoryStream(bytes), "fuzz.npy", null));
    }

    [Fact]
    public void Npz_reader_survives_corruption()
    {
        var small = Recording.Create(new double[2, 3, 2] { { { 1, 2 }, { 3, 4 }, { 5, 6 } }, { { 7, 8 }, { 9, 10 }, { 11, 12 } } }, new double[] { 0, 10, 20 });
        foreach (bool compress in new[] { true, false })
        {
            var stream = new MemoryStream();
            RecordingNpz.ToNpz(small).Write(stream, compress);
            Fuzz(stream.ToArray(), compress ? 3UL : 4UL, bytes => RecordingNpz.FromNpz(NpzFile.Read(new MemoryStream(bytes), "fuzz.npz"), "fuzz.npz"));
        }
    }

    [Fact]
    public void Mat_reader_survives_corruption()
    {
        foreach (var (file, seed) in new[] { ("classes.mat", 5UL), ("classes_v7.mat", 6UL), ("recording_v7.mat", 7UL) })
        {
            var bytes = File.ReadAllBytes(TestData.MatFixture(file));
            Fuzz(bytes, seed, b =>
            {
                var mat = MatFileReader.Read(b, "fuzz.mat");
                if (mat.Contains("data")) MatRecording.ToRecording(mat, "fuzz.mat");
            });
        }
    }

    [Fact]
    public void Csv_readers_survive_corruption()
    {
        var small = Recording.Create(new double[2, 2, 3] { { { 1, 2, 3 }, { 4, 5, 6 } }, { { 7, 8, 9 }, { 10, 11, 12.5 } } }, new double[] { 0, 10 })
            .WithTrials(new ColumnTable(3, new TableColumn[] { new DoubleColumn("trial", new double[] { 0, 1, 2 }), new StringColumn("stim", new[] { "a", "b", "a" }) }));
        var longText = new StringWriter();
        CsvRecordingWriter.WriteLong(small, longText);
        Fuzz(Encoding.UTF8.GetBytes(longText.ToString()), 8, b => CsvRecordingReader.ReadLong(new StreamReader(new MemoryStream(b)), "fuzz.csv"));
        var wideText = new StringWriter();
        CsvRecordingWriter.WriteWide(small, wideText);
        Fuzz(Encoding.UTF8.GetBytes(wideText.ToString()), 9, b => CsvRecordingReader.ReadWide(new StreamReader(new MemoryStream(b)), "fuzz.csv"));
        var trials = "trial,onset_ms,stim\n1,1000,a\n2,2000,b\n"u8.ToArray();
        var spikes = Encoding.UTF8.GetBytes("unit,time_ms\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"u{i % 3},{900 + i * 40}")) + "\n");
        Fuzz(spikes, 10, b => CsvRecordingReader.ReadSpikes(new StreamReader(new MemoryStream(b)), "fuzz-spikes.csv",
            new StreamReader(new MemoryStream(trials)), "trials.csv"));
    }
}
