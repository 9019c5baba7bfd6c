namespace NeuroRnn.Trials;

/// <summary>Sub-batches of a <see cref="TrialBatch"/>.</summary>
public static class TrialBatchSlicing
{
    /// <summary>
    /// A new batch holding trials [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>)
    /// of <paramref name="batch"/> (copied, with their lengths and conditions).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside the batch.</exception>
    public static TrialBatch Slice(this TrialBatch batch, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (count <= 0 || start < 0 || (long)start + count > batch.BatchSize)
            throw new ArgumentOutOfRangeException(nameof(count), $"Trials [{start}, {start + count}) are not a non-empty range inside the batch of {batch.BatchSize}.");
        int steps = batch.Steps, inputs = batch.InputCount, outputs = batch.OutputCount;
        var newInputs = new double[(long)steps * count * inputs];
        var newTargets = new double[(long)steps * count * outputs];
        var newMask = new double[(long)steps * count * outputs];
        for (int t = 0; t < steps; t++)
        {
            Array.Copy(batch.Inputs, ((long)t * batch.BatchSize + start) * inputs, newInputs, (long)t * count * inputs, (long)count * inputs);
            Array.Copy(batch.Targets, ((long)t * batch.BatchSize + start) * outputs, newTargets, (long)t * count * outputs, (long)count * outputs);
            Array.Copy(batch.Mask, ((long)t * batch.BatchSize + start) * outputs, newMask, (long)t * count * outputs, (long)count * outputs);
        }
        Dictionary<string, double[]>? conditions = null;
        if (batch.Conditions is not null)
        {
            conditions = new Dictionary<string, double[]>(StringComparer.Ordinal);
            foreach (var (name, values) in batch.Conditions) conditions[name] = values.AsSpan(start, count).ToArray();
        }
        return new TrialBatch(steps, count, inputs, outputs, newInputs, newTargets, newMask,
            batch.Lengths?.AsSpan(start, count).ToArray(), conditions);
    }
}
