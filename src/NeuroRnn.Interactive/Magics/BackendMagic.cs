using NeuroRnn.Numerics;

namespace NeuroRnn.Interactive.Magics;

/// <summary><c>#!backend</c>: shows the numerics back-end (MKL or managed), its version, threads and instruction set.</summary>
internal static class BackendMagic
{
    public static MagicDefinition Definition { get; } = new(
        "#!backend",
        "Shows the numerics back-end (MKL or managed), MKL version, threads and instruction set: #!backend",
        [],
        call =>
        {
            call.Display(NumericsEnvironment.Format(NumericsEnvironment.Describe(NumericsBackend.Current)));
            return Task.CompletedTask;
        });
}
