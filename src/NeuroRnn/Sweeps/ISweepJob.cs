namespace NeuroRnn.Sweeps;

/// <summary>
/// A kind of job a sweep can run (fit a recording, train a task network, or one a lab registers with
/// <see cref="SweepJobs.Register"/>). A job runs one parameter setting, writes its checkpoint into the run folder every
/// few iterations, resumes from it when it exists, and returns its metrics. It must be deterministic given its parameters
/// and seed, so that an interrupted and resumed run ends exactly where an uninterrupted one does.
/// </summary>
public interface ISweepJob
{
    /// <summary>Kind name used in specs (<c>"kind": "fit-recording"</c>).</summary>
    string Name { get; }

    /// <summary>One line for help and docs.</summary>
    string Description { get; }

    /// <summary>Every parameter the kind accepts; any other name in a spec is an error.</summary>
    IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>Runs (or resumes) one setting; throw <see cref="ArgumentException"/> for a bad parameter value.</summary>
    SweepJobOutcome Run(SweepJobContext context);
}
