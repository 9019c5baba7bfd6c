namespace NeuroRnn.Tests.Numerics;

internal static class Assertions
{
    /// <summary>Element-wise |expected − actual| ≤ tolerance·max(1, |expected|); NaN matches only NaN.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: length {actual.Count}, expected {expected.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a)) continue;
            if (e == a) continue;
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)),
                $"{what}: element {i} is {a:R}, expected {e:R} (tolerance {tolerance:G3})");
        }
    }

    public static void Close(double expected, double actual, double tolerance, string what) =>
        Close([expected], [actual], tolerance, what);
}
