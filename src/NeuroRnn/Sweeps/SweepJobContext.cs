using System.Globalization;

namespace NeuroRnn.Sweeps;

/// <summary>
/// What a job gets for one run: its resolved parameters (spec values over the kind's defaults), seed, run folder,
/// checkpoint cadence, thread budget, a log and cancellation.
/// </summary>
public sealed class SweepJobContext
{
    private readonly Action<string> log;

    internal SweepJobContext(SweepRun run, IReadOnlyDictionary<string, SweepValue> parameters, string specDirectory, int threads,
        int checkpointEvery, Action<string> log, CancellationToken cancellationToken)
    {
        Run = run;
        Parameters = parameters;
        SpecDirectory = specDirectory;
        Threads = threads;
        CheckpointEvery = checkpointEvery;
        this.log = log;
        CancellationToken = cancellationToken;
    }

    /// <summary>The run (index, id, seed, folder).</summary>
    public SweepRun Run { get; }

    /// <summary>Every parameter of the kind, resolved.</summary>
    public IReadOnlyDictionary<string, SweepValue> Parameters { get; }

    /// <summary>Folder of the spec file (relative paths are relative to it).</summary>
    public string SpecDirectory { get; }

    /// <summary>MKL threads for this run.</summary>
    public int Threads { get; }

    /// <summary>Save a checkpoint at least every this many iterations.</summary>
    public int CheckpointEvery { get; }

    /// <summary>Cancels the run between iterations.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The run's checkpoint file (may not exist yet).</summary>
    public string CheckpointPath => Path.Combine(Run.Folder, SweepRunFiles.Checkpoint);

    /// <summary>The run's per-iteration statistics file.</summary>
    public string StatisticsPath => Path.Combine(Run.Folder, SweepRunFiles.Statistics);

    /// <summary>Appends a line to the run's log.</summary>
    public void Log(string line) => log(line);

    /// <summary>Integer parameter <paramref name="name"/>.</summary>
    public int Integer(string name) => (int)double.Parse(Value(name).Text, CultureInfo.InvariantCulture);

    /// <summary>Number parameter <paramref name="name"/>.</summary>
    public double Number(string name) => double.Parse(Value(name).Text, CultureInfo.InvariantCulture);

    /// <summary>Boolean parameter <paramref name="name"/>.</summary>
    public bool Boolean(string name) => Value(name).Text == "true";

    /// <summary>Text parameter <paramref name="name"/>.</summary>
    public string Text(string name) => Value(name).Text;

    /// <summary>Path parameter <paramref name="name"/>, made absolute against <see cref="SpecDirectory"/>.</summary>
    public string FilePath(string name) => Path.GetFullPath(Path.Combine(SpecDirectory, Value(name).Text));

    /// <summary>Whether the spec or the kind's defaults give <paramref name="name"/> a value.</summary>
    public bool Has(string name) => Parameters.ContainsKey(name);

    /// <summary>Integer parameter <paramref name="name"/>, or null when neither the spec nor a default sets it.</summary>
    public int? OptionalInteger(string name) => Has(name) ? Integer(name) : null;

    /// <summary>Number parameter <paramref name="name"/>, or null when neither the spec nor a default sets it.</summary>
    public double? OptionalNumber(string name) => Has(name) ? Number(name) : null;

    private SweepValue Value(string name) => Parameters.TryGetValue(name, out var v) ? v
        : throw new ArgumentException($"Parameter '{name}' is required by kind but not given in the spec.", name);
}
