namespace NeuroRnn.Numerics;

/// <summary>
/// Thrown when the MKL back-end is requested (by <see cref="NumericsBackend.Use"/>, the NEURORNN_BACKEND=mkl
/// environment variable or <see cref="NumericsBackend.Mkl"/>) but libmkl_rt cannot be loaded. The message says how
/// to install it: the Debian package libmkl-rt from the non-free component.
/// </summary>
public sealed class MklNotAvailableException : InvalidOperationException
{
    /// <summary>How to install MKL on Debian, for messages.</summary>
    internal const string InstallHint =
        "Install Intel MKL with `sudo apt-get install libmkl-rt` (Debian package libmkl-rt, in the non-free component: " +
        "add 'non-free' to the Components line of /etc/apt/sources.list.d/debian.sources and run `apt-get update` first)";

    /// <summary>Creates the exception with the reason the library did not load.</summary>
    public MklNotAvailableException(string reason)
        : base($"The MKL numerics back-end was requested but libmkl_rt could not be loaded ({reason}). {InstallHint}, " +
               $"or select the managed back-end with {NumericsBackend.EnvironmentVariable}=managed.")
    {
        Reason = reason;
    }

    /// <summary>Why loading failed (library not found, a function missing, …).</summary>
    public string Reason { get; }
}
