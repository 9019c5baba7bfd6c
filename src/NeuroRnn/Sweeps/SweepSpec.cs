using System.Security.Cryptography;
using System.Text;

namespace NeuroRnn.Sweeps;

/// <summary>
/// A parameter sweep: which job kind to run, which parameter values (a Cartesian <see cref="Grid"/>, optionally times a
/// <see cref="List"/> of explicit settings, plus <see cref="Fixed"/> values), which seeds, what each run needs and where
/// results go. Read from JSON with <see cref="SweepSpecJson.Load"/>; <see cref="Expand"/> lists the runs and rejects
/// unknown parameter names, wrongly typed values and empty grids, naming the field.
/// <code>
/// var spec = new SweepSpec { Kind = "train-task", Output = "out/sweep",
///     Fixed = new Dictionary&lt;string, SweepValue&gt; { ["task"] = SweepValue.String("addition") },
///     Grid = new Dictionary&lt;string, IReadOnlyList&lt;SweepValue&gt;&gt; { ["units"] = [SweepValue.Number(8), SweepValue.Number(16)] },
///     Seeds = [1, 2, 3] };
/// </code>
/// </summary>
public sealed record SweepSpec
{
    /// <summary>Name of the sweep (the Slurm job name). Default "sweep".</summary>
    public string Name { get; init; } = "sweep";

    /// <summary>Job kind (<see cref="SweepJobs.Names"/>: <c>fit-recording</c>, <c>train-task</c>, or a registered one).</summary>
    public string Kind { get; init; } = "";

    /// <summary>Values every run shares.</summary>
    public IReadOnlyDictionary<string, SweepValue> Fixed { get; init; } = new Dictionary<string, SweepValue>();

    /// <summary>Parameters swept over all combinations (each list non-empty).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SweepValue>> Grid { get; init; } = new Dictionary<string, IReadOnlyList<SweepValue>>();

    /// <summary>Explicit settings (each a set of values), combined with every grid point; empty: the grid alone.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, SweepValue>> List { get; init; } = [];

    /// <summary>Seeds; every setting runs once per seed (innermost). Default [1].</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1];

    /// <summary>Threads, memory and wall time per run.</summary>
    public SweepResources Resources { get; init; } = new();

    /// <summary>Cluster specifics for the Slurm runner.</summary>
    public SlurmSettings Slurm { get; init; } = new();

    /// <summary>Output folder (relative: to <see cref="BaseDirectory"/>); runs go to <c>OUTPUT/runs/RUN-ID/</c>.</summary>
    public string Output { get; init; } = "";

    /// <summary>Save a checkpoint every this many iterations (an interrupted run loses at most this many). Default 5.</summary>
    public int CheckpointEvery { get; init; } = 5;

    /// <summary>Folder relative paths are resolved against: the spec file's folder, or the current folder when built in code.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The spec file this spec was read from, if any (named in errors; given to Slurm array tasks).</summary>
    public string? SourceFile { get; init; }

    /// <summary>Absolute output folder.</summary>
    public string OutputDirectory => Path.GetFullPath(Path.Combine(BaseDirectory, Output));

    /// <summary>
    /// The runs, in order: every list entry × every grid point (the last grid parameter varying fastest) × every seed.
    /// </summary>
    /// <exception cref="SweepSpecException">Unknown kind or parameter name, a value of the wrong type, an empty grid or
    /// seed list, a parameter given twice, a required parameter missing, or invalid resources (the message names the field).</exception>
    public IReadOnlyList<SweepRun> Expand()
    {
        try
        {
            return ExpandChecked();
        }
        catch (SweepSpecException e) when (SourceFile is not null && e.File is null)
        {
            throw e.InFile(SourceFile);
        }
    }

    /// <summary>The job kind of this spec.</summary>
    /// <exception cref="SweepSpecException">Unknown kind.</exception>
    public ISweepJob Job() => string.IsNullOrWhiteSpace(Kind)
        ? throw new SweepSpecException("kind", $"is missing; known kinds: {string.Join(", ", SweepJobs.Names)}")
        : SweepJobs.TryFind(Kind) ?? throw new SweepSpecException("kind", $"\"{Kind}\" is not a known job kind; known kinds: {string.Join(", ", SweepJobs.Names)}");

    /// <summary>Every parameter of run <paramref name="run"/>: its setting over the kind's defaults.</summary>
    public IReadOnlyDictionary<string, SweepValue> Resolve(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var resolved = new SortedDictionary<string, SweepValue>(StringComparer.Ordinal);
        foreach (var p in Job().Parameters) if (p.Default is not null) resolved[p.Name] = p.Default;
        foreach (var (k, v) in run.Setting) resolved[k] = v;
        return resolved;
    }

    private IReadOnlyList<SweepRun> ExpandChecked()
    {
        var job = Job();
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(c => char.IsWhiteSpace(c) || c == '/'))
            throw new SweepSpecException("name", $"must be a non-empty name without spaces or '/', got \"{Name}\"");
        if (string.IsNullOrWhiteSpace(Output)) throw new SweepSpecException("output", "is missing; give the folder the runs are written to");
        if (CheckpointEvery < 1) throw new SweepSpecException("checkpoint_every", $"must be ≥ 1, got {CheckpointEvery}");
        (Resources ?? throw new SweepSpecException("resources", "is null")).Validate();
        (Slurm ?? throw new SweepSpecException("slurm", "is null")).Validate();
        if (Seeds is null || Seeds.Count == 0) throw new SweepSpecException("seeds", "is empty; give at least one seed");
        if (Seeds.Distinct().Count() != Seeds.Count) throw new SweepSpecException("seeds", $"lists a seed twice ({string.Join(", ", Seeds)})");

        var known = job.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        SweepParameter Known(string name, string field) => name == "seed"
            ? throw new SweepSpecException(field, "cannot be set here; list the seeds in \"seeds\"")
            : known.TryGetValue(name, out var p) ? p
            : throw new SweepSpecException(field, $"is not a parameter of kind \"{job.Name}\"; its parameters: {string.Join(", ", known.Keys)}");

        foreach (var (name, value) in Fixed) Known(name, $"fixed.{name}").Check(value, $"fixed.{name}");
        if (Grid.Count == 0 && List.Count == 0 && Seeds.Count == 1)
            throw new SweepSpecException("grid", "is empty (and there is no list and a single seed); a sweep needs at least one parameter with values");
        foreach (var (name, values) in Grid)
        {
            var p = Known(name, $"grid.{name}");
            if (values is null || values.Count == 0) throw new SweepSpecException($"grid.{name}", "is an empty list of values");
            for (int i = 0; i < values.Count; i++) p.Check(values[i], $"grid.{name}[{i}]");
            if (values.Select(v => v.Text).Distinct().Count() != values.Count) throw new SweepSpecException($"grid.{name}", "lists a value twice");
            if (Fixed.ContainsKey(name)) throw new SweepSpecException($"grid.{name}", "is also in \"fixed\"");
        }
        for (int i = 0; i < List.Count; i++)
        {
            if (List[i].Count == 0) throw new SweepSpecException($"list[{i}]", "is an empty setting");
            foreach (var (name, value) in List[i])
            {
                Known(name, $"list[{i}].{name}").Check(value, $"list[{i}].{name}");
                if (Fixed.ContainsKey(name) || Grid.ContainsKey(name)) throw new SweepSpecException($"list[{i}].{name}", "is also in \"fixed\" or \"grid\"");
            }
        }

        var settings = new List<SortedDictionary<string, SweepValue>>();
        var entries = List.Count == 0 ? [new Dictionary<string, SweepValue>()] : List;
        var gridNames = Grid.Keys.ToArray();
        foreach (var entry in entries)
        {
            foreach (var point in Cartesian(gridNames.Select(n => Grid[n]).ToArray()))
            {
                var s = new SortedDictionary<string, SweepValue>(StringComparer.Ordinal);
                foreach (var (k, v) in Fixed) s[k] = v;
                foreach (var (k, v) in entry) s[k] = v;
                for (int g = 0; g < gridNames.Length; g++) s[gridNames[g]] = point[g];
                settings.Add(s);
            }
        }
        foreach (var p in job.Parameters.Where(p => p.Required))
            if (settings.FirstOrDefault(s => !s.ContainsKey(p.Name)) is not null)
                throw new SweepSpecException($"fixed.{p.Name}", $"is required by kind \"{job.Name}\" ({p.Description}) but not given");

        var runs = new List<SweepRun>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string root = Path.Combine(OutputDirectory, SweepRunFiles.RunsFolder);
        foreach (var setting in settings)
            foreach (int seed in Seeds)
            {
                string id = RunId(job.Name, setting, seed);
                if (!ids.Add(id)) throw new SweepSpecException("list", $"gives the same setting twice ({string.Join(", ", setting.Select(p => $"{p.Key}={p.Value.Text}"))})");
                runs.Add(new SweepRun(runs.Count, id, setting, seed, Path.Combine(root, id)));
            }
        return runs;
    }

    /// <summary>
    /// The stable id of a run: the kind, the sorted "name=value" pairs and the seed, hashed (SHA-256, first 12 hex digits),
    /// after a readable prefix of the kind. Reordering the spec or adding settings leaves existing runs' ids unchanged.
    /// </summary>
    public static string RunId(string kind, IReadOnlyDictionary<string, SweepValue> setting, int seed)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(setting);
        var text = new StringBuilder(kind).Append('\n');
        foreach (var (k, v) in setting.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(k).Append('=').Append(v.Kind).Append(':').Append(v.Text).Append('\n');
        text.Append("seed=").Append(seed);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return $"{kind}-{hash[..12]}";
    }

    private static IEnumerable<SweepValue[]> Cartesian(IReadOnlyList<SweepValue>[] lists)
    {
        var index = new int[lists.Length];
        while (true)
        {
            yield return lists.Select((l, i) => l[index[i]]).ToArray();
            int d = lists.Length - 1;
            while (d >= 0 && ++index[d] == lists[d].Count) index[d--] = 0;
            if (d < 0) yield break;
        }
    }
}
