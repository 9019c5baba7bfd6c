namespace NeuroRnn.Tasks;

/// <summary>Reaction times of the trials at one unsigned coherence (see <see cref="CheckerboardTask.ReactionTimeCurve"/>).</summary>
/// <param name="Coherence">Unsigned coherence.</param>
/// <param name="MeanMs">Mean reaction time of the committed, correct trials in ms after checkerboard onset (NaN if none).</param>
/// <param name="MedianMs">Median of the same.</param>
/// <param name="Trials">Trials at this coherence.</param>
/// <param name="Committed">Trials whose output crossed the threshold at all.</param>
/// <param name="Accuracy">Fraction of the trials whose final choice was the dominant colour's direction.</param>
public sealed record ReactionTimePoint(double Coherence, double MeanMs, double MedianMs, int Trials, int Committed, double Accuracy);
