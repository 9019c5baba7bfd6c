namespace NeuroRnn.Numerics;

/// <summary>
/// Chooses the process-wide numerics back-end.
/// <para>Precedence: a code-level <see cref="Use"/> call, then the environment variable
/// <c>NEURORNN_BACKEND</c> (<c>mkl</c>, <c>managed</c> or <c>auto</c>; case-insensitive), then automatic choice: MKL when
/// libmkl_rt loads, otherwise the managed back-end with a one-line notice on stderr saying how to install MKL.</para>
/// <para>Asking for MKL explicitly when it cannot load throws <see cref="MklNotAvailableException"/>; an invalid
/// environment value throws <see cref="InvalidOperationException"/> naming the variable.</para>
/// <para>MathNet.Numerics matrix products are <b>not</b> rerouted automatically (that would silently change global
/// MathNet state); call <see cref="RouteMathNetProducts"/> to run them on the current back-end.</para>
/// </summary>
public static class NumericsBackend
{
    /// <summary>Name of the environment variable that selects the back-end.</summary>
    public const string EnvironmentVariable = "NEURORNN_BACKEND";

    private static readonly object Gate = new();
    private static readonly Lazy<ManagedBackend> ManagedInstance = new(() => new ManagedBackend());
    private static MklBackend? _mkl;
    private static string? _mklFailure;
    private static bool _mklProbed;
    private static INumericsBackend? _current;
    private static bool _noticeWritten;

    /// <summary>The active back-end, chosen on first use (see the class remarks for the rules).</summary>
    /// <exception cref="MklNotAvailableException">NEURORNN_BACKEND=mkl but MKL cannot be loaded.</exception>
    /// <exception cref="InvalidOperationException">NEURORNN_BACKEND has a value other than mkl, managed or auto.</exception>
    public static INumericsBackend Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is not null) return current;
            lock (Gate)
            {
                _current ??= Resolve(ParseKind(Environment.GetEnvironmentVariable(EnvironmentVariable)), fromEnvironment: true);
                return _current;
            }
        }
    }

    /// <summary>
    /// Selects the back-end for the whole process, overriding NEURORNN_BACKEND. <see cref="BackendKind.Auto"/>
    /// re-runs the automatic choice (ignoring the environment variable).
    /// </summary>
    /// <returns>The back-end now active.</returns>
    /// <exception cref="MklNotAvailableException"><paramref name="kind"/> is <see cref="BackendKind.Mkl"/> and libmkl_rt cannot be loaded.</exception>
    public static INumericsBackend Use(BackendKind kind)
    {
        lock (Gate)
        {
            var chosen = Resolve(kind, fromEnvironment: false);
            Volatile.Write(ref _current, chosen);
            return chosen;
        }
    }

    /// <summary>Returns to the default: the next <see cref="Current"/> reads NEURORNN_BACKEND again.</summary>
    public static void Reset()
    {
        lock (Gate) Volatile.Write(ref _current, null);
    }

    /// <summary>True when libmkl_rt loads and exports everything the MKL back-end calls.</summary>
    public static bool IsMklAvailable => ProbeMkl() is not null;

    /// <summary>Why MKL is not available, or null when it is.</summary>
    public static string? MklUnavailableReason
    {
        get
        {
            ProbeMkl();
            return _mklFailure;
        }
    }

    /// <summary>The MKL back-end (shared; MKL's settings are process-wide).</summary>
    /// <exception cref="MklNotAvailableException">libmkl_rt cannot be loaded.</exception>
    public static MklBackend Mkl => ProbeMkl() ?? throw new MklNotAvailableException(_mklFailure ?? "unknown reason");

    /// <summary>The shared managed back-end.</summary>
    public static ManagedBackend Managed => ManagedInstance.Value;

    /// <summary>
    /// Makes MathNet.Numerics dense <c>Matrix&lt;double&gt;</c>/<c>Matrix&lt;float&gt;</c> products run on
    /// <see cref="Current"/> (MKL when active) by installing a forwarding provider as
    /// <c>MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider</c>. All other MathNet operations
    /// keep using MathNet's managed provider. Dispose the result to restore the previous provider.
    /// </summary>
    public static IDisposable RouteMathNetProducts() => MathNetProductRouting.Install(Current);

    /// <summary>Parses a NEURORNN_BACKEND value; null or blank means automatic.</summary>
    /// <exception cref="InvalidOperationException">The value is not mkl, managed or auto.</exception>
    internal static BackendKind ParseKind(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return BackendKind.Auto;
        return value.Trim().ToLowerInvariant() switch
        {
            "mkl" => BackendKind.Mkl,
            "managed" => BackendKind.Managed,
            "auto" => BackendKind.Auto,
            _ => throw new InvalidOperationException(
                $"Environment variable {EnvironmentVariable} is '{value}', which is not a numerics back-end; " +
                "use 'mkl', 'managed' or 'auto' (or leave it unset for automatic choice)."),
        };
    }

    /// <summary>Loads MKL from explicit candidate names (used by tests to simulate a missing library).</summary>
    /// <exception cref="MklNotAvailableException">None of the names loads.</exception>
    internal static MklBackend LoadMkl(IReadOnlyList<string> libraryNames)
    {
        var native = MklNative.TryLoad(libraryNames, out var failure);
        return native is null ? throw new MklNotAvailableException(failure) : new MklBackend(native);
    }

    private static MklBackend? ProbeMkl()
    {
        lock (Gate)
        {
            if (!_mklProbed)
            {
                var native = MklNative.TryLoad(MklNative.DefaultLibraryNames, out var failure);
                _mkl = native is null ? null : new MklBackend(native);
                _mklFailure = native is null ? failure : null;
                _mklProbed = true;
            }
            return _mkl;
        }
    }

    private static INumericsBackend Resolve(BackendKind kind, bool fromEnvironment)
    {
        switch (kind)
        {
            case BackendKind.Managed:
                return Managed;
            case BackendKind.Mkl:
                return ProbeMkl() ?? throw new MklNotAvailableException(
                    (_mklFailure ?? "unknown reason") + (fromEnvironment ? $"; requested by {EnvironmentVariable}=mkl" : ""));
            default:
                var mkl = ProbeMkl();
                var chosen = ChooseAutomatically(mkl, _mklFailure, _noticeWritten ? TextWriter.Null : Console.Error);
                _noticeWritten |= mkl is null;
                return chosen;
        }
    }

    /// <summary>
    /// Automatic choice: MKL when it loaded, otherwise the managed back-end with a one-line notice on
    /// <paramref name="notice"/> saying how to install MKL.
    /// </summary>
    internal static INumericsBackend ChooseAutomatically(MklBackend? mkl, string? mklFailure, TextWriter notice)
    {
        if (mkl is not null) return mkl;
        notice.WriteLine(
            $"NeuroRnn: MKL not found ({mklFailure}); using the slower managed numerics back-end. " +
            "To use MKL: sudo apt-get install libmkl-rt (Debian non-free component).");
        return Managed;
    }
}
