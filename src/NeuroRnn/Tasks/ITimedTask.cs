namespace NeuroRnn.Tasks;

/// <summary>
/// A task whose steps have a physical duration: the network that performs it integrates with Dt = <see cref="DtMs"/> ms,
/// and recorded activity is put on a time axis in ms with zero at stimulus onset, as recordings usually are.
/// </summary>
public interface ITimedTask : ITask
{
    /// <summary>Duration of one step in ms.</summary>
    double DtMs { get; }

    /// <summary>Time of stimulus onset after the start of the trial in ms (the zero of recorded time axes).</summary>
    double StimulusOnsetMs { get; }
}
