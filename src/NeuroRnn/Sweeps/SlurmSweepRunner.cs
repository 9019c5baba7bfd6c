using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NeuroRnn.Sweeps;

/// <summary>
/// Runs a sweep on a Slurm cluster as one job array: <see cref="Submit"/> writes a job script (resources, partition,
/// account, modules and set-up from the spec) whose array task I runs <c>neurornn sweep run-one SPEC --index I</c>,
/// for exactly the runs not yet completed (and not queued or running), so submitting again resubmits only what was
/// interrupted (pre-empted, cancelled, out of time) or, on request, failed. <see cref="Status"/> combines
/// <c>squeue</c> with the state files the runs write themselves (no accounting daemon needed), <see cref="Wait"/> polls
/// until nothing is queued or running, <see cref="Cancel"/> runs <c>scancel</c> on the sweep's jobs.
/// </summary>
public static class SlurmSweepRunner
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Submits the runs that need running; returns the submission, or null when nothing needs it.</summary>
    /// <exception cref="SweepSpecException">The spec is invalid (nothing submitted).</exception>
    /// <exception cref="SlurmUnavailableException">sbatch or squeue is missing (nothing submitted) or sbatch failed.</exception>
    public static SlurmSubmission? Submit(SweepSpec spec, SlurmRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new SlurmRunnerOptions();
        spec.Expand();
        SlurmCommands.Require("sbatch", "squeue");
        string command = spec.Slurm.Command ?? options.ToolCommand
            ?? throw new SweepSpecException("slurm.command", "is not set and the caller gave no tool command; set it to how the compute nodes run NeuroRnn (e.g. \"neurornn\")");
        var status = Status(spec);
        var indices = status.Runs
            .Where(r => r.State is SweepRunState.Pending or SweepRunState.Interrupted || r.State == SweepRunState.Failed && options.RetryFailed)
            .Select(r => r.Run.Index).ToArray();
        if (indices.Length == 0) return null;
        if (options.RetryFailed)
            foreach (var r in status.Runs.Where(r => r.State == SweepRunState.Failed && r.Record is not null))
                r.Record!.With(SweepRunState.Interrupted).Write(r.Run.Folder); // so run-one retries it

        Directory.CreateDirectory(Path.Combine(spec.OutputDirectory, "slurm"));
        string specCopy = SweepFolder.WriteSpecCopy(spec);
        var submissions = Submissions(spec).ToList();
        string scriptPath = Path.Combine(spec.OutputDirectory, "slurm", $"array-{submissions.Count + 1}.sh");
        File.WriteAllText(scriptPath, Script(spec, indices, command, specCopy));
        string output = SlurmCommands.Run("sbatch", ["--parsable", scriptPath]);
        string jobId = output.Trim().Split(';')[0];
        if (jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
            throw new SlurmUnavailableException("sbatch", $"sbatch printed \"{output.Trim()}\" instead of a job id.");
        var submission = new SlurmSubmission(jobId, indices, DateTime.UtcNow, scriptPath);
        submissions.Add(submission);
        File.WriteAllText(Path.Combine(spec.OutputDirectory, SweepRunFiles.SlurmJobs), JsonSerializer.Serialize(submissions, Json));
        return submission;
    }

    /// <summary>The job script for <paramref name="indices"/>: <c>#SBATCH</c> lines, modules, set-up, then run-one.</summary>
    public static string Script(SweepSpec spec, IReadOnlyList<int> indices, string command, string specPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(indices);
        var r = spec.Resources;
        var s = spec.Slurm;
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash");
        text.AppendLine($"# NeuroRnn sweep \"{spec.Name}\" ({spec.Kind}): {indices.Count} array tasks, one run each. Generated; resubmit with `neurornn sweep run SPEC --runner slurm`.");
        text.AppendLine($"#SBATCH --job-name={spec.Name}");
        text.AppendLine($"#SBATCH --array={ArrayRanges(indices)}{(s.MaxConcurrent is { } m ? $"%{m}" : "")}");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={r.Threads}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --mem={r.MemoryMb}M"));
        // Slurm counts whole minutes (it would round seconds up itself); the script says what it will apply.
        text.AppendLine($"#SBATCH --time={SweepSpecJson.FormatWallTime(TimeSpan.FromMinutes(Math.Ceiling(r.WallTime.TotalMinutes)))}");
        text.AppendLine($"#SBATCH --output={Path.Combine(spec.OutputDirectory, "slurm", "%A_%a.out")}");
        // Pre-empted tasks go back to the queue; the run resumes its checkpoint.
        text.AppendLine("#SBATCH --requeue");
        if (s.Partition is { } p) text.AppendLine($"#SBATCH --partition={p}");
        if (s.Account is { } a) text.AppendLine($"#SBATCH --account={a}");
        if (s.Qos is { } q) text.AppendLine($"#SBATCH --qos={q}");
        foreach (var d in s.Directives) text.AppendLine($"#SBATCH {d}");
        text.AppendLine("set -eo pipefail");
        foreach (var module in s.Modules) text.AppendLine($"module load {module}");
        foreach (var line in s.Setup) text.AppendLine(line);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"export MKL_NUM_THREADS={r.Threads} OMP_NUM_THREADS={r.Threads}"));
        text.AppendLine($"exec {command} sweep run-one {Quote(specPath)} --index \"$SLURM_ARRAY_TASK_ID\"");
        return text.ToString();
    }

    /// <summary>The sweep's status, with the queue's view of its array tasks.</summary>
    /// <exception cref="SlurmUnavailableException">squeue is missing or failed.</exception>
    public static SweepStatus Status(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var jobs = Submissions(spec).Select(j => j.JobId).ToHashSet();
        var queued = new Dictionary<int, SweepRunState>();
        if (jobs.Count > 0)
        {
            SlurmCommands.Require("squeue");
            // -r: one line per array task; %F array job id, %K array task id, %T state. No accounting daemon needed.
            string output = SlurmCommands.Run("squeue", ["-h", "-r", "-u", Environment.UserName, "-o", "%F|%K|%T"]);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Trim().Split('|');
                if (parts.Length != 3 || !jobs.Contains(parts[0]) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out int index)) continue;
                queued[index] = parts[2] is "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "CONFIGURING" ? SweepRunState.Queued : SweepRunState.Running;
            }
        }
        return SweepStatus.Read(spec, queued);
    }

    /// <summary>Polls until no run is queued or running; <paramref name="progress"/> sees every poll.</summary>
    public static SweepStatus Wait(SweepSpec spec, SlurmRunnerOptions? options = null, Action<SweepStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new SlurmRunnerOptions();
        while (true)
        {
            var status = Status(spec);
            progress?.Invoke(status);
            if (status.Idle || cancellationToken.IsCancellationRequested) return status;
            cancellationToken.WaitHandle.WaitOne(options.PollInterval);
        }
    }

    /// <summary>Cancels every job of the sweep (scancel); the runs keep their checkpoints. Returns the job ids.</summary>
    public static IReadOnlyList<string> Cancel(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var jobs = Submissions(spec).Select(j => j.JobId).Distinct().ToArray();
        if (jobs.Length == 0) return [];
        SlurmCommands.Require("scancel");
        SlurmCommands.Run("scancel", jobs);
        return jobs;
    }

    /// <summary>Cancels one array task (run <paramref name="index"/>) of the sweep's jobs.</summary>
    public static void CancelRun(SweepSpec spec, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SlurmCommands.Require("scancel");
        foreach (var job in Submissions(spec).Where(j => j.Indices.Contains(index)))
            SlurmCommands.Run("scancel", [$"{job.JobId}_{index.ToString(CultureInfo.InvariantCulture)}"]);
    }

    /// <summary>The sweep's submissions so far (from <c>OUTPUT/slurm-jobs.json</c>).</summary>
    public static IReadOnlyList<SlurmSubmission> Submissions(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string path = Path.Combine(spec.OutputDirectory, SweepRunFiles.SlurmJobs);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<SlurmSubmission>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    /// <summary>"0-3,5,7-9" for Slurm's --array.</summary>
    internal static string ArrayRanges(IReadOnlyList<int> indices)
    {
        var sorted = indices.Distinct().Order().ToArray();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
