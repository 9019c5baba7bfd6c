using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive.Magics;

/// <summary><c>#!fit rec --units 100 --iterations 20 --as fit</c>: fits a rate RNN to a recording (<see cref="RecordingFitter"/>) with a live training chart.</summary>
internal static class FitMagic
{
    public static MagicDefinition Definition { get; } = new(
        "#!fit",
        "Fits a rate RNN to a loaded recording with Hessian-free and a live training chart: #!fit rec --units 100 --iterations 20 --as fit",
        [
            new MagicOption("--recording", "the variable holding the recording", typeof(string)) { Required = true, Implicit = true },
            new MagicOption("--units", "network units N (default 200)", typeof(int)),
            new MagicOption("--recorded-units", "the recorded units to fit: a range 0-59 or a list 0,3,7 (default all)", typeof(string)),
            new MagicOption("--lambda", "initial Hessian-free damping λ (default 0.01)", typeof(double)),
            new MagicOption("--max-cg", "cap on conjugate-gradient steps per Hessian-free iteration (default 150)", typeof(int)),
            new MagicOption("--iterations", "Hessian-free iterations (default 100)", typeof(int)),
            new MagicOption("--tau-ms", "time constant of the units in ms (default 50)", typeof(double)),
            new MagicOption("--bin-ms", "bin width the data are resampled to, ms (default 20)", typeof(double)),
            new MagicOption("--loss", "squared (scaled rates), poisson or poisson-softplus (spike counts)", typeof(string)) { Choices = ["squared", "poisson", "poisson-softplus"] },
            new MagicOption("--validation-fraction", "fraction of training trials held out for early stopping", typeof(double)),
            new MagicOption("--seed", "seed of the split and the initialisation", typeof(int)),
            new MagicOption("--time-limit", "wall-time budget in seconds", typeof(double)),
            new MagicOption("--as", "the variable to define", typeof(string)) { Default = "fit" },
        ],
        Run);

    private static Task Run(MagicCall call)
    {
        var name = ToolkitMagics.VariableName(call, "--as");
        var recording = (Recording)call.Variable("--recording", "load one first with #!load-recording PATH --as rec", typeof(Recording));
        var options = new RecordingFitOptions();
        if (call.Get<int?>("--units") is { } units) options = options with { UnitCount = units };
        if (call.Get<int?>("--iterations") is { } iterations) options = options with { Iterations = iterations };
        if (call.Get<string>("--recorded-units") is { } recorded) options = options with { RecordedUnits = UnitList(recorded, recording.UnitCount) };
        if (call.Get<double?>("--lambda") is { } lambda) options = options with { Optimizer = options.Optimizer with { InitialLambda = lambda } };
        if (call.Get<int?>("--max-cg") is { } maxCg)
        {
            if (maxCg < 1) throw new MagicUsageException($"#!fit: --max-cg must be ≥ 1, got {maxCg}.");
            options = options with { Optimizer = options.Optimizer with { MaxCgIterations = maxCg, MinCgIterations = Math.Min(options.Optimizer.MinCgIterations, maxCg) } };
        }
        if (call.Get<double?>("--tau-ms") is { } tau) options = options with { TauMs = tau };
        if (call.Get<double?>("--bin-ms") is { } bin) options = options with { BinMs = bin };
        if (call.Get<double?>("--validation-fraction") is { } validation) options = options with { ValidationFraction = validation };
        if (call.Get<int?>("--seed") is { } seed) options = options with { Seed = seed };
        if (call.Get<double?>("--time-limit") is { } seconds) options = options with { TimeLimit = TimeSpan.FromSeconds(seconds) };
        if (call.Get<string>("--loss") is { } loss && loss != "squared")
            options = options with { Objective = loss == "poisson" ? FitObjective.Poisson : FitObjective.PoissonSoftplus, Readout = FitReadout.Linear };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new MagicUsageException($"#!fit: {OptionName(e.ParamName)}{e.Message}", e);
        }
        var chart = new LiveTrainingChart(call, $"Fitting {recording.Name}");
        var fit = RecordingFitter.Fit(recording, options, chart.Report, call.CancellationToken);
        chart.Complete();
        call.SetVariable(name, fit);
        call.Display($"{name} = {fit}");
        return Task.CompletedTask;
    }

    /// <summary>Unit indices from "a-b" (inclusive) or "a,b,c", each checked against the recording.</summary>
    private static int[] UnitList(string text, int unitCount)
    {
        var units = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !bounds.All(b => int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
                throw new MagicUsageException($"#!fit: --recorded-units '{part}' is neither a unit index nor a range like 0-59.");
            int first = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture), last = int.Parse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (first > last || last >= unitCount)
                throw new MagicUsageException($"#!fit: --recorded-units '{part}' is outside the recording's units 0 … {unitCount - 1}.");
            for (int u = first; u <= last; u++) units.Add(u);
        }
        return units.Count > 0 ? [.. units] : throw new MagicUsageException("#!fit: --recorded-units is empty; give a range like 0-59 or a list like 0,3,7.");
    }

    private static string OptionName(string? setting) => setting switch
    {
        nameof(RecordingFitOptions.UnitCount) => "--units: ",
        nameof(RecordingFitOptions.Iterations) => "--iterations: ",
        nameof(RecordingFitOptions.TauMs) => "--tau-ms: ",
        nameof(RecordingFitOptions.BinMs) => "--bin-ms: ",
        nameof(RecordingFitOptions.ValidationFraction) => "--validation-fraction: ",
        nameof(RecordingFitOptions.TimeLimit) => "--time-limit: ",
        _ => "",
    };
}
