using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Numerics;

namespace NeuroRnn.Sweeps;

/// <summary>
/// Runs one run of a sweep in this process — what every runner does per run (the local runner on its worker threads,
/// each Slurm array task through <c>neurornn sweep run-one SPEC --index I</c>). Idempotent: a completed run is left
/// alone; an interrupted one resumes its checkpoint; a run already running elsewhere (its lock is held) is not started
/// twice. Every attempt appends to the run's log and keeps its state file current.
/// </summary>
public static class SweepRunExecutor
{
    private const string LockFile = "run.lock";

    /// <summary>Runs run <paramref name="index"/> of <paramref name="spec"/>; returns its state file as it ends.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="index">The run's index (0-based).</param>
    /// <param name="retryFailed">Also rerun a run whose last attempt failed (otherwise it stays failed).</param>
    /// <param name="cancellationToken">Stops the run between iterations; it is then interrupted, its checkpoint kept.</param>
    /// <exception cref="SweepSpecException">The spec is invalid or <paramref name="index"/> is out of range.</exception>
    public static SweepRunRecord Execute(SweepSpec spec, int index, bool retryFailed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var runs = spec.Expand();
        if (index < 0 || index >= runs.Count) throw new SweepSpecException("--index", $"{index} is out of range: the sweep has {runs.Count} runs (0 … {runs.Count - 1})");
        return Execute(spec, runs[index], retryFailed, cancellationToken);
    }

    /// <summary>Runs <paramref name="run"/> (see the public overload); <paramref name="wallTimeExpired"/> is fired when the
    /// attempt reached its wall time (the local runner's clock): the run stops like a cancelled one but is recorded as timed out.</summary>
    internal static SweepRunRecord Execute(SweepSpec spec, SweepRun run, bool retryFailed, CancellationToken cancellationToken,
        CancellationToken wallTimeExpired = default)
    {
        Directory.CreateDirectory(run.Folder);
        var previous = SweepRunRecord.Read(run.Folder);
        if (previous?.State == SweepRunState.Completed && File.Exists(Path.Combine(run.Folder, SweepRunFiles.Summary))) return previous;
        if (previous?.State == SweepRunState.Failed && !retryFailed) return previous;

        var runLock = TryLock(Path.Combine(run.Folder, LockFile));
        if (runLock is null) return previous ?? new SweepRunRecord { State = SweepRunState.Running };
        using (runLock)
        using (var log = new StreamWriter(Path.Combine(run.Folder, SweepRunFiles.Log), append: true) { AutoFlush = true })
        {
            // Re-read under the lock: another process may have finished the run meanwhile.
            previous = SweepRunRecord.Read(run.Folder);
            if (previous?.State == SweepRunState.Completed && File.Exists(Path.Combine(run.Folder, SweepRunFiles.Summary))) return previous;
            var gate = new object();
            void Log(string line)
            {
                lock (gate) log.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fff}Z {line}");
            }
            var job = spec.Job();
            var parameters = spec.Resolve(run);
            var record = new SweepRunRecord
            {
                State = SweepRunState.Running,
                Attempts = (previous?.Attempts ?? 0) + 1,
                Host = Environment.MachineName,
                Pid = Environment.ProcessId,
                SlurmJobId = Environment.GetEnvironmentVariable("SLURM_JOB_ID"),
                SlurmArrayJobId = Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID"),
                SlurmArrayTaskId = Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"),
                StartedUtc = DateTime.UtcNow,
                TotalSeconds = previous?.TotalSeconds ?? 0,
            };
            WriteInputs(spec, run, parameters);
            record.Write(run.Folder);
            Log($"attempt {record.Attempts} of run {run.Id} (index {run.Index}) on {record.Host}, pid {record.Pid}{(record.SlurmJobId is { } j ? $", Slurm job {j}" : "")}: {job.Name} {run.SettingKey}, seed {run.Seed}");
            var clock = Stopwatch.StartNew();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wallTimeExpired);
            try
            {
                var context = new SweepJobContext(run, parameters, spec.BaseDirectory, spec.Resources.Threads, spec.CheckpointEvery, Log, stop.Token);
                var outcome = job.Run(context);
                double seconds = clock.Elapsed.TotalSeconds;
                if (outcome.Cancelled)
                {
                    bool timedOut = wallTimeExpired.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
                    Log(timedOut
                        ? $"stopped at its wall time ({SweepSpecJson.FormatWallTime(spec.Resources.WallTime)}, resources.wall_time) after {seconds:0.00} s at iteration {outcome.Iterations}; the next attempt resumes the checkpoint"
                        : $"interrupted after {seconds:0.00} s at iteration {outcome.Iterations}; the next attempt resumes the checkpoint");
                    record = record with { State = SweepRunState.Interrupted, TimedOut = timedOut, FinishedUtc = DateTime.UtcNow, Seconds = seconds, TotalSeconds = record.TotalSeconds + seconds, Iterations = outcome.Iterations };
                    record.Write(run.Folder);
                    return record;
                }
                record = record with { State = SweepRunState.Completed, FinishedUtc = DateTime.UtcNow, Seconds = seconds, TotalSeconds = record.TotalSeconds + seconds, Iterations = outcome.Iterations, Error = null };
                WriteSummary(spec, run, parameters, outcome, record);
                record.Write(run.Folder);
                Log(string.Create(CultureInfo.InvariantCulture, $"completed in {seconds:0.00} s: {string.Join(", ", outcome.Metrics.Select(m => $"{m.Key} {m.Value:G6}"))}"));
                return record;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                double seconds = clock.Elapsed.TotalSeconds;
                Log($"failed after {seconds:0.00} s: {e}");
                record = record with { State = SweepRunState.Failed, FinishedUtc = DateTime.UtcNow, Seconds = seconds, TotalSeconds = record.TotalSeconds + seconds, Error = $"{e.GetType().Name}: {e.Message}" };
                record.Write(run.Folder);
                return record;
            }
        }
    }

    /// <summary>
    /// The run's lock, or null when another attempt holds it. Status readers probe the lock for a moment
    /// (<see cref="SweepStatus"/>), so a failed attempt is retried for about a second before giving up.
    /// </summary>
    private static FileStream? TryLock(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 40)
            {
                Thread.Sleep(25);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static void WriteInputs(SweepSpec spec, SweepRun run, IReadOnlyDictionary<string, SweepValue> parameters)
    {
        var json = new JsonObject
        {
            ["id"] = run.Id,
            ["index"] = run.Index,
            ["sweep"] = spec.Name,
            ["kind"] = spec.Kind,
            ["seed"] = run.Seed,
            ["setting"] = Values(run.Setting),
            ["parameters"] = Values(parameters),
            ["spec"] = spec.SourceFile,
            ["threads"] = spec.Resources.Threads,
            ["checkpoint_every"] = spec.CheckpointEvery,
        };
        AtomicFile.WriteAllText(Path.Combine(run.Folder, SweepRunFiles.Inputs), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void WriteSummary(SweepSpec spec, SweepRun run, IReadOnlyDictionary<string, SweepValue> parameters, SweepJobOutcome outcome, SweepRunRecord record)
    {
        var json = new JsonObject
        {
            ["id"] = run.Id,
            ["index"] = run.Index,
            ["sweep"] = spec.Name,
            ["kind"] = spec.Kind,
            ["seed"] = run.Seed,
            ["setting"] = Values(run.Setting),
            ["parameters"] = Values(parameters),
            ["metrics"] = new JsonObject(outcome.Metrics.Select(m => KeyValuePair.Create(m.Key, double.IsFinite(m.Value) ? (JsonNode?)JsonValue.Create(m.Value) : null))),
            ["iterations"] = outcome.Iterations,
            ["timings_s"] = new JsonObject
            {
                ["last_attempt"] = record.Seconds,
                ["all_attempts"] = record.TotalSeconds,
            },
            ["attempts"] = record.Attempts,
            ["host"] = record.Host,
            ["backend"] = NumericsBackend.Current.Description,
            ["completed_utc"] = record.FinishedUtc?.ToString("O"),
        };
        AtomicFile.WriteAllText(Path.Combine(run.Folder, SweepRunFiles.Summary), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonObject Values(IReadOnlyDictionary<string, SweepValue> values) =>
        new(values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToJson())));
}
