using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

/// <summary>
/// The back-ends under test. MKL is obtained with <see cref="NumericsBackend.Mkl"/>, which throws when libmkl_rt
/// cannot be loaded, so MKL tests fail (never skip) on a machine without MKL.
/// </summary>
internal static class Backends
{
    public static readonly string[] Names = ["managed", "mkl"];

    public static INumericsBackend Get(string name) => name switch
    {
        "managed" => NumericsBackend.Managed,
        "mkl" => NumericsBackend.Mkl,
        _ => throw new ArgumentException($"unknown back-end {name}", nameof(name)),
    };

    public static TheoryData<string> All => new(Names);
}
