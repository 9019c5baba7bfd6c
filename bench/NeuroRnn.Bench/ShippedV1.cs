using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Bench;

/// <summary>
/// The shipped V1 recording (data/v1-gratings.npz) and its noise-free twin, the truth every V1 fit in the benchmarks is
/// scored against. The file is <c>generate-v1 --seed 1</c> with the generator's defaults written out (200 units,
/// 12 directions × 20 trials, 10 ms bins); the twin draws the same units and trials with expected counts instead of
/// Poisson samples. One place, so the suites cannot drift apart on the seed or the shape.
/// </summary>
internal static class ShippedV1
{
    /// <summary>The recording's path relative to the checkout's root.</summary>
    public const string RelativePath = "data/v1-gratings.npz";

    /// <summary>The generator options the shipped file was made with.</summary>
    public static V1GratingOptions GeneratorOptions { get; } = new() { Units = 200, Directions = 12, TrialsPerDirection = 20, BinMs = 10, Seed = 1 };

    /// <summary>Reads the shipped recording, or another one at <paramref name="relativePath"/> under the checkout's root.</summary>
    public static Recording Read(string relativePath = RelativePath) => Recording.Read(Path.Combine(BenchResults.RepositoryRoot(), relativePath));

    /// <summary>The noise-free twin of the shipped recording: the generator's expected counts for the same seed.</summary>
    public static Recording Truth() => V1GratingGenerator.Generate(GeneratorOptions with { ExpectedCounts = true });
}
