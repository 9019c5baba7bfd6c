using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Data.Io;
using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Fitting;

/// <summary>
/// Saves and loads a fitted network as two files in a folder:
/// <list type="bullet">
/// <item><c>fit-model.json</c>: format tag <c>neurornn-fit-model/1</c>; the network options (unit, input and output counts, Dt,
/// Tau, nonlinearity, output kind, readout units, learned initial state, noise, Dale's law, precision, seeds); the fit's
/// per-unit scales (Hz per model unit), fitted recorded-unit indices and ids, input channel names, time axis (bin centres
/// in ms) and the parameter layout (block names with offsets and lengths);</item>
/// <item><c>fit-parameters.npy</c>: the flat float64 parameter vector (NumPy .npy, little-endian, 1-D) in
/// <see cref="RateRnnParameterLayout"/> order.</item>
/// </list>
/// Networks with connectivity masks, areas or frozen parameters are not supported by this format.
/// </summary>
public static class FittedNetworkFile
{
    /// <summary>Name of the JSON description.</summary>
    public const string ModelFileName = "fit-model.json";

    /// <summary>Name of the parameter array.</summary>
    public const string ParametersFileName = "fit-parameters.npy";

    private const string Format = "neurornn-fit-model/1";

    /// <summary>Writes the fitted network of <paramref name="fit"/> into <paramref name="directory"/> (created if needed).</summary>
    /// <exception cref="ArgumentException">The network uses options this format cannot store.</exception>
    public static void Save(RecordingFitResult fit, string directory)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(directory);
        var o = fit.Model.Options;
        if (o.InputMask is not null || o.OutputMask is not null || o.Areas is not null || o.FrozenParameters is not null)
            throw new ArgumentException("The fit-model format stores no input or output masks, areas or frozen parameters (a recurrent mask it stores).", nameof(fit));
        Directory.CreateDirectory(directory);
        var ids = fit.Dataset.Processed.Units.Contains("unit") ? fit.Dataset.Processed.Units.GetStrings("unit") : null;
        var layout = new JsonArray();
        foreach (ParameterBlock block in Enum.GetValues<ParameterBlock>())
        {
            int offset = fit.Model.Layout.Offset(block), length = fit.Model.Layout.Length(block);
            if (length > 0) layout.Add(new JsonObject { ["block"] = block.ToString(), ["offset"] = offset, ["length"] = length });
        }
        var json = new JsonObject
        {
            ["format"] = Format,
            ["network"] = new JsonObject
            {
                ["unit_count"] = o.UnitCount,
                ["input_count"] = o.InputCount,
                ["output_count"] = o.OutputCount,
                ["dt_ms"] = o.Dt,
                ["tau_ms"] = o.Tau,
                ["nonlinearity"] = o.Nonlinearity.ToString(),
                ["output_kind"] = o.OutputKind.ToString(),
                ["readout_units"] = o.ReadoutUnits is null ? null : new JsonArray(o.ReadoutUnits.Select(u => (JsonNode?)u).ToArray()),
                ["learn_initial_state"] = o.LearnInitialState,
                ["input_noise_std"] = o.InputNoiseStd,
                ["recurrent_noise_std"] = o.RecurrentNoiseStd,
                ["noise_seed"] = o.NoiseSeed,
                ["dales_law"] = o.DalesLaw,
                ["excitatory_fraction"] = o.ExcitatoryFraction,
                ["allow_autapses"] = o.AllowAutapses,
                // One string of 0/1 per postsynaptic unit (row), so a constrained fit reloads with its connectivity.
                ["recurrent_mask"] = o.RecurrentMask is { } mask
                    ? new JsonArray([.. Enumerable.Range(0, o.UnitCount).Select(i => (JsonNode?)new string([.. Enumerable.Range(0, o.UnitCount).Select(j => mask[i, j] ? '1' : '0')]))])
                    : null,
                ["precision"] = o.Precision.ToString(),
                ["seed"] = o.Seed,
                ["parameter_count"] = fit.Model.ParameterCount,
            },
            ["parameter_layout"] = layout,
            ["fitted_units"] = new JsonArray(fit.Dataset.FittedUnits.Select(u => (JsonNode?)u).ToArray()),
            ["fitted_unit_ids"] = ids is null ? null : new JsonArray(ids.Select(s => (JsonNode?)s).ToArray()),
            ["scales_hz"] = new JsonArray(fit.Dataset.Scales.Select(s => (JsonNode?)s).ToArray()),
            ["inputs"] = new JsonArray(fit.Dataset.InputNames.Select(s => (JsonNode?)s).ToArray()),
            ["time_ms"] = new JsonArray(fit.Dataset.Processed.GetTimeMs().Select(s => (JsonNode?)s).ToArray()),
        };
        File.WriteAllText(Path.Combine(directory, ModelFileName), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        NpyWriter.Write(Path.Combine(directory, ParametersFileName), NpyArray.FromDoubles(fit.Model.GetParameters()));
    }

    /// <summary>Loads a network saved by <see cref="Save"/>, with its per-unit scales (Hz per model unit).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file and field).</exception>
    public static (RateRnn Model, double[] ScalesHz) Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string modelPath = Path.Combine(directory, ModelFileName), parametersPath = Path.Combine(directory, ParametersFileName);
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"{modelPath} does not exist.", modelPath);
        if (!File.Exists(parametersPath)) throw new FileNotFoundException($"{parametersPath} does not exist.", parametersPath);
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(modelPath)) ?? throw Bad(modelPath, "the file is empty");
            if ((string?)root["format"] != Format) throw Bad(modelPath, $"format is '{(string?)root["format"]}', expected '{Format}'");
            var n = root["network"] ?? throw Bad(modelPath, "no 'network' object");
            var readout = n["readout_units"] is JsonArray r ? r.Select(x => (int)x!).ToArray() : null;
            var options = new RateRnnOptions
            {
                UnitCount = (int)n["unit_count"]!,
                InputCount = (int)n["input_count"]!,
                OutputCount = (int)n["output_count"]!,
                Dt = (double)n["dt_ms"]!,
                Tau = (double)n["tau_ms"]!,
                Nonlinearity = Enum.Parse<Nonlinearity>((string)n["nonlinearity"]!),
                OutputKind = Enum.Parse<OutputKind>((string)n["output_kind"]!),
                ReadoutUnits = readout,
                LearnInitialState = (bool)n["learn_initial_state"]!,
                InputNoiseStd = (double)n["input_noise_std"]!,
                RecurrentNoiseStd = (double)n["recurrent_noise_std"]!,
                NoiseSeed = (int)n["noise_seed"]!,
                DalesLaw = (bool)n["dales_law"]!,
                ExcitatoryFraction = (double)n["excitatory_fraction"]!,
                AllowAutapses = (bool)n["allow_autapses"]!,
                RecurrentMask = n["recurrent_mask"] is JsonArray rows ? MaskFrom(rows, (int)n["unit_count"]!, modelPath) : null,
                Precision = Enum.Parse<RnnPrecision>((string)n["precision"]!),
                Seed = (int)n["seed"]!,
            };
            var scales = (root["scales_hz"] as JsonArray ?? throw Bad(modelPath, "no 'scales_hz' array")).Select(x => (double)x!).ToArray();
            var parameters = NpyReader.Read(parametersPath).ToDoubleArray();
            return (new RateRnn(options, parameters), scales);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{modelPath}: {e.Message}", e);
        }
    }

    private static InvalidDataException Bad(string path, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}: {problem}."));

    private static bool[,] MaskFrom(JsonArray rows, int n, string path)
    {
        if (rows.Count != n) throw new InvalidDataException($"{path}: recurrent_mask has {rows.Count} rows but unit_count is {n}.");
        var mask = new bool[n, n];
        for (int i = 0; i < n; i++)
        {
            string row = (string?)rows[i] ?? "";
            if (row.Length != n || row.Any(c => c is not ('0' or '1')))
                throw new InvalidDataException($"{path}: recurrent_mask row {i} must be {n} characters of 0/1.");
            for (int j = 0; j < n; j++) mask[i, j] = row[j] == '1';
        }
        return mask;
    }
}
