using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// The success criteria of Martens &amp; Sutskever (2011), shared by all tasks: a real-valued answer is wrong
/// when |output − target| exceeds a tolerance at any masked entry; a class answer is wrong on any argmax error.
/// </summary>
public static class TaskScoring
{
    /// <summary>The real-valued tolerance of the pathological problems: |error| &gt; 0.04 is wrong.</summary>
    public const double DefaultTolerance = 0.04;

    /// <summary>
    /// Scores <paramref name="outputs"/> (laid out like the batch's targets, after the output nonlinearity)
    /// by the criterion matched to <paramref name="kind"/>; a trial is wrong when any of its masked answers is.
    /// </summary>
    /// <exception cref="ArgumentException">The outputs do not match the batch's shape.</exception>
    public static TaskScore Score(OutputKind kind, TrialBatch batch, ReadOnlySpan<double> outputs, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int steps = batch.Steps, batchSize = batch.BatchSize, outputCount = batch.OutputCount;
        if (outputs.Length != batch.Targets.Length)
            throw new ArgumentException($"outputs has {outputs.Length} values but the batch has Steps×OutputCount×BatchSize = {batch.Targets.Length}.", nameof(outputs));
        var wrong = new bool[batchSize];
        double lossSum = 0, weightSum = 0;
        for (int t = 0; t < steps; t++)
            for (int b = 0; b < batchSize; b++)
            {
                int start = batch.OutputIndex(t, b, 0);
                switch (kind)
                {
                    case OutputKind.LinearSquaredError:
                    case OutputKind.LogisticCrossEntropy:
                        for (int o = 0; o < outputCount; o++)
                        {
                            double m = batch.Mask[start + o];
                            if (m == 0) continue;
                            double y = outputs[start + o], target = batch.Targets[start + o];
                            if (kind == OutputKind.LinearSquaredError)
                            {
                                lossSum += m * (y - target) * (y - target);
                                if (!(Math.Abs(y - target) <= tolerance)) wrong[b] = true;
                            }
                            else
                            {
                                double yc = Math.Clamp(y, 1e-15, 1 - 1e-15);
                                lossSum -= m * (target * Math.Log(yc) + (1 - target) * Math.Log(1 - yc));
                                if (!(y >= 0.5 == target >= 0.5) || double.IsNaN(y)) wrong[b] = true;
                            }
                            weightSum += m;
                        }
                        break;
                    case OutputKind.SoftmaxCrossEntropy:
                        {
                            double m = 0;
                            for (int o = 0; o < outputCount; o++) m = Math.Max(m, batch.Mask[start + o]);
                            if (m == 0) continue;
                            int best = 0, targetClass = 0;
                            for (int o = 1; o < outputCount; o++)
                            {
                                if (outputs[start + o] > outputs[start + best]) best = o;
                                if (batch.Targets[start + o] > batch.Targets[start + targetClass]) targetClass = o;
                            }
                            double ce = 0;
                            for (int o = 0; o < outputCount; o++)
                                if (batch.Targets[start + o] != 0)
                                    ce -= batch.Targets[start + o] * Math.Log(Math.Max(outputs[start + o], 1e-15));
                            lossSum += m * ce;
                            weightSum += m;
                            if (best != targetClass || double.IsNaN(outputs[start + best])) wrong[b] = true;
                            break;
                        }
                    default:
                        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown output kind.");
                }
            }
        int wrongCount = 0;
        foreach (bool w in wrong) if (w) wrongCount++;
        string criterion = kind switch
        {
            OutputKind.LinearSquaredError => $"|error| > {tolerance} at any masked entry",
            OutputKind.LogisticCrossEntropy => "output on the wrong side of 0.5 at any masked entry",
            _ => "argmax error at any masked step",
        };
        return new TaskScore((double)wrongCount / batchSize, weightSum > 0 ? lossSum / weightSum : 0, criterion);
    }

    /// <summary>
    /// Per-trial choice (+1 / −1, sign of output 0) at the trial's last masked step — the readout of the
    /// decision tasks. Trials without a masked step get 0.
    /// </summary>
    public static double[] Choices(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (outputs.Length != batch.Targets.Length)
            throw new ArgumentException($"outputs has {outputs.Length} values but the batch has {batch.Targets.Length}.", nameof(outputs));
        var choices = new double[batch.BatchSize];
        for (int b = 0; b < batch.BatchSize; b++)
            for (int t = batch.Steps - 1; t >= 0; t--)
            {
                int j = batch.OutputIndex(t, b, 0);
                if (batch.Mask[j] == 0) continue;
                choices[b] = outputs[j] >= 0 ? 1 : -1;
                break;
            }
        return choices;
    }
}
