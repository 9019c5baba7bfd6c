using MathNet.Numerics.Providers.LinearAlgebra;

namespace NeuroRnn.Numerics;

/// <summary>Installs and removes <see cref="BackendLinearAlgebraProvider"/> as MathNet's global provider.</summary>
internal static class MathNetProductRouting
{
    private static readonly object Gate = new();

    /// <summary>Routes MathNet products to <paramref name="backend"/>; disposing restores the previous provider.</summary>
    public static IDisposable Install(INumericsBackend backend)
    {
        lock (Gate)
        {
            var previous = LinearAlgebraControl.Provider;
            // Forward the non-product members to whatever was not one of our routers, so nesting does not chain routers.
            var fallback = previous is BackendLinearAlgebraProvider router ? router.Fallback : previous;
            LinearAlgebraControl.Provider = new BackendLinearAlgebraProvider(backend, fallback);
            return new Restorer(previous);
        }
    }

    private sealed class Restorer(ILinearAlgebraProvider previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            lock (Gate) LinearAlgebraControl.Provider = previous;
        }
    }
}
