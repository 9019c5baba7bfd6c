using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class ElementWiseTests
{
    private static readonly double[] Extremes = [-1000, -750, -100, -40, -20, -1e-8, 0, 1e-8, 20, 40, 100, 750, 1000];

    /// <summary>Lengths below and above the MKL back-end's managed-code threshold, and a multi-chunk sigmoid.</summary>
    private static readonly int[] Lengths = [0, 1, 5, 63, 64, 200, 1500];

    private static double[] Inputs(int length, double scale, bool positive)
    {
        var random = new Random(length);
        var x = new double[length];
        for (int i = 0; i < length; i++)
            x[i] = positive ? 1e-3 + scale * random.NextDouble() : scale * (2 * random.NextDouble() - 1);
        // Mix in the extremes so both the small (managed) and large (native) paths see them.
        if (!positive)
            for (int i = 0; i < length; i += 7) x[i] = Extremes[(i / 7) % Extremes.Length];
        return x;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Backends.Names)
            foreach (var f in new[] { "tanh", "exp", "log", "sigmoid" })
                data.Add(backend, f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_reference_including_large_arguments(string backend, string function)
    {
        var be = Backends.Get(backend);
        Func<double, double> reference = function switch
        {
            "tanh" => Math.Tanh, "exp" => Math.Exp, "log" => Math.Log, _ => ReferenceBlas.Sigmoid,
        };
        foreach (int length in Lengths)
        {
            // exp overflows beyond ~709 (float ~88): keep its arguments in range; log needs positive inputs.
            var x = function switch
            {
                "exp" => Inputs(length, 30, positive: false).Select(v => Math.Clamp(v, -80, 80)).ToArray(),
                "log" => Inputs(length, 1e6, positive: true),
                _ => Inputs(length, 10, positive: false),
            };
            var expected = x.Select(reference).ToArray();

            var y = new double[length];
            Apply(be, function, x, y);
            Assertions.Close(expected, y, 1e-14, $"{backend} {function} float64 n={length}");
            Assert.DoesNotContain(y, double.IsNaN);

            var inPlace = (double[])x.Clone();
            Apply(be, function, inPlace, inPlace);
            Assertions.Close(expected, inPlace, 1e-14, $"{backend} {function} float64 in place n={length}");

            var xs = ReferenceBlas.ToSingle(x);
            var ys = new float[length];
            Apply(be, function, xs, ys);
            var expectedSingle = ReferenceBlas.ToDouble(xs).Select(reference).ToArray();
            Assertions.Close(expectedSingle, ReferenceBlas.ToDouble(ys), 2e-6, $"{backend} {function} float32 n={length}");
            Assert.DoesNotContain(ys, float.IsNaN);
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Sigmoid_keeps_relative_precision_for_very_negative_inputs(string backend)
    {
        var x = Enumerable.Range(0, 100).Select(i => -30.0 - i / 10.0).ToArray();
        var y = new double[x.Length];
        Backends.Get(backend).Sigmoid(x, y);
        for (int i = 0; i < x.Length; i++)
            Assert.True(Math.Abs(y[i] / Math.Exp(x[i]) - 1) < 1e-12, $"σ({x[i]}) = {y[i]:R}");
    }

    private static void Apply(INumericsBackend be, string function, ReadOnlySpan<double> x, Span<double> y)
    {
        switch (function)
        {
            case "tanh": be.Tanh(x, y); break;
            case "exp": be.Exp(x, y); break;
            case "log": be.Log(x, y); break;
            default: be.Sigmoid(x, y); break;
        }
    }

    private static void Apply(INumericsBackend be, string function, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (function)
        {
            case "tanh": be.Tanh(x, y); break;
            case "exp": be.Exp(x, y); break;
            case "log": be.Log(x, y); break;
            default: be.Sigmoid(x, y); break;
        }
    }
}
