namespace NeuroRnn.Numerics;

/// <summary>Which numerics back-end <see cref="NumericsBackend.Current"/> uses.</summary>
public enum BackendKind
{
    /// <summary>MKL when libmkl_rt loads, otherwise managed (with a one-line notice on stderr).</summary>
    Auto,
    /// <summary>Intel MKL through libmkl_rt; selecting it fails with <see cref="MklNotAvailableException"/> when it cannot load.</summary>
    Mkl,
    /// <summary>The portable managed back-end (<see cref="ManagedBackend"/>).</summary>
    Managed,
}
