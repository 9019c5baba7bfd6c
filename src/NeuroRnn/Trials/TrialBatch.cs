namespace NeuroRnn.Trials;

/// <summary>
/// A batch of trials: inputs, targets and a loss mask, stored time-major. At every time step the inputs
/// form a column-major InputCount×BatchSize block (element (i, b) of step t at
/// <c>t·InputCount·BatchSize + b·InputCount + i</c>); targets and mask likewise with OutputCount rows.
/// Trials of different lengths are padded to <see cref="Steps"/> with zero inputs and a zero mask.
/// </summary>
/// <param name="Steps">Number of time steps T.</param>
/// <param name="BatchSize">Number of trials B.</param>
/// <param name="InputCount">Input channels I.</param>
/// <param name="OutputCount">Output channels O.</param>
/// <param name="Inputs">T·I·B input values.</param>
/// <param name="Targets">T·O·B targets (values where the mask is 0 are ignored).</param>
/// <param name="Mask">T·O·B loss weights, usually 0 or 1.</param>
/// <param name="Lengths">Per-trial length (≤ Steps), or null when every trial lasts <see cref="Steps"/>.</param>
/// <param name="Conditions">Optional per-trial condition labels (e.g. signed coherence, context) for analyses.</param>
public sealed record TrialBatch(
    int Steps,
    int BatchSize,
    int InputCount,
    int OutputCount,
    double[] Inputs,
    double[] Targets,
    double[] Mask,
    int[]? Lengths = null,
    IReadOnlyDictionary<string, double[]>? Conditions = null)
{
    /// <summary>Index of input i of trial b at step t in <see cref="Inputs"/>.</summary>
    public int InputIndex(int t, int b, int i) => (t * BatchSize + b) * InputCount + i;

    /// <summary>Index of output o of trial b at step t in <see cref="Targets"/> and <see cref="Mask"/>.</summary>
    public int OutputIndex(int t, int b, int o) => (t * BatchSize + b) * OutputCount + o;

    /// <summary>
    /// Checks that array lengths match the declared shape and that targets are finite where the mask is set.
    /// Throws <see cref="ArgumentException"/> naming the offending field.
    /// </summary>
    public void Validate()
    {
        if (Steps <= 0) throw new ArgumentException($"TrialBatch.Steps must be positive, got {Steps}.", nameof(Steps));
        if (BatchSize <= 0) throw new ArgumentException($"TrialBatch.BatchSize must be positive (the batch is empty), got {BatchSize}.", nameof(BatchSize));
        if (InputCount < 0) throw new ArgumentException($"TrialBatch.InputCount must be non-negative, got {InputCount}.", nameof(InputCount));
        if (OutputCount <= 0) throw new ArgumentException($"TrialBatch.OutputCount must be positive, got {OutputCount}.", nameof(OutputCount));
        long nIn = (long)Steps * InputCount * BatchSize, nOut = (long)Steps * OutputCount * BatchSize;
        if (Inputs is null || Inputs.Length != nIn)
            throw new ArgumentException($"TrialBatch.Inputs has {Inputs?.Length ?? 0} values but Steps×InputCount×BatchSize = {Steps}×{InputCount}×{BatchSize} = {nIn}.", nameof(Inputs));
        if (Targets is null || Targets.Length != nOut)
            throw new ArgumentException($"TrialBatch.Targets has {Targets?.Length ?? 0} values but Steps×OutputCount×BatchSize = {Steps}×{OutputCount}×{BatchSize} = {nOut}.", nameof(Targets));
        if (Mask is null || Mask.Length != nOut)
            throw new ArgumentException($"TrialBatch.Mask has {Mask?.Length ?? 0} values but Steps×OutputCount×BatchSize = {nOut}.", nameof(Mask));
        for (int j = 0; j < Inputs.Length; j++)
            if (!double.IsFinite(Inputs[j]))
                throw new ArgumentException($"TrialBatch.Inputs[{j}] is {Inputs[j]} (step {j / (InputCount * BatchSize)}); inputs must be finite.", nameof(Inputs));
        for (int j = 0; j < Targets.Length; j++)
        {
            if (Mask[j] != 0 && !double.IsFinite(Targets[j]))
                throw new ArgumentException($"TrialBatch.Targets[{j}] is {Targets[j]} (step {j / (OutputCount * BatchSize)}, trial {j / OutputCount % BatchSize}, output {j % OutputCount}) where the mask is {Mask[j]}; targets must be finite where they count.", nameof(Targets));
            if (!double.IsFinite(Mask[j]) || Mask[j] < 0)
                throw new ArgumentException($"TrialBatch.Mask[{j}] is {Mask[j]}; mask weights must be finite and non-negative.", nameof(Mask));
        }
        if (Lengths is not null)
        {
            if (Lengths.Length != BatchSize)
                throw new ArgumentException($"TrialBatch.Lengths has {Lengths.Length} entries for {BatchSize} trials.", nameof(Lengths));
            for (int b = 0; b < BatchSize; b++)
                if (Lengths[b] < 1 || Lengths[b] > Steps)
                    throw new ArgumentException($"TrialBatch.Lengths[{b}] = {Lengths[b]} is outside [1, {Steps}].", nameof(Lengths));
        }
    }
}
