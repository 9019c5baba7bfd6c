using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Networks;

/// <summary>
/// The analysis of Kleinman, Chandrasekaran &amp; Kao (2021) on a network trained on the <see cref="CheckerboardTask"/>:
/// per area the choice probability of every unit for the colour choice and for the reach direction (with permutation
/// intervals), how well each choice can be decoded from the area, the angle between the area's colour and direction axes
/// (TDR), and what each inter-area pathway passes on (decoding from, and variance explained in, its input currents).
/// A PMd-like last area has high direction CP and near-chance colour CP; a single-area network mixes both.
/// </summary>
public static class MultiAreaAnalysis
{
    /// <summary>Analyses <paramref name="network"/> on <paramref name="batch"/> in the window [<paramref name="startMs"/>, <paramref name="endMs"/>) after checkerboard onset.</summary>
    /// <param name="network">A network trained on the checkerboard task (any number of areas; none = one area "all").</param>
    /// <param name="batch">Trials of the task, e.g. <see cref="CheckerboardTask.SampleBalanced"/>.</param>
    /// <param name="startMs">Window start in ms after checkerboard onset.</param>
    /// <param name="endMs">Window end in ms (exclusive).</param>
    /// <param name="permutations">Permutations per CP (0 skips intervals and significance). Default 500.</param>
    /// <param name="seed">Seed of the permutations. Default 1.</param>
    /// <exception cref="ArgumentException">The network was not trained on the checkerboard task, the window is empty, or see <see cref="ChoiceProbability.OfUnits"/>.</exception>
    public static MultiAreaReport Analyse(TrainedNetwork network, TrialBatch batch, double startMs, double endMs, int permutations = 500, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batch);
        if (network.Task is not CheckerboardTask)
            throw new ArgumentException($"network was trained on task \"{network.Task.Name}\"; the multi-area analysis needs the checkerboard task's colour and direction choices.", nameof(network));
        if (!(endMs > startMs)) throw new ArgumentException($"The window [{startMs}, {endMs}) ms is empty; endMs must be after startMs.", nameof(endMs));
        var rates = network.Record(batch);
        var direction = rates.Trials.GetDoubles("choice");
        var redSide = rates.Trials.GetDoubles("redSide");
        var colour = direction.Select((d, k) => d * redSide[k]).ToArray();
        rates = rates.WithTrials(rates.Trials.With("colourChoice", colour));
        if (direction.Distinct().Count() < 2 || colour.Distinct().Count() < 2)
            throw new ArgumentException("The network made only one direction or colour choice on these trials; CP and decoding need both.", nameof(batch));
        var window = rates.WindowMean(startMs, endMs);
        var cpOptions = new ChoiceProbabilityOptions { Permutations = permutations, Seed = seed, PreferredChoice = 1 };
        // Conditioning on the unsigned coherence keeps the colour and the direction choice independent within a condition
        // (the red side is balanced), so the two CPs measure different things.
        string[] conditions = ["coherenceMagnitude"];
        var colourCp = ChoiceProbability.OfUnits(rates.WithTrials(rates.Trials.Without("choice").With("choice", colour)), "choice", conditions, startMs, endMs, cpOptions);
        var directionCp = ChoiceProbability.OfUnits(rates, "choice", conditions, startMs, endMs, cpOptions);

        var model = network.Model;
        int n = model.Options.UnitCount, trials = rates.TrialCount;
        var areaNames = model.Options.Areas?.Select(a => a.Name).ToArray() ?? ["all"];
        var areaSizes = model.Options.Areas?.Select(a => a.Size).ToArray() ?? [n];
        var unitsOf = new int[areaNames.Length][];
        for (int a = 0, start = 0; a < areaNames.Length; start += areaSizes[a], a++) unitsOf[a] = [.. Enumerable.Range(start, areaSizes[a])];

        var areas = new List<AreaChoiceSummary>();
        for (int a = 0; a < unitsOf.Length; a++)
        {
            var units = unitsOf[a];
            var active = units.Where(u => Variance(window, u) > 1e-10).ToArray();
            double Significant(ChoiceProbabilityResult[] cp) => active.Length == 0 || permutations == 0 ? double.NaN
                : (double)active.Count(u => !cp[u].PermutationInterval.Contains(cp[u].Value)) / active.Length;
            double Deviation(ChoiceProbabilityResult[] cp) => active.Length == 0 ? double.NaN : active.Average(u => Math.Abs(cp[u].Value - 0.5));
            var features = new double[trials, units.Length];
            for (int k = 0; k < trials; k++)
                for (int i = 0; i < units.Length; i++) features[k, i] = window[units[i], k];
            areas.Add(new AreaChoiceSummary(areaNames[a], units, active.Length,
                [.. units.Select(u => colourCp[u])], [.. units.Select(u => directionCp[u])],
                Significant(colourCp), Significant(directionCp), Deviation(colourCp), Deviation(directionCp),
                LinearDecoder.CrossValidatedAccuracy(features, colour), LinearDecoder.CrossValidatedAccuracy(features, direction),
                Cosine(rates.SelectUnits(active.Length >= 2 ? active : units))));
        }

        var weights = model.EffectiveRecurrentWeights();
        var pathways = new List<PathwaySummary>();
        for (int target = 0; target < unitsOf.Length; target++)
            for (int source = 0; source < unitsOf.Length; source++)
            {
                if (source == target) continue;
                int connections = 0;
                foreach (int i in unitsOf[target])
                    foreach (int j in unitsOf[source])
                        if (weights[j * n + i] != 0) connections++;
                if (connections == 0) continue;
                // The window mean of W·r is W times the window mean of r (the map is linear).
                var currents = new double[trials, unitsOf[target].Length];
                for (int k = 0; k < trials; k++)
                    for (int ii = 0; ii < unitsOf[target].Length; ii++)
                    {
                        int i = unitsOf[target][ii];
                        double s = 0;
                        foreach (int j in unitsOf[source]) s += weights[j * n + i] * window[j, k];
                        currents[k, ii] = s;
                    }
                pathways.Add(new PathwaySummary(areaNames[source], areaNames[target], connections,
                    LinearDecoder.CrossValidatedAccuracy(currents, colour), LinearDecoder.CrossValidatedAccuracy(currents, direction),
                    ExplainedVariance(currents, colour), ExplainedVariance(currents, direction)));
            }
        return new MultiAreaReport(areas, pathways, startMs, endMs, trials);
    }

    private static double Variance(double[,] window, int unit)
    {
        int trials = window.GetLength(1);
        double mean = 0;
        for (int k = 0; k < trials; k++) mean += window[unit, k];
        mean /= trials;
        double v = 0;
        for (int k = 0; k < trials; k++) v += (window[unit, k] - mean) * (window[unit, k] - mean);
        return v / trials;
    }

    /// <summary>Between-group (two labels) variance over total variance of the rows of <paramref name="x"/>, summed over columns.</summary>
    private static double ExplainedVariance(double[,] x, double[] labels)
    {
        int trials = x.GetLength(0), columns = x.GetLength(1);
        double total = 0, between = 0;
        double high = labels.Max();
        for (int c = 0; c < columns; c++)
        {
            double mean = 0, meanHigh = 0, meanLow = 0;
            int nHigh = 0;
            for (int k = 0; k < trials; k++)
            {
                mean += x[k, c];
                if (labels[k] == high) { meanHigh += x[k, c]; nHigh++; } else meanLow += x[k, c];
            }
            mean /= trials;
            int nLow = trials - nHigh;
            meanHigh = nHigh > 0 ? meanHigh / nHigh : mean;
            meanLow = nLow > 0 ? meanLow / nLow : mean;
            for (int k = 0; k < trials; k++) total += (x[k, c] - mean) * (x[k, c] - mean);
            between += nHigh * (meanHigh - mean) * (meanHigh - mean) + nLow * (meanLow - mean) * (meanLow - mean);
        }
        return total > 0 ? between / total : 0;
    }

    private static double Cosine(Recording area)
    {
        try
        {
            var axes = TargetedDimensionalityReduction.Fit(area, ["choice", "colourChoice"]);
            return axes.RegressionVectorCosine("choice", "colourChoice");
        }
        catch (ArgumentException)
        {
            return double.NaN; // e.g. a silent area: TDR has nothing to regress
        }
    }
}
