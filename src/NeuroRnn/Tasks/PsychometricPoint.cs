namespace NeuroRnn.Tasks;

/// <summary>One point of a psychometric function: the fraction of +1 choices at one signed coherence.</summary>
/// <param name="Context">The context the trials were in ("motion" or "colour"; "none" for single-stream tasks).</param>
/// <param name="Input">The evidence stream whose coherence is on the x-axis ("motion", "colour" or "evidence").</param>
/// <param name="Relevant">Whether <paramref name="Input"/> is the stream the context says to use.</param>
/// <param name="Coherence">Signed coherence of <paramref name="Input"/>.</param>
/// <param name="ChoicePlusFraction">Fraction of those trials with choice +1.</param>
/// <param name="Trials">Number of trials in this point.</param>
public sealed record PsychometricPoint(string Context, string Input, bool Relevant, double Coherence, double ChoicePlusFraction, int Trials);
