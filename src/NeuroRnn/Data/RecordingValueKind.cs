namespace NeuroRnn.Data;

/// <summary>What the numbers in a <see cref="Recording"/> mean.</summary>
public enum RecordingValueKind
{
    /// <summary>Spike counts per time bin.</summary>
    Counts,
    /// <summary>Firing rates in spikes per second.</summary>
    RatesHz,
    /// <summary>Normalised or transformed values (z-scores, soft-normalised rates, model activity).</summary>
    Normalized,
    /// <summary>Anything else (fluorescence, model units, …).</summary>
    Other,
}
