namespace NeuroRnn.Trials;

/// <summary>
/// Fills the time-major arrays of a <see cref="TrialBatch"/> through (t, b, channel) setters, so task code
/// never spells out the index arithmetic.
/// </summary>
internal sealed class TrialBatchBuilder
{
    public TrialBatchBuilder(int steps, int batchSize, int inputCount, int outputCount)
    {
        Steps = steps; BatchSize = batchSize; InputCount = inputCount; OutputCount = outputCount;
        Inputs = new double[(long)steps * batchSize * inputCount];
        Targets = new double[(long)steps * batchSize * outputCount];
        Mask = new double[(long)steps * batchSize * outputCount];
        Lengths = new int[batchSize];
        Array.Fill(Lengths, steps);
    }

    public int Steps { get; }
    public int BatchSize { get; }
    public int InputCount { get; }
    public int OutputCount { get; }
    public double[] Inputs { get; }
    public double[] Targets { get; }
    public double[] Mask { get; }
    public int[] Lengths { get; }
    public Dictionary<string, double[]> Conditions { get; } = new(StringComparer.Ordinal);

    public void SetInput(int t, int b, int i, double value) => Inputs[((long)t * BatchSize + b) * InputCount + i] = value;

    public void SetTarget(int t, int b, int o, double value, double mask = 1)
    {
        long j = ((long)t * BatchSize + b) * OutputCount + o;
        Targets[j] = value;
        Mask[j] = mask;
    }

    public double[] Condition(string name)
    {
        if (!Conditions.TryGetValue(name, out var values))
            Conditions[name] = values = new double[BatchSize];
        return values;
    }

    public TrialBatch Build(bool variableLengths) => new(Steps, BatchSize, InputCount, OutputCount, Inputs, Targets, Mask,
        variableLengths ? Lengths : null, Conditions.Count == 0 ? null : Conditions);
}
