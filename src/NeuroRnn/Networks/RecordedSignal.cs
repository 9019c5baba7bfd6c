namespace NeuroRnn.Networks;

/// <summary>Which of a network's signals a recording holds.</summary>
public enum RecordedSignal
{
    /// <summary>The rates r = f(x) of the hidden units (one recording unit per network unit) — the analogue of firing rates.</summary>
    Rates,

    /// <summary>The states x of the hidden units (their input currents).</summary>
    States,

    /// <summary>The outputs after the output nonlinearity (one recording unit per output).</summary>
    Outputs,
}
