using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Analysis;
using NeuroRnn.Checkpoints;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Bench;

/// <summary>
/// Why does the last area of a trained three-area network still carry colour choice probability? On saved networks
/// (<c>multi-area --save DIR</c>) this asks, per area, three questions the CP table alone cannot answer:
/// <list type="number">
/// <item>Is the CP pipeline unbiased on this batch? A direction-only surrogate (each unit's responses shuffled among trials
/// with the same unsigned coherence and direction choice, which erases everything but the direction choice) must give
/// colour CP within its permutation interval for ~5 % of units.</item>
/// <item>Does the area encode the target configuration (which side is red)? Colour choice = direction choice × red side, so
/// an area holding direction and configuration can carry colour without any colour input.</item>
/// <item>Is the colour signal the interaction a rectifying unit makes of additive direction and configuration inputs?
/// Per unit, z-scored responses (within unsigned coherence, as CP) are regressed on direction D, configuration S and
/// D·S (= colour). A convex rate function turns additive inputs αD + βS into an interaction of sign(αβ), so the sign of
/// the colour coefficient should match sign(direction coefficient × configuration coefficient) on most colour-significant
/// units, and |colour| should grow with |direction × configuration|.</item>
/// </list>
/// Usage: <c>multi-area --diagnose --load DIR --label NAME</c>; results accumulate by label in
/// bench/results/multi-area-diagnosis.json and .md.
/// </summary>
internal static class MultiAreaDiagnosis
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string load, string label, string? description, double windowStartMs, double windowEndMs, int permutations)
    {
        var task = new CheckerboardTask();
        var batch = task.SampleBalanced(40, seed: 7);
        var networks = new JsonObject();
        foreach (string name in new[] { "single-area", "three-area" })
        {
            string path = Path.Combine(load, name + ".ckpt");
            if (!File.Exists(path)) { Console.WriteLine($"no {path}; skipped"); continue; }
            var checkpoint = CheckpointFile.Load(path);
            var network = TaskTraining.Train(task, TaskTraining.OptionsFrom(checkpoint, task) with { Iterations = 0 }, resumeFrom: checkpoint);
            Console.WriteLine(network);
            networks[name] = Diagnose(network, task, batch, windowStartMs, windowEndMs, permutations);
        }
        string directory = BenchResults.ResultsDirectory();
        string jsonPath = Path.Combine(directory, "multi-area-diagnosis.json");
        var root = File.Exists(jsonPath) ? JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject() : new JsonObject { ["runs"] = new JsonObject() };
        root["runs"]![label] = new JsonObject
        {
            ["description"] = description ?? label,
            ["checkpoints"] = load,
            ["machine"] = BenchResults.MachineWithBackend(),
            ["windowMs"] = new JsonArray(windowStartMs, windowEndMs),
            ["permutations"] = permutations,
            ["networks"] = networks,
        };
        BenchResults.WriteJson(jsonPath, root);
        File.WriteAllText(Path.Combine(directory, "multi-area-diagnosis.md"), Markdown(root));
        Console.WriteLine($"written to {jsonPath}");
        return 0;
    }

    private static JsonObject Diagnose(TrainedNetwork network, CheckerboardTask task, Trials.TrialBatch batch, double startMs, double endMs, int permutations)
    {
        var rates = network.Record(batch);
        var direction = rates.Trials.GetDoubles("choice");
        var redSide = rates.Trials.GetDoubles("redSide");
        var magnitude = rates.Trials.GetDoubles("coherenceMagnitude");
        var colour = direction.Select((d, k) => d * redSide[k]).ToArray();
        var window = rates.WindowMean(startMs, endMs);
        // The configuration before the checkerboard: what the area holds when the colour evidence arrives.
        var before = rates.WindowMean(-task.StimulusOnsetMs, 0);
        int trials = rates.TrialCount, n = rates.UnitCount;
        var options = new ChoiceProbabilityOptions { Permutations = permutations, Seed = 1, PreferredChoice = 1 };
        var cells = Enumerable.Range(0, trials).GroupBy(k => (magnitude[k], direction[k])).Select(g => g.ToArray()).ToArray();

        var model = network.Model;
        var areaNames = model.Options.Areas?.Select(a => a.Name).ToArray() ?? ["all"];
        var areaSizes = model.Options.Areas?.Select(a => a.Size).ToArray() ?? [n];
        var areas = new JsonArray();
        for (int a = 0, first = 0; a < areaNames.Length; first += areaSizes[a], a++)
        {
            var units = Enumerable.Range(first, areaSizes[a]).Where(u => Variance(Row(window, u)) > 1e-10).ToArray();
            int colourSignificant = 0, surrogateSignificant = 0, configSignificant = 0, configBeforeSignificant = 0, signMatches = 0, activeBefore = 0;
            double colourDev = 0, configDev = 0, configBeforeDev = 0;
            var absColour = new List<double>();
            var absProduct = new List<double>();
            double sumDirection = 0, sumConfig = 0, sumColour = 0;
            foreach (int u in units)
            {
                var response = Row(window, u);
                var opts = options with { Seed = NeuroRnn.SeededRandom.Derive(1, 0x43500, u) };
                var cp = ChoiceProbability.Compute(response, colour, magnitude, opts);
                bool significant = !cp.PermutationInterval.Contains(cp.Value);
                colourDev += Math.Abs(cp.Value - 0.5);
                if (significant) colourSignificant++;
                var surrogate = ChoiceProbability.Compute(DirectionOnly(response, cells, new NeuroRnn.SeededRandom(NeuroRnn.SeededRandom.Derive(2, 0x5, u))), colour, magnitude, opts);
                if (!surrogate.PermutationInterval.Contains(surrogate.Value)) surrogateSignificant++;
                var config = ChoiceProbability.Compute(response, redSide, magnitude, opts);
                configDev += Math.Abs(config.Value - 0.5);
                if (!config.PermutationInterval.Contains(config.Value)) configSignificant++;
                var early = Row(before, u);
                if (Variance(early) > 1e-10)
                {
                    activeBefore++;
                    var pre = ChoiceProbability.Compute(early, redSide, magnitude, opts);
                    configBeforeDev += Math.Abs(pre.Value - 0.5);
                    if (!pre.PermutationInterval.Contains(pre.Value)) configBeforeSignificant++;
                }
                var (bd, bs, bc) = Effects(response, direction, redSide, magnitude);
                sumDirection += Math.Abs(bd); sumConfig += Math.Abs(bs); sumColour += Math.Abs(bc);
                absColour.Add(Math.Abs(bc));
                absProduct.Add(Math.Abs(bd * bs));
                if (significant && Math.Sign(bc) == Math.Sign(bd * bs)) signMatches++;
            }
            int m = Math.Max(units.Length, 1);
            areas.Add(new JsonObject
            {
                ["area"] = areaNames[a],
                ["activeUnits"] = units.Length,
                ["colourSignificantFraction"] = (double)colourSignificant / m,
                ["meanColourCpDeviation"] = colourDev / m,
                ["surrogateColourSignificantFraction"] = (double)surrogateSignificant / m,
                ["configurationSignificantFraction"] = (double)configSignificant / m,
                ["meanConfigurationCpDeviation"] = configDev / m,
                ["configurationBeforeSignificantFraction"] = activeBefore == 0 ? null : (double)configBeforeSignificant / activeBefore,
                ["meanConfigurationBeforeCpDeviation"] = activeBefore == 0 ? null : configBeforeDev / activeBefore,
                ["meanAbsDirectionEffect"] = sumDirection / m,
                ["meanAbsConfigurationEffect"] = sumConfig / m,
                ["meanAbsColourEffect"] = sumColour / m,
                ["colourSignificantUnits"] = colourSignificant,
                ["colourSignMatchesRectification"] = colourSignificant == 0 ? null : (double)signMatches / colourSignificant,
                ["correlationColourWithDirectionTimesConfiguration"] = Correlation(absColour, absProduct),
            });
        }
        return new JsonObject
        {
            ["iterations"] = network.Statistics.Count,
            ["testAccuracy"] = network.TestScore.Accuracy,
            ["lastLoss"] = network.Statistics.LastOrDefault()?.Loss,
            ["areas"] = areas,
        };
    }

    private static double[] Row(double[,] x, int u) => [.. Enumerable.Range(0, x.GetLength(1)).Select(k => x[u, k])];

    private static double Variance(double[] x)
    {
        double mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / x.Length;
    }

    /// <summary>The responses shuffled among the trials of each (unsigned coherence, direction choice) cell.</summary>
    private static double[] DirectionOnly(double[] response, int[][] cells, NeuroRnn.SeededRandom random)
    {
        var result = new double[response.Length];
        foreach (var cell in cells)
        {
            var order = (int[])cell.Clone();
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(0, i);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (int i = 0; i < cell.Length; i++) result[cell[i]] = response[order[i]];
        }
        return result;
    }

    /// <summary>
    /// Least-squares coefficients of D, S and D·S in z = c₀ + bD·D + bS·S + bC·D·S, with z the response z-scored within
    /// each unsigned coherence (the normalisation the grand CP uses).
    /// </summary>
    private static (double Direction, double Configuration, double Colour) Effects(double[] response, double[] d, double[] s, double[] magnitude)
    {
        var z = new double[response.Length];
        foreach (var group in Enumerable.Range(0, response.Length).GroupBy(k => magnitude[k]))
        {
            var idx = group.ToArray();
            double mean = idx.Average(k => response[k]);
            double sd = Math.Sqrt(idx.Sum(k => (response[k] - mean) * (response[k] - mean)) / Math.Max(idx.Length - 1, 1));
            foreach (int k in idx) z[k] = sd > 0 ? (response[k] - mean) / sd : 0;
        }
        var xtx = new double[4, 4];
        var xty = new double[4];
        for (int k = 0; k < z.Length; k++)
        {
            double[] row = [1, d[k], s[k], d[k] * s[k]];
            for (int i = 0; i < 4; i++)
            {
                xty[i] += row[i] * z[k];
                for (int j = 0; j < 4; j++) xtx[i, j] += row[i] * row[j];
            }
        }
        var beta = Solve(xtx, xty);
        return (beta[1], beta[2], beta[3]);
    }

    /// <summary>The normal equations' solution (MathNet's LU); NaN when the design is rank-deficient (a cell without trials).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a);
        if (m.Rank() < b.Length) return [.. Enumerable.Repeat(double.NaN, b.Length)];
        return m.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b)).ToArray();
    }

    private static double? Correlation(List<double> x, List<double> y)
    {
        if (x.Count < 3) return null;
        double r = NeuroRnn.Analysis.ExcitationInhibition.Pearson([.. x], [.. y]);
        return double.IsNaN(r) ? null : r;
    }

    private static string Markdown(JsonObject root)
    {
        var s = new StringBuilder();
        s.AppendLine("# Multi-area networks: where the last area's colour choice probability comes from");
        s.AppendLine();
        s.AppendLine("Generated by `dotnet run -c Release --project bench/NeuroRnn.Bench -- multi-area --diagnose --load DIR --label NAME` from saved networks (`multi-area --save DIR`), on the suite's balanced batch (14 signed coherences × 2 target configurations × 40 trials, seed 7). Per area, over active units:");
        s.AppendLine();
        s.AppendLine("- **colour CP signif.**: as in multi-area.md (CP of the colour choice conditioned on unsigned coherence, outside its 95 % permutation interval);");
        s.AppendLine("- **surrogate**: the same after shuffling each unit's responses among trials with the same unsigned coherence *and direction choice* (erases all but direction): an unbiased pipeline gives ~5 %;");
        s.AppendLine("- **config CP**: the 'CP' of the target configuration (red target left/right) in the same window, and **before** the checkerboard (target period);");
        s.AppendLine("- **effects**: per unit, least-squares coefficients of direction D, configuration S and their product D·S (= colour) on the response z-scored within unsigned coherence; mean absolute values;");
        s.AppendLine("- **sign match**: among colour-significant units, the fraction whose colour coefficient has the sign of (direction × configuration coefficient), which a rectifying unit with additive direction and configuration inputs produces (50 % if unrelated); **corr**: correlation over units of |colour| with |direction × configuration|.");
        s.AppendLine();
        foreach (var (label, node) in root["runs"]!.AsObject())
        {
            var run = node!.AsObject();
            var machine = run["machine"]!.AsObject();
            s.AppendLine($"## {label}");
            s.AppendLine();
            s.AppendLine(string.Create(Inv, $"{run["description"]}. Analysed {machine["utc"]} UTC (load `{machine["loadAverage"]}`), window [{run["windowMs"]![0]}, {run["windowMs"]![1]}) ms after checkerboard onset, {run["permutations"]} permutations."));
            s.AppendLine();
            s.AppendLine("| network | iterations | last loss | test acc. | area | active | colour CP signif. | mean abs(CP−½) colour | surrogate colour signif. | config CP signif. | mean abs(CP−½) config | config signif. before | abs effect D | abs effect S | abs effect D·S | sign match | corr |");
            s.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, net) in run["networks"]!.AsObject())
                foreach (var a in net!["areas"]!.AsArray().Select(x => x!.AsObject()))
                    s.AppendLine(string.Create(Inv, $"| {name} | {net["iterations"]} | {F(net["lastLoss"], "G3")} | {P(net["testAccuracy"])} | {a["area"]} | {a["activeUnits"]} | {P(a["colourSignificantFraction"])} | {F(a["meanColourCpDeviation"])} | {P(a["surrogateColourSignificantFraction"])} | {P(a["configurationSignificantFraction"])} | {F(a["meanConfigurationCpDeviation"])} | {P(a["configurationBeforeSignificantFraction"])} | {F(a["meanAbsDirectionEffect"])} | {F(a["meanAbsConfigurationEffect"])} | {F(a["meanAbsColourEffect"])} | {P(a["colourSignMatchesRectification"])} | {F(a["correlationColourWithDirectionTimesConfiguration"], "F2")} |"));
            s.AppendLine();
        }
        return s.ToString();
    }

    private static string P(JsonNode? v) => v is null ? "—" : v.GetValue<double>().ToString("P1", Inv);
    private static string F(JsonNode? v, string format = "F3") => v is null ? "—" : v.GetValue<double>().ToString(format, Inv);
}
