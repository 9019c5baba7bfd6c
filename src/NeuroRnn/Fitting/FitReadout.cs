namespace NeuroRnn.Fitting;

/// <summary>How the network's output is compared with the recorded units.</summary>
public enum FitReadout
{
    /// <summary>
    /// Recorded unit k is the rate of a network unit (by default network unit k; see
    /// <see cref="RecordingFitOptions.NetworkUnits"/>): the fitted network contains model counterparts of the recorded cells.
    /// </summary>
    Units,

    /// <summary>Recorded units are a trained linear readout of all network units (a latent-dynamics model).</summary>
    Linear,
}
