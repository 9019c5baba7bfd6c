using NeuroRnn.Sweeps;

namespace NeuroRnn.Tests.Sweeps;

public class SweepSpecTests
{
    private static SweepSpec Parse(string json) => SweepSpecJson.Parse(json, Path.GetTempPath());

    [Fact]
    public void A_grid_times_seeds_expands_in_order_with_stable_ids()
    {
        var spec = Parse("""
            { "kind": "train-task", "fixed": { "task": "addition", "length": 10 },
              "grid": { "units": [8, 16], "optimizer": ["hf", "adam"] }, "seeds": [1, 2, 3], "output": "o" }
            """);
        var runs = spec.Expand();
        Assert.Equal(2 * 2 * 3, runs.Count);
        Assert.Equal(Enumerable.Range(0, 12), runs.Select(r => r.Index));
        // Seeds innermost, the last grid parameter next.
        Assert.Equal([1, 2, 3, 1, 2, 3], runs.Take(6).Select(r => r.Seed));
        Assert.Equal(["hf", "hf", "hf", "adam", "adam", "adam"], runs.Take(6).Select(r => r.Setting["optimizer"].Text));
        Assert.Equal(12, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, r => Assert.StartsWith("train-task-", r.Id));

        // The same settings spelled differently and in another order give the same ids.
        var again = Parse("""
            { "seeds": [3, 2, 1], "output": "elsewhere", "grid": { "optimizer": ["adam", "hf"], "units": [1.6e1, 8.0] },
              "fixed": { "length": 10, "task": "addition" }, "kind": "train-task" }
            """).Expand();
        Assert.Equal(runs.Select(r => r.Id).Order(), again.Select(r => r.Id).Order());
    }

    [Fact]
    public void A_list_combines_with_the_grid_and_resolved_parameters_include_defaults()
    {
        var spec = Parse("""
            { "kind": "fit-recording", "fixed": { "data": "x.npz" }, "grid": { "units": [10, 20] },
              "list": [ { "tau_ms": 50, "bin_ms": 20 }, { "tau_ms": 100, "bin_ms": 10 } ], "output": "o" }
            """);
        var runs = spec.Expand();
        Assert.Equal(4, runs.Count);
        var resolved = spec.Resolve(runs[3]);
        Assert.Equal("100", resolved["tau_ms"].Text);
        Assert.Equal("20", resolved["units"].Text);
        Assert.Equal("squared", resolved["loss"].Text); // a default of the kind
        Assert.Equal(Path.Combine(Path.GetFullPath(Path.GetTempPath()), "o", "runs", runs[0].Id), runs[0].Folder);
    }

    [Theory]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "unitz": [1, 2] }, "output": "o" }""", "grid.unitz", "not a parameter of kind")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [] }, "output": "o" }""", "grid.units", "empty list")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { }, "output": "o" }""", "grid", "is empty")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [10, "big"] }, "output": "o" }""", "grid.units[1]", "not an integer")]
    [InlineData("""{ "kind": "fit-recording", "grid": { "units": [1, 2] }, "output": "o" }""", "fixed.data", "required")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [1, 2] } }""", "output", "missing")]
    [InlineData("""{ "kind": "fit-recordings", "grid": { "units": [1, 2] }, "output": "o" }""", "kind", "not a known job kind")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x", "seed": 3 }, "grid": { "units": [1, 2] }, "output": "o" }""", "fixed.seed", "seeds")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [1, 2] }, "seeds": [], "output": "o" }""", "seeds", "empty")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [1, 2] }, "output": "o", "resources": { "threads": 0 } }""", "resources.threads", "≥ 1")]
    [InlineData("""{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [1, 2] }, "output": "o", "slurm": { "directives": ["constraint=x"] } }""", "slurm.directives[0]", "sbatch option")]
    public void Bad_specs_name_the_field(string json, string field, string problem)
    {
        var e = Assert.Throws<SweepSpecException>(() => Parse(json).Expand());
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("""{ "kind": "fit-recording", "gird": { } }""", "gird")]
    [InlineData("""{ "kind": "fit-recording", "resources": { "cpus": 2 } }""", "resources.cpus")]
    [InlineData("""{ "kind": "fit-recording", "resources": { "wall_time": "soon" } }""", "resources.wall_time")]
    [InlineData("""{ "kind": "fit-recording", "grid": { "units": 5 } }""", "grid.units")]
    [InlineData("""{ "kind": "fit-recording", "grid": { "units": [[5]] } }""", "grid.units[0]")]
    [InlineData("""{ "kind": "fit-recording", "seeds": [1.5] }""", "seeds[0]")]
    [InlineData("""{ "kind": "fit-recording", """, "SPEC")]
    public void Malformed_json_names_the_field(string json, string field)
    {
        var e = Assert.Throws<SweepSpecException>(() => Parse(json));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_spec_file_error_names_the_file_and_nothing_is_written()
    {
        string dir = SweepTestFiles.TempFolder("sweep-spec");
        string path = Path.Combine(dir, "bad.json");
        File.WriteAllText(path, """{ "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "nodes": [1, 2] }, "output": "out" }""");
        var spec = SweepSpecJson.Load(path);
        var e = Assert.Throws<SweepSpecException>(() => LocalSweepRunner.Run(spec));
        Assert.Contains(path, e.Message);
        Assert.Contains("grid.nodes", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")), "a bad spec must not create its output folder");
    }

    [Fact]
    public void Wall_times_and_relative_paths_resolve_as_documented()
    {
        string dir = SweepTestFiles.TempFolder("sweep-spec");
        string path = Path.Combine(dir, "s.json");
        File.WriteAllText(path, """
            { "kind": "fit-recording", "fixed": { "data": "../d.npz" }, "grid": { "units": [1, 2] }, "output": "out/a",
              "resources": { "wall_time": "1-02:03:04", "memory_mb": 500 } }
            """);
        var spec = SweepSpecJson.Load(path);
        Assert.Equal(new TimeSpan(1, 2, 3, 4), spec.Resources.WallTime);
        Assert.Equal("1-02:03:04", SweepSpecJson.FormatWallTime(spec.Resources.WallTime));
        Assert.Equal(Path.Combine(dir, "out", "a"), spec.OutputDirectory);
        // The copy a runner writes keeps the original folder, so ids and paths stay the same.
        var copy = SweepSpecJson.Parse(SweepSpecJson.Serialize(spec, includeBaseDirectory: true), "/");
        Assert.Equal(spec.OutputDirectory, copy.OutputDirectory);
        Assert.Equal(spec.Expand().Select(r => r.Id), copy.Expand().Select(r => r.Id));
        Assert.Equal(spec.Resources, copy.Resources);
    }

    [Fact]
    public void The_slurm_script_asks_for_the_resources_and_runs_one_run_per_array_task()
    {
        var spec = Parse("""
            { "name": "lab-sweep", "kind": "fit-recording", "fixed": { "data": "x" }, "grid": { "units": [1, 2] }, "output": "/scratch/o",
              "resources": { "threads": 4, "memory_mb": 8000, "wall_time": "02:30:00" },
              "slurm": { "partition": "cpu", "account": "neuro-lab", "qos": "short", "modules": ["dotnet/10.0", "intel-mkl/2024"],
                         "setup": ["export DOTNET_ROOT=$HOME/.dotnet"], "directives": ["--constraint=avx2"], "max_concurrent": 50 } }
            """);
        string script = SlurmSweepRunner.Script(spec, [0, 1, 2, 3, 7, 9, 10], "neurornn", "/scratch/o/sweep.json");
        foreach (var line in new[]
        {
            "#SBATCH --job-name=lab-sweep", "#SBATCH --array=0-3,7,9-10%50", "#SBATCH --cpus-per-task=4", "#SBATCH --mem=8000M",
            "#SBATCH --time=02:30:00", "#SBATCH --partition=cpu", "#SBATCH --account=neuro-lab", "#SBATCH --qos=short",
            "#SBATCH --constraint=avx2", "#SBATCH --output=/scratch/o/slurm/%A_%a.out", "module load dotnet/10.0", "module load intel-mkl/2024",
            "export DOTNET_ROOT=$HOME/.dotnet", "export MKL_NUM_THREADS=4 OMP_NUM_THREADS=4",
            "exec neurornn sweep run-one '/scratch/o/sweep.json' --index \"$SLURM_ARRAY_TASK_ID\"",
        })
            Assert.Contains(line + "\n", script);
        // Directives must precede the first command for sbatch to read them.
        Assert.True(script.LastIndexOf("#SBATCH", StringComparison.Ordinal) < script.IndexOf("module load", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_spec_of_the_readme_expands_to_nine_fits_of_the_shipped_data()
    {
        string path = Path.Combine(Path.GetDirectoryName(SweepTestFiles.Data)!, "..", "bench", "sweeps", "v1-size-by-seed.json");
        var spec = SweepSpecJson.Load(path);
        var runs = spec.Expand();
        Assert.Equal(9, runs.Count);
        Assert.Equal(Path.GetFullPath(SweepTestFiles.Data), Path.GetFullPath(Path.Combine(spec.BaseDirectory, spec.Resolve(runs[0])["data"].Text)));
    }

    [Fact]
    public void Registering_a_kind_checks_its_parameters()
    {
        Assert.Throws<ArgumentException>(() => SweepJobs.Register(new StubKind("with space", [])));
        Assert.Throws<ArgumentException>(() => SweepJobs.Register(new StubKind("k", [new("seed", SweepParameterType.Integer, null, "no")])));
        SweepJobs.Register(new StubKind("unit-test-kind", [new("x", SweepParameterType.Number, SweepValue.Number(1), "x")]));
        Assert.Contains("unit-test-kind", SweepJobs.Names);
    }

    private sealed class StubKind(string name, IReadOnlyList<SweepParameter> parameters) : ISweepJob
    {
        public string Name => name;
        public string Description => "test kind";
        public IReadOnlyList<SweepParameter> Parameters => parameters;
        public SweepJobOutcome Run(SweepJobContext context) => new(new Dictionary<string, double> { ["x2"] = 2 * context.Number("x") }, 0);
    }
}
