namespace NeuroRnn.Models;

/// <summary>How the recurrent weight matrix W̃ is drawn.</summary>
public enum WeightInitialization
{
    /// <summary>Independent N(0, g²/N) entries (g = <see cref="RateRnnOptions.Gain"/>).</summary>
    Gaussian,
    /// <summary>A random orthogonal matrix (QR of a Gaussian matrix, sign-corrected) scaled by g.</summary>
    Orthogonal,
    /// <summary>
    /// Martens' sparse initialisation: each unit receives <see cref="RateRnnOptions.SparseConnectionCount"/>
    /// incoming N(0, 1) weights (scaled by g), the rest are zero.
    /// </summary>
    Sparse,
}
