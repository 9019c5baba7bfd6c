using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroRnn.Sweeps;

/// <summary>
/// Reads and writes sweep specs as JSON:
/// <code>
/// { "name": "v1-size-by-seed", "kind": "fit-recording",
///   "fixed": { "data": "../data/v1-gratings.npz", "iterations": 20 },
///   "grid": { "units": [50, 100] }, "list": [ { "tau_ms": 50 }, { "tau_ms": 100 } ], "seeds": [1, 2, 3],
///   "resources": { "threads": 1, "memory_mb": 2000, "wall_time": "00:30:00" }, "checkpoint_every": 5,
///   "output": "out/v1-sweep",
///   "slurm": { "partition": "cpu", "account": "lab", "qos": null, "modules": ["dotnet/10"], "setup": [],
///              "directives": ["--constraint=avx2"], "command": "neurornn", "max_concurrent": 20 } }
/// </code>
/// Relative paths (output, path parameters) are relative to the spec file. Unknown fields are errors naming them.
/// </summary>
public static class SweepSpecJson
{
    private static readonly string[] TopLevel = ["name", "kind", "fixed", "grid", "list", "seeds", "resources", "checkpoint_every", "output", "slurm", "base_directory"];

    /// <summary>Reads the spec file <paramref name="path"/>.</summary>
    /// <exception cref="SweepSpecException">The file is missing, is not JSON, or a field is invalid (the message names file and field).</exception>
    public static SweepSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new SweepSpecException("SPEC", $"{path} does not exist") { };
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepSpecException("SPEC", $"{path} cannot be read: {e.Message}", e);
        }
        try
        {
            return Parse(text, Path.GetDirectoryName(full)!) with { SourceFile = full };
        }
        catch (SweepSpecException e)
        {
            throw e.InFile(full);
        }
    }

    /// <summary>Parses spec JSON; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="SweepSpecException">Not JSON or an invalid field.</exception>
    public static SweepSpec Parse(string json, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SweepSpecException("SPEC", $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SweepSpecException("SPEC", "must be a JSON object");
            CheckFields(root, "", TopLevel);
            // A copy written by a runner names the original's folder, so relative paths resolve as they did there.
            var spec = new SweepSpec { BaseDirectory = Path.GetFullPath(baseDirectory) };
            if (root.TryGetProperty("base_directory", out var based)) spec = spec with { BaseDirectory = Path.GetFullPath(Path.Combine(baseDirectory, Text(based, "base_directory"))) };
            if (root.TryGetProperty("name", out var name)) spec = spec with { Name = Text(name, "name") };
            if (root.TryGetProperty("kind", out var kind)) spec = spec with { Kind = Text(kind, "kind") };
            if (root.TryGetProperty("output", out var output)) spec = spec with { Output = Text(output, "output") };
            if (root.TryGetProperty("fixed", out var fixedValues)) spec = spec with { Fixed = Setting(fixedValues, "fixed") };
            if (root.TryGetProperty("grid", out var grid))
            {
                if (grid.ValueKind != JsonValueKind.Object) throw new SweepSpecException("grid", "must be an object of parameter → list of values");
                var g = new Dictionary<string, IReadOnlyList<SweepValue>>(StringComparer.Ordinal);
                foreach (var p in grid.EnumerateObject())
                {
                    string field = $"grid.{p.Name}";
                    g[p.Name] = p.Value.ValueKind == JsonValueKind.Array
                        ? p.Value.EnumerateArray().Select((v, i) => SweepValue.FromJson(v, $"{field}[{i}]")).ToArray()
                        : throw new SweepSpecException(field, "must be a list of values (use \"fixed\" for a single value)");
                }
                spec = spec with { Grid = g };
            }
            if (root.TryGetProperty("list", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array) throw new SweepSpecException("list", "must be a list of settings (objects)");
                spec = spec with { List = list.EnumerateArray().Select((e, i) => Setting(e, $"list[{i}]")).ToArray() };
            }
            if (root.TryGetProperty("seeds", out var seeds))
            {
                if (seeds.ValueKind != JsonValueKind.Array) throw new SweepSpecException("seeds", "must be a list of integers");
                spec = spec with { Seeds = seeds.EnumerateArray().Select((e, i) => Int(e, $"seeds[{i}]")).ToArray() };
            }
            if (root.TryGetProperty("checkpoint_every", out var every)) spec = spec with { CheckpointEvery = Int(every, "checkpoint_every") };
            if (root.TryGetProperty("resources", out var resources)) spec = spec with { Resources = Resources(resources) };
            if (root.TryGetProperty("slurm", out var slurm)) spec = spec with { Slurm = Slurm(slurm) };
            return spec;
        }
    }

    /// <summary>The spec as JSON (paths as given); with <paramref name="includeBaseDirectory"/> also the folder they are relative to.</summary>
    public static string Serialize(SweepSpec spec, bool includeBaseDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        static JsonObject Setting(IReadOnlyDictionary<string, SweepValue> s) => new(s.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToJson())));
        static JsonArray Strings(IEnumerable<string> s) => new(s.Select(x => (JsonNode?)x).ToArray());
        var json = new JsonObject
        {
            ["name"] = spec.Name,
            ["kind"] = spec.Kind,
            ["fixed"] = Setting(spec.Fixed),
            ["grid"] = new JsonObject(spec.Grid.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(p.Value.Select(v => (JsonNode?)v.ToJson()).ToArray())))),
            ["list"] = new JsonArray(spec.List.Select(s => (JsonNode?)Setting(s)).ToArray()),
            ["seeds"] = new JsonArray(spec.Seeds.Select(s => (JsonNode?)s).ToArray()),
            ["resources"] = new JsonObject
            {
                ["threads"] = spec.Resources.Threads,
                ["memory_mb"] = spec.Resources.MemoryMb,
                ["wall_time"] = FormatWallTime(spec.Resources.WallTime),
            },
            ["checkpoint_every"] = spec.CheckpointEvery,
            ["output"] = spec.Output,
            ["slurm"] = new JsonObject
            {
                ["partition"] = spec.Slurm.Partition,
                ["account"] = spec.Slurm.Account,
                ["qos"] = spec.Slurm.Qos,
                ["modules"] = Strings(spec.Slurm.Modules),
                ["setup"] = Strings(spec.Slurm.Setup),
                ["directives"] = Strings(spec.Slurm.Directives),
                ["command"] = spec.Slurm.Command,
                ["max_concurrent"] = spec.Slurm.MaxConcurrent,
            },
        };
        if (includeBaseDirectory) json["base_directory"] = spec.BaseDirectory;
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Slurm's time format: <c>D-HH:MM:SS</c> or <c>HH:MM:SS</c>.</summary>
    public static string FormatWallTime(TimeSpan t) => t.Days > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{t.Days}-{t.Hours:00}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Hours:00}:{t.Minutes:00}:{t.Seconds:00}");

    private static SweepResources Resources(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new SweepSpecException("resources", "must be an object");
        CheckFields(e, "resources.", ["threads", "memory_mb", "wall_time"]);
        var r = new SweepResources();
        if (e.TryGetProperty("threads", out var t)) r = r with { Threads = Int(t, "resources.threads") };
        if (e.TryGetProperty("memory_mb", out var m)) r = r with { MemoryMb = Int(m, "resources.memory_mb") };
        if (e.TryGetProperty("wall_time", out var w)) r = r with { WallTime = WallTime(w) };
        return r;
    }

    private static TimeSpan WallTime(JsonElement e)
    {
        const string field = "resources.wall_time";
        if (e.ValueKind == JsonValueKind.Number) return TimeSpan.FromMinutes(e.GetDouble());
        string s = Text(e, field);
        int days = 0;
        string rest = s;
        int dash = s.IndexOf('-');
        if (dash > 0 && int.TryParse(s[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days)) rest = s[(dash + 1)..];
        var parts = rest.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new SweepSpecException(field, $"= \"{s}\" is not a time; write HH:MM:SS, D-HH:MM:SS or a number of minutes");
        var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return n.Length == 3 ? new TimeSpan(days, n[0], n[1], n[2]) : new TimeSpan(days, n[0], n[1], 0);
    }

    private static SlurmSettings Slurm(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new SweepSpecException("slurm", "must be an object");
        CheckFields(e, "slurm.", ["partition", "account", "qos", "modules", "setup", "directives", "command", "max_concurrent"]);
        string? Opt(string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Text(v, $"slurm.{name}") : null;
        IReadOnlyList<string> Strings(string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
            if (v.ValueKind != JsonValueKind.Array) throw new SweepSpecException($"slurm.{name}", "must be a list of strings");
            return v.EnumerateArray().Select((x, i) => Text(x, $"slurm.{name}[{i}]")).ToArray();
        }
        return new SlurmSettings
        {
            Partition = Opt("partition"),
            Account = Opt("account"),
            Qos = Opt("qos"),
            Command = Opt("command"),
            Modules = Strings("modules"),
            Setup = Strings("setup"),
            Directives = Strings("directives"),
            MaxConcurrent = e.TryGetProperty("max_concurrent", out var mc) && mc.ValueKind != JsonValueKind.Null ? Int(mc, "slurm.max_concurrent") : null,
        };
    }

    private static Dictionary<string, SweepValue> Setting(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new SweepSpecException(field, "must be an object of parameter → value");
        var d = new Dictionary<string, SweepValue>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) d[p.Name] = SweepValue.FromJson(p.Value, $"{field}.{p.Name}");
        return d;
    }

    private static void CheckFields(JsonElement e, string prefix, string[] known)
    {
        foreach (var p in e.EnumerateObject())
            if (!known.Contains(p.Name))
                throw new SweepSpecException(prefix + p.Name, $"is not a field of a sweep spec{(prefix.Length > 0 ? $" section \"{prefix.TrimEnd('.')}\"" : "")}; known: {string.Join(", ", known)}");
    }

    private static string Text(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new SweepSpecException(field, $"must be a string, not {e.ValueKind.ToString().ToLowerInvariant()}");

    private static int Int(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) ? v : throw new SweepSpecException(field, $"must be an integer, got {e.GetRawText()}");
}
