namespace NeuroRnn.Fitting;

/// <summary>How a Dale-constrained fit decides the cell type of recorded units not listed in <see cref="FitConstraints.UnitTypes"/>.</summary>
public enum FreeUnitTyping
{
    /// <summary>
    /// By position: free units fill the excitatory network units left after the listed ones, then the inhibitory ones, so a
    /// free unit's type follows its order in the recording, not the data.
    /// </summary>
    Positional,

    /// <summary>
    /// Decided by the fit: a short warm-up fit without Dale's law (<see cref="FitConstraints.WarmUpIterations"/>, same rate
    /// function and mask), then free units become excitatory in order of their net outgoing weight (the column sum of the
    /// warm-up's recurrent matrix), those with a positive sum first, as far as <see cref="FitConstraints.ExcitatoryFraction"/>
    /// allows; the others inhibitory. The constrained fit then starts afresh with that assignment
    /// (<see cref="RecordingFitResult.ChosenUnitTypes"/>).
    /// </summary>
    FitDecides,
}
