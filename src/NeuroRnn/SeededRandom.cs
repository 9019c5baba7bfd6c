namespace NeuroRnn;

/// <summary>
/// A small, fully specified pseudo-random generator (xoshiro256** seeded through SplitMix64) so that task
/// batches are bit-identical on every platform and .NET version; <see cref="System.Random"/> makes no such promise.
/// Not thread-safe: use one instance per stream.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>Creates a generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public SeededRandom(long seed)
    {
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    /// <summary>
    /// Combines a run seed with stream and index numbers (e.g. "training data", iteration 17) into an
    /// independent-looking seed. Resuming a run therefore redraws exactly the same data for every iteration.
    /// </summary>
    public static int Derive(int seed, int stream, int index)
    {
        ulong x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)index);
        ulong a = SplitMix(ref x);
        a ^= SplitMix(ref x);
        return unchecked((int)(a >> 33));
    }

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next raw 64-bit value.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int NextInt(int minInclusive, int maxInclusive)
    {
        if (maxInclusive < minInclusive)
            throw new ArgumentOutOfRangeException(nameof(maxInclusive), $"maxInclusive ({maxInclusive}) is below minInclusive ({minInclusive}).");
        ulong range = (ulong)((long)maxInclusive - minInclusive) + 1;
        // Rejection sampling keeps the draw exactly uniform.
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(minInclusive + (long)(r % range));
    }

    /// <summary>Standard normal draw (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian) { _hasSpareGaussian = false; return _spareGaussian; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        _hasSpareGaussian = true;
        return u * f;
    }
}
