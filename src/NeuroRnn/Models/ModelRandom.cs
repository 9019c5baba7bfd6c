using System.Numerics;

namespace NeuroRnn.Models;

/// <summary>
/// Fully specified pseudo-random numbers for initialisation (a SplitMix64 stream) and for noise (a counter-based
/// generator: value k of stream (seed, index) is a pure function of its coordinates). <see cref="System.Random"/>
/// promises neither, and counter-based noise makes a resumed run bit-identical without replaying any stream.
/// </summary>
internal sealed class ModelRandom
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public ModelRandom(long seed, ulong stream) => _state = Mix(unchecked((ulong)seed) ^ Mix(stream + 0x632BE59BD9B4E019UL));

    /// <summary>Uniform in (0, 1] (never 0, so its logarithm is finite).</summary>
    public double NextUniform() => (NextRaw() >> 11) * (1.0 / (1UL << 53)) + (1.0 / (1UL << 54));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)((NextRaw() >> 33) % (ulong)n);

    /// <summary>Standard normal (Box–Muller, both values used).</summary>
    public double NextGaussian()
    {
        if (_hasSpare) { _hasSpare = false; return _spare; }
        double radius = Math.Sqrt(-2.0 * Math.Log(NextUniform())), angle = 2.0 * Math.PI * NextUniform();
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }

    private ulong NextRaw() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>SplitMix64 finaliser: a bijective avalanche of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// destination[k] = scale · N(0,1) sample number k of the stream (seed, stream, index): each value depends only
    /// on its coordinates, never on what was drawn before. Samples 2m and 2m+1 are the cosine and sine halves of one
    /// Box–Muller pair drawn from counter m.
    /// </summary>
    public static void FillCounterGaussian<T>(Span<T> destination, int seed, ulong stream, long index, double scale)
        where T : IFloatingPointIeee754<T>
    {
        ulong key = Mix(Mix(unchecked((ulong)seed) ^ 0xD1B54A32D192ED03UL) ^ Mix(stream) ^ Mix(unchecked((ulong)index) + 0x8CB92BA72F3D8DD7UL));
        for (int k = 0; k < destination.Length; k += 2)
        {
            ulong pair = unchecked((ulong)k);
            ulong a = Mix(key + pair), b = Mix(key + pair + 1);
            double u1 = (a >> 11) * (1.0 / (1UL << 53)) + (1.0 / (1UL << 54));
            double u2 = (b >> 11) * (1.0 / (1UL << 53));
            double radius = scale * Math.Sqrt(-2.0 * Math.Log(u1));
            var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
            destination[k] = T.CreateTruncating(radius * cos);
            if (k + 1 < destination.Length) destination[k + 1] = T.CreateTruncating(radius * sin);
        }
    }
}
