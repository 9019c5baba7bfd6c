using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Data;
using NeuroRnn.Numerics;
using NeuroRnn.Sweeps;
using Spectre.Console;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn sweep run|status|gather|cancel SPEC [--runner local|slurm]</c> and <c>sweep run-one SPEC --index I</c>
/// (what each Slurm array task runs): a thin binder over <see cref="LocalSweepRunner"/>, <see cref="SlurmSweepRunner"/>,
/// <see cref="SweepStatus"/> and <see cref="SweepTable"/>.
/// </summary>
internal static class SweepCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var command = new Command("sweep", "Parameter sweeps (many fits or trainings) on this machine or as a Slurm job array, gathered into one table.");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateStatus());
        command.Subcommands.Add(CreateGather());
        command.Subcommands.Add(CreateCancel());
        command.Subcommands.Add(CreateRunOne());
        command.Subcommands.Add(CreateKinds());
        return command;
    }

    private static Argument<string> Spec() => new("SPEC") { Description = "Sweep spec (JSON; see `neurornn sweep kinds` for job kinds and their parameters)" };

    private static Option<string> Runner() => new("--runner")
    {
        Description = "local (this machine, as many runs at once as cores allow) or slurm (sbatch --array)",
        DefaultValueFactory = _ => "local",
    };

    private static Command CreateRun()
    {
        var spec = Spec();
        var runner = Runner();
        var retry = new Option<bool>("--retry-failed") { Description = "Also rerun runs whose last attempt failed" };
        var concurrent = new Option<int?>("--max-concurrent") { Description = "Local runner: runs at once (default: cores / threads per run)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Slurm runner: submit and return without polling" };
        var command = new Command("run", "Run every run not yet completed (completed runs are never redone; interrupted ones resume their checkpoints).")
        {
            spec, runner, retry, concurrent, noWait,
        };
        command.SetAction((parse, token) => Task.FromResult(Guard("run", () =>
        {
            var s = SweepSpecJson.Load(parse.GetValue(spec)!);
            string kind = RunnerName(parse.GetValue(runner)!);
            var runs = s.Expand();
            SweepStatus final;
            if (kind == "local")
            {
                var options = new LocalRunnerOptions { RetryFailed = parse.GetValue(retry), MaxConcurrent = parse.GetValue(concurrent) };
                Console.WriteLine($"sweep {s.Name}: {runs.Count} runs of {s.Kind} on this machine ({options.MaxConcurrent ?? Math.Max(1, Environment.ProcessorCount / s.Resources.Threads)} at once, {s.Resources.Threads} thread(s) each) → {s.OutputDirectory}");
                final = Live(progress => LocalSweepRunner.Run(s, options, progress, token));
            }
            else
            {
                var options = new SlurmRunnerOptions { RetryFailed = parse.GetValue(retry), ToolCommand = ToolCommand() };
                var submission = SlurmSweepRunner.Submit(s, options);
                Console.WriteLine(submission is null
                    ? $"sweep {s.Name}: nothing to submit (every run is completed, failed, queued or running)"
                    : $"sweep {s.Name}: submitted Slurm array job {submission.JobId} with {submission.Indices.Count} of {runs.Count} runs ({submission.Script})");
                if (parse.GetValue(noWait)) return 0;
                final = Live(progress => SlurmSweepRunner.Wait(s, options, progress, token));
            }
            return Report(final);
        })));
        return command;
    }

    private static Command CreateStatus()
    {
        var spec = Spec();
        var runner = AutoRunner();
        var watch = new Option<bool>("--watch") { Description = "Keep showing the status until no run is queued or running" };
        var command = new Command("status", "Show every run's state (from the run folders and, for Slurm, squeue).") { spec, runner, watch };
        command.SetAction((parse, token) => Task.FromResult(Guard("status", () =>
        {
            var s = SweepSpecJson.Load(parse.GetValue(spec)!);
            SweepStatus Read() => ReadStatus(s, parse.GetValue(runner)!);
            var status = parse.GetValue(watch)
                ? Live(progress =>
                {
                    while (true)
                    {
                        var st = Read();
                        progress(st);
                        if (st.Idle || token.IsCancellationRequested) return st;
                        token.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));
                    }
                })
                : Read();
            if (!parse.GetValue(watch)) Show(SweepTable.Gather(status), 3, $"{status.Spec.Name}: {status}");
            return Report(status, quiet: true);
        })));
        return command;
    }

    private static Command CreateGather()
    {
        var spec = Spec();
        var runner = AutoRunner();
        var metric = new Option<string[]>("--metric") { Description = "Metric(s) to summarise over seeds (default: r2_heldout or test_accuracy)", AllowMultipleArgumentsPerToken = true };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals", DefaultValueFactory = _ => 0.95 };
        var command = new Command("gather", "Gather all runs into OUTPUT/results.csv + results.json and summarise metrics over seeds (partial while running).") { spec, runner, metric, level };
        command.SetAction(parse => Guard("gather", () =>
        {
            var s = SweepSpecJson.Load(parse.GetValue(spec)!);
            var table = SweepTable.Gather(ReadStatus(s, parse.GetValue(runner)!));
            Directory.CreateDirectory(s.OutputDirectory);
            string csv = Path.Combine(s.OutputDirectory, "results.csv");
            File.WriteAllText(csv, table.ToCsv());
            var metrics = parse.GetValue(metric) is { Length: > 0 } m ? m
                : table.MetricColumns.Where(x => x is "r2_heldout" or "test_accuracy").DefaultIfEmpty(table.MetricColumns.FirstOrDefault()).OfType<string>().Take(1).ToArray();
            var summaries = metrics.Select(x => table.Summarize(x, parse.GetValue(level))).ToArray();
            File.WriteAllText(Path.Combine(s.OutputDirectory, "results.json"), ResultsJson(table, summaries).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Show(table, int.MaxValue, null);
            foreach (var summary in summaries)
            {
                Console.WriteLine($"{summary.Metric}: mean and {summary.Level:P0} t-interval over seeds");
                Console.WriteLine(summary.ToString());
            }
            Console.WriteLine($"wrote {csv} and {Path.Combine(s.OutputDirectory, "results.json")} ({table.Status})");
            return 0;
        }));
        return command;
    }

    private static Command CreateCancel()
    {
        var spec = Spec();
        var runner = Runner();
        var command = new Command("cancel", "Stop a sweep: scancel its Slurm jobs, or ask a local sweep to stop. Runs keep their checkpoints; `run` resumes them.") { spec, runner };
        command.SetAction(parse => Guard("cancel", () =>
        {
            var s = SweepSpecJson.Load(parse.GetValue(spec)!);
            if (RunnerName(parse.GetValue(runner)!) == "slurm")
            {
                var jobs = SlurmSweepRunner.Cancel(s);
                Console.WriteLine(jobs.Count == 0 ? $"sweep {s.Name}: no Slurm jobs submitted" : $"sweep {s.Name}: scancel {string.Join(' ', jobs)}");
            }
            else
            {
                LocalSweepRunner.RequestCancel(s);
                Console.WriteLine($"sweep {s.Name}: asked the local runner to stop ({Path.Combine(s.OutputDirectory, SweepRunFiles.CancelMarker)})");
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateRunOne()
    {
        var spec = Spec();
        var index = new Option<int>("--index") { Description = "Run index (the Slurm array task id)", Required = true };
        var retry = new Option<bool>("--retry-failed") { Description = "Rerun the run even if its last attempt failed" };
        var command = new Command("run-one", "Run one run of a sweep in this process (what each Slurm array task runs).") { spec, index, retry };
        command.SetAction((parse, token) => Task.FromResult(Guard("run-one", () =>
        {
            var s = SweepSpecJson.Load(parse.GetValue(spec)!);
            if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(s.Resources.Threads);
            // scancel and pre-emption send SIGTERM first: stop between iterations and leave the run resumable.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
            var record = SweepRunExecutor.Execute(s, parse.GetValue(index), parse.GetValue(retry), stop.Token);
            Console.WriteLine($"run {parse.GetValue(index)}: {record.State.ToString().ToLowerInvariant()}{(record.Error is { } e ? $": {e}" : "")}");
            return record.State switch
            {
                SweepRunState.Completed => 0,
                SweepRunState.Interrupted => 143,
                SweepRunState.Running => 75, // another attempt holds the run
                _ => 1,
            };
        })));
        return command;
    }

    private static Command CreateKinds()
    {
        var command = new Command("kinds", "List the job kinds and their parameters.");
        command.SetAction(_ =>
        {
            foreach (var name in SweepJobs.Names)
            {
                var job = SweepJobs.TryFind(name)!;
                Console.WriteLine($"{job.Name}: {job.Description}");
                foreach (var p in job.Parameters)
                    Console.WriteLine($"  {p.Name,-16} {p.Type.ToString().ToLowerInvariant(),-8} {(p.Required ? "required" : p.Default is { } d ? $"default {d.Text}" : "default: preset"),-22} {p.Description}");
            }
            return 0;
        });
        return command;
    }

    private static Option<string> AutoRunner() => new("--runner")
    {
        Description = "Where queued runs are looked up: slurm (squeue), local, or auto (slurm when the sweep was submitted to Slurm)",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary>The sweep's status, asking squeue when the runner is (or, for auto, was) Slurm.</summary>
    private static SweepStatus ReadStatus(SweepSpec spec, string runner)
    {
        bool slurm = runner switch
        {
            "auto" => SlurmSweepRunner.Submissions(spec).Count > 0,
            _ => RunnerName(runner) == "slurm",
        };
        return slurm ? SlurmSweepRunner.Status(spec) : SweepStatus.Read(spec);
    }

    /// <summary>The tool that runs this command, as a shell command line for job scripts.</summary>
    private static string ToolCommand()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string dll = typeof(SweepCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{Quote(process)} {Quote(dll)}" : Quote(process);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static string RunnerName(string runner) => runner is "local" or "slurm" ? runner
        : throw new ArgumentException($"--runner must be local or slurm (status and gather also take auto), not '{runner}'.");

    private static int Guard(string verb, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or SlurmUnavailableException or IOException or UnauthorizedAccessException or JsonException)
        {
            Console.Error.WriteLine($"neurornn sweep {verb}: {e.Message}");
            return 2;
        }
    }

    /// <summary>Runs <paramref name="body"/> with a live status table (interactive terminal) or a line per change.</summary>
    private static SweepStatus Live(Func<Action<SweepStatus>, SweepStatus> body)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            string? last = null;
            var gate = new object();
            return body(status =>
            {
                string line = status.ToString();
                lock (gate)
                {
                    if (line == last) return;
                    last = line;
                    Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
                }
            });
        }
        SweepStatus? result = null;
        AnsiConsole.Live(new Text("starting…")).AutoClear(false).Start(context =>
        {
            var gate = new object();
            result = body(status =>
            {
                lock (gate)
                {
                    context.UpdateTarget(StatusTable(status));
                    context.Refresh();
                }
            });
        });
        return result!;
    }

    /// <summary>Writes the table: coloured in a terminal, plain aligned text when redirected (logs, CI).</summary>
    private static void Show(SweepTable results, int maxMetrics, string? caption)
    {
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var table = ResultTable(results, maxMetrics);
            if (caption is not null) table.Caption = new TableTitle(caption);
            AnsiConsole.Write(table);
            return;
        }
        var columns = Columns(results, maxMetrics);
        var cells = Enumerable.Range(0, results.Table.RowCount).Select(row => columns.Select(c => SweepTable.Cell(results.Table[c], row)).ToArray()).ToArray();
        var widths = columns.Select((c, j) => Math.Max(c.Length, cells.Select(r => r[j].Length).DefaultIfEmpty(0).Max())).ToArray();
        Console.WriteLine(string.Join("  ", columns.Select((c, j) => c.PadRight(widths[j]))).TrimEnd());
        foreach (var row in cells) Console.WriteLine(string.Join("  ", row.Select((x, j) => x.PadRight(widths[j]))).TrimEnd());
        if (caption is not null) Console.WriteLine(caption);
    }

    /// <summary>Display columns with the headline metrics first (held-out R², test accuracy) when only a few fit.</summary>
    private static string[] Columns(SweepTable results, int maxMetrics)
    {
        string[] headline = ["r2_heldout", "test_accuracy", "r2_normalised", "test_error_rate", "final_loss"];
        var metrics = results.MetricColumns.OrderBy(m => Array.IndexOf(headline, m) is var i && i >= 0 ? i : headline.Length).Take(maxMetrics).ToArray();
        var display = results.DisplayColumns.Where(c => !results.MetricColumns.Contains(c)).ToList();
        display.InsertRange(display.IndexOf("iterations_done"), metrics);
        return [.. display];
    }

    private static Table StatusTable(SweepStatus status)
    {
        var table = ResultTable(SweepTable.Gather(status), maxMetrics: 3);
        table.Caption = new TableTitle($"{status.Spec.Name}: {status}");
        return table;
    }

    private static Table ResultTable(SweepTable results, int maxMetrics = int.MaxValue)
    {
        var columns = Columns(results, maxMetrics);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in columns) table.AddColumn(new Spectre.Console.TableColumn(Markup.Escape(c)));
        for (int row = 0; row < results.Table.RowCount; row++)
        {
            var cells = columns.Select(c => SweepTable.Cell(results.Table[c], row)).ToArray();
            string state = cells[Array.IndexOf(columns, "state")];
            string color = state switch { "completed" => "green", "failed" => "red", "running" => "yellow", "interrupted" => "darkorange", _ => "grey" };
            table.AddRow(cells.Select(x => (Spectre.Console.Rendering.IRenderable)new Markup(x == state ? $"[{color}]{Markup.Escape(x)}[/]" : Markup.Escape(x))).ToArray());
        }
        return table;
    }

    /// <summary>Prints failed and interrupted runs (with the tail of their logs); exit code 0 only if all completed.</summary>
    private static int Report(SweepStatus status, bool quiet = false)
    {
        if (!quiet) Show(SweepTable.Gather(status), 3, null);
        foreach (var run in status.Runs.Where(r => r.State == SweepRunState.Failed))
        {
            Console.Error.WriteLine($"run {run.Run.Index} ({run.Run.Id}: {run.Run.SettingKey}, seed {run.Run.Seed}) failed: {run.Record?.Error}");
            Console.Error.WriteLine($"  log {run.LogPath}:");
            foreach (var line in run.LogTail(8)) Console.Error.WriteLine($"    {line}");
        }
        foreach (var run in status.Runs.Where(r => r.State == SweepRunState.Interrupted && r.Record?.TimedOut == true))
            Console.Error.WriteLine($"run {run.Run.Index} ({run.Run.Id}: {run.Run.SettingKey}, seed {run.Run.Seed}) timed out: stopped at its wall time " +
                $"{SweepSpecJson.FormatWallTime(status.Spec.Resources.WallTime)} (resources.wall_time) after {run.Record!.Iterations} iteration(s)");
        int interrupted = status.Count(SweepRunState.Interrupted);
        if (interrupted > 0) Console.Error.WriteLine($"{interrupted} run(s) interrupted; `neurornn sweep run SPEC` resumes them from their checkpoints.");
        Console.WriteLine($"sweep {status.Spec.Name}: {status}");
        return status.AllCompleted ? 0 : status.Idle ? 3 : 0;
    }

    private static JsonObject ResultsJson(SweepTable table, IReadOnlyList<SweepSummary> summaries)
    {
        static JsonNode? Value(Data.TableColumn c, int row) => c switch
        {
            DoubleColumn d => double.IsFinite(d[row]) ? JsonValue.Create(d[row]) : null,
            _ => c.IsMissing(row) ? null : JsonValue.Create(c.FormatValue(row)),
        };
        var rows = new JsonArray();
        for (int i = 0; i < table.Table.RowCount; i++)
            rows.Add(new JsonObject(table.Table.Columns.Select(c => KeyValuePair.Create(c.Name, Value(c, i)))));
        var json = new JsonObject
        {
            ["sweep"] = table.Status.Spec.Name,
            ["kind"] = table.Status.Spec.Kind,
            ["status"] = table.Status.ToString(),
            ["parameters"] = new JsonArray(table.ParameterColumns.Select(p => (JsonNode?)p).ToArray()),
            ["metrics"] = new JsonArray(table.MetricColumns.Select(p => (JsonNode?)p).ToArray()),
            ["runs"] = rows,
        };
        var s = new JsonObject();
        foreach (var summary in summaries)
        {
            var t = summary.ToTable();
            var arr = new JsonArray();
            for (int i = 0; i < t.RowCount; i++) arr.Add(new JsonObject(t.Columns.Select(c => KeyValuePair.Create(c.Name, Value(c, i)))));
            s[summary.Metric] = arr;
        }
        json["summaries"] = s;
        return json;
    }
}
