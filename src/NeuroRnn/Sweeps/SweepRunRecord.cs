using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroRnn.Sweeps;

/// <summary>
/// The state file a run writes itself (<c>state.json</c>): the truth about a run, whatever scheduler ran it (Slurm's
/// accounting may be absent). A file that says <see cref="SweepRunState.Running"/> while no process or queued job runs
/// it means the run was killed: <see cref="SweepStatus"/> reports it as interrupted.
/// </summary>
public sealed record SweepRunRecord
{
    /// <summary>The state the run last wrote.</summary>
    public SweepRunState State { get; init; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Host of the last attempt.</summary>
    public string? Host { get; init; }

    /// <summary>Process id of the last attempt.</summary>
    public int? Pid { get; init; }

    /// <summary>Slurm job id of the last attempt (<c>SLURM_JOB_ID</c>), if it ran under Slurm.</summary>
    public string? SlurmJobId { get; init; }

    /// <summary>Slurm array job id (<c>SLURM_ARRAY_JOB_ID</c>).</summary>
    public string? SlurmArrayJobId { get; init; }

    /// <summary>Slurm array task id (<c>SLURM_ARRAY_TASK_ID</c>).</summary>
    public string? SlurmArrayTaskId { get; init; }

    /// <summary>When the last attempt started (UTC).</summary>
    public DateTime? StartedUtc { get; init; }

    /// <summary>When the last attempt ended (UTC).</summary>
    public DateTime? FinishedUtc { get; init; }

    /// <summary>Wall time of the last attempt in seconds.</summary>
    public double? Seconds { get; init; }

    /// <summary>Wall time of all finished attempts in seconds.</summary>
    public double TotalSeconds { get; init; }

    /// <summary>Iterations completed.</summary>
    public int? Iterations { get; init; }

    /// <summary>
    /// True when the local runner stopped the last attempt at its wall time (<c>resources.wall_time</c>); the run is then
    /// interrupted and the next attempt resumes its checkpoint. (Under Slurm, the scheduler ends such a task.)
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TimedOut { get; init; }

    /// <summary>The error of a failed attempt (the log has the details).</summary>
    public string? Error { get; init; }

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a run's state file; null when it does not exist (or is unreadable mid-replace).</summary>
    public static SweepRunRecord? Read(string runFolder)
    {
        string path = Path.Combine(runFolder, SweepRunFiles.State);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SweepRunRecord>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    internal SweepRunRecord With(SweepRunState state) => this with { State = state };

    internal void Write(string runFolder) => AtomicFile.WriteAllText(Path.Combine(runFolder, SweepRunFiles.State), JsonSerializer.Serialize(this, Json));
}
