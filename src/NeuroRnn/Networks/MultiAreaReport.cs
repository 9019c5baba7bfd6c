using System.Globalization;
using NeuroRnn.Analysis;

namespace NeuroRnn.Networks;

/// <summary>What one area of a network encodes about the colour and the direction choice (see <see cref="MultiAreaAnalysis"/>).</summary>
/// <param name="Area">Area name ("all" for a single-area network).</param>
/// <param name="Units">Indices of the area's units in the network.</param>
/// <param name="ActiveUnits">Units whose window response varies across trials (the others are silent and have CP = 0.5).</param>
/// <param name="ColourCp">Per unit the choice probability for the colour choice (red preferred).</param>
/// <param name="DirectionCp">Per unit the choice probability for the reach direction (right preferred).</param>
/// <param name="ColourSignificantFraction">Fraction of active units whose colour CP lies outside its permutation interval.</param>
/// <param name="DirectionSignificantFraction">Fraction of active units whose direction CP lies outside its permutation interval.</param>
/// <param name="MeanColourCpDeviation">Mean |CP − 0.5| of the colour CP over active units.</param>
/// <param name="MeanDirectionCpDeviation">Mean |CP − 0.5| of the direction CP over active units.</param>
/// <param name="ColourDecoding">Cross-validated accuracy of decoding the colour choice from the area's window rates.</param>
/// <param name="DirectionDecoding">Cross-validated accuracy of decoding the direction choice from the area's window rates.</param>
/// <param name="ColourDirectionCosine">Cosine between the area's TDR regression vectors of direction and colour choice (0: orthogonal), NaN when TDR fails.</param>
public sealed record AreaChoiceSummary(string Area, int[] Units, int ActiveUnits, ChoiceProbabilityResult[] ColourCp, ChoiceProbabilityResult[] DirectionCp,
    double ColourSignificantFraction, double DirectionSignificantFraction, double MeanColourCpDeviation, double MeanDirectionCpDeviation,
    double ColourDecoding, double DirectionDecoding, double ColourDirectionCosine)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Area}: {ActiveUnits}/{Units.Length} active; colour CP significant {ColourSignificantFraction:P0} (mean |CP−½| {MeanColourCpDeviation:F3}), direction {DirectionSignificantFraction:P0} ({MeanDirectionCpDeviation:F3}); decoding colour {ColourDecoding:P1}, direction {DirectionDecoding:P1}");
}

/// <summary>What one area's input to another carries: decoding from the inter-area input currents W[target, source]·r_source.</summary>
/// <param name="Source">Presynaptic area.</param>
/// <param name="Target">Postsynaptic area.</param>
/// <param name="Connections">Nonzero effective weights from source to target.</param>
/// <param name="ColourDecoding">Cross-validated accuracy of decoding the colour choice from the input currents (one feature per target unit).</param>
/// <param name="DirectionDecoding">The same for the direction choice.</param>
/// <param name="ColourVariance">Variance of the input currents (summed over target units) explained by the colour choice (between-group variance / total).</param>
/// <param name="DirectionVariance">The same for the direction choice.</param>
public sealed record PathwaySummary(string Source, string Target, int Connections, double ColourDecoding, double DirectionDecoding,
    double ColourVariance, double DirectionVariance)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source} → {Target} ({Connections} connections): decoding colour {ColourDecoding:P1}, direction {DirectionDecoding:P1}; variance explained colour {ColourVariance:P1}, direction {DirectionVariance:P1}");
}

/// <summary>Per-area choice probabilities, decoding and TDR geometry, and what the inter-area pathways carry.</summary>
/// <param name="Areas">One summary per area, input area first.</param>
/// <param name="Pathways">One summary per connected ordered pair of different areas.</param>
/// <param name="WindowStartMs">Start of the analysis window (ms after checkerboard onset).</param>
/// <param name="WindowEndMs">End of the window.</param>
/// <param name="Trials">Trials analysed.</param>
public sealed record MultiAreaReport(IReadOnlyList<AreaChoiceSummary> Areas, IReadOnlyList<PathwaySummary> Pathways,
    double WindowStartMs, double WindowEndMs, int Trials)
{
    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Areas.Select(a => a.ToString()).Concat(Pathways.Select(p => p.ToString())));
}
