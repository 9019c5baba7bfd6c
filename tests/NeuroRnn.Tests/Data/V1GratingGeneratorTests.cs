using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Tests.Data;

public class V1GratingGeneratorTests
{
    private static readonly V1GratingOptions SmallOptions = new() { Units = 20, Directions = 8, TrialsPerDirection = 4, Seed = 3 };

    [Fact]
    public void Same_seed_gives_identical_data_and_other_seeds_differ()
    {
        var a = V1GratingGenerator.Generate(SmallOptions);
        var b = V1GratingGenerator.Generate(SmallOptions);
        var c = V1GratingGenerator.Generate(SmallOptions with { Seed = 4 });
        Assert.True(a.ContentEquals(b));
        Assert.False(a.ContentEquals(c));
    }

    [Fact]
    public void The_generator_algorithm_is_pinned()
    {
        // xoshiro256** seeded by SplitMix64 from 0: first output from the reference implementation.
        Assert.Equal(0x99EC5F36CB75F2B4UL, new Xoshiro256StarStar(0).NextUInt64());
    }

    [Fact]
    public void Design_tables_and_population_statistics()
    {
        var r = V1GratingGenerator.Generate(SmallOptions with { Units = 200 });
        Assert.Equal((200, 150, 32), (r.UnitCount, r.TimeCount, r.TrialCount));
        Assert.Equal(-295, r.TimeMs[0]);
        Assert.Equal(RecordingValueKind.Counts, r.ValueKind);
        var directions = r.Trials.GetDoubles("direction_deg");
        Assert.All(Enumerable.Range(0, 8), d => Assert.Equal(4, directions.Count(x => x == d * 45)));
        Assert.Equal(directions.Select(d => d % 180), r.Trials.GetDoubles("orientation_deg"));
        var types = r.Units.GetStrings("cell_type");
        Assert.Equal(40, types.Count(t => t == "I"));
        Assert.All(r.Data.ToArray(), v => Assert.True(v >= 0 && v == Math.Floor(v)));
        // Inhibitory units fire more and are more broadly tuned.
        var rates = r.ToRatesHz().WindowMean(50, 900);
        double MeanRate(string type) => Enumerable.Range(0, 200).Where(u => types[u] == type).Average(u => Enumerable.Range(0, 32).Average(k => rates[u, k]));
        Assert.True(MeanRate("I") > 2 * MeanRate("E"));
        var kappa = r.Units.GetDoubles("kappa");
        Assert.True(Enumerable.Range(0, 200).Where(u => types[u] == "I").Max(u => kappa[u]) < Enumerable.Range(0, 200).Where(u => types[u] == "E").Min(u => kappa[u]) + 1e-9);
        // Baseline before the stimulus is lower than the response.
        var pre = r.ToRatesHz().WindowMean(-300, 0);
        Assert.True(Enumerable.Range(0, 200).Average(u => pre[u, 0]) < Enumerable.Range(0, 200).Average(u => rates[u, 0]));
    }

    [Fact]
    public void Shipped_dataset_matches_the_documented_command()
    {
        string path = Path.Combine(TestData.RepoRoot, "data", "v1-gratings.npz");
        Assert.True(new FileInfo(path).Length < 5 * 1024 * 1024);
        var shipped = RecordingNpz.Read(path);
        var regenerated = V1GratingGenerator.Generate(new V1GratingOptions { Units = 200, Directions = 12, TrialsPerDirection = 20, BinMs = 10, Seed = 1 });
        Assert.True(shipped.ContentEquals(regenerated), "data/v1-gratings.npz differs from `neurornn data generate-v1 --seed 1`; regenerate it (see data/README.md).");
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => V1GratingGenerator.Generate(SmallOptions with { Units = 0 }));
        Assert.Throws<ArgumentException>(() => V1GratingGenerator.Generate(SmallOptions with { BinMs = -1 }));
        Assert.Throws<ArgumentException>(() => V1GratingGenerator.Generate(SmallOptions with { InhibitoryFraction = 2 }));
    }
}
