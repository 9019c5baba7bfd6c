using NeuroRnn.Tasks;

namespace NeuroRnn.Data.Synthetic;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna 2018) seeded through SplitMix64. Its output is fixed by the published
/// algorithm, so synthetic datasets are bit-reproducible from the seed on every platform and .NET version
/// (System.Random's algorithm is not specified).
/// </summary>
public sealed class Xoshiro256StarStar
{
    // The raw stream is SeededRandom's (the same xoshiro256** seeded through SplitMix64); this class adds the
    // draws the synthetic data and splits are defined by (Lemire integers, Box–Muller normals, Poisson, shuffle).
    private readonly SeededRandom core;

    /// <summary>Creates a generator whose state is filled from <paramref name="seed"/> with SplitMix64.</summary>
    public Xoshiro256StarStar(ulong seed) => core = new SeededRandom(unchecked((long)seed));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => core.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => core.NextDouble();

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>) (Lemire's unbiased multiply-shift with rejection).</summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0) throw new ArgumentOutOfRangeException(nameof(exclusiveMax), "exclusiveMax must be positive.");
        ulong range = (ulong)exclusiveMax;
        while (true)
        {
            UInt128 product = (UInt128)NextUInt64() * range;
            ulong low = (ulong)product;
            if (low >= range || low >= (0UL - range) % range) return (int)(product >> 64);
        }
    }

    /// <summary>A standard normal deviate (Box–Muller, one of the pair; deterministic and portable).</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// A Poisson deviate with mean <paramref name="mean"/>: Knuth's multiplication method for means below 30 (all spike
    /// counts in short bins), a rounded normal approximation above.
    /// </summary>
    public int Poisson(double mean)
    {
        if (!(mean >= 0) || !double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), $"mean must be finite and ≥ 0, not {mean}.");
        if (mean == 0) return 0;
        if (mean >= 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        double limit = Math.Exp(-mean), product = NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }
        return count;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
