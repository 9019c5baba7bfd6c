using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>Scoring shared by the ±1 decision tasks.</summary>
internal static class DecisionScoring
{
    /// <summary>A trial is right when its choice (sign of the output at the last masked step) matches the target's sign.</summary>
    public static TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var lossScore = TaskScoring.Score(OutputKind.LinearSquaredError, batch, outputs);
        int wrong = Correct(batch, TaskScoring.Choices(batch, outputs)).Count(c => c == 0);
        return new TaskScore((double)wrong / batch.BatchSize, lossScore.Loss, "sign of the output at the last response step differs from the target's");
    }

    /// <summary>Per trial, 1 when <paramref name="choices"/> matches the sign of the target at the last masked step, else 0.</summary>
    public static double[] Correct(TrialBatch batch, double[] choices)
    {
        var correct = new double[batch.BatchSize];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            double target = 0;
            for (int t = batch.Steps - 1; t >= 0; t--)
            {
                int j = batch.OutputIndex(t, b, 0);
                if (batch.Mask[j] != 0) { target = batch.Targets[j]; break; }
            }
            correct[b] = choices[b] == Math.Sign(target) ? 1 : 0;
        }
        return correct;
    }

    public static List<PsychometricPoint> Psychometric(double[] choices, double[] coherence, Func<int, bool> include,
        string context, string input, bool relevant)
    {
        var groups = new SortedDictionary<double, (int plus, int n)>();
        for (int b = 0; b < choices.Length; b++)
        {
            if (!include(b)) continue;
            groups.TryGetValue(coherence[b], out var g);
            groups[coherence[b]] = (g.plus + (choices[b] > 0 ? 1 : 0), g.n + 1);
        }
        var points = new List<PsychometricPoint>();
        foreach (var (c, g) in groups) points.Add(new PsychometricPoint(context, input, relevant, c, (double)g.plus / g.n, g.n));
        return points;
    }

    public static double[] Condition(TrialBatch batch, string name) =>
        batch.Conditions is not null && batch.Conditions.TryGetValue(name, out var values) ? values
            : throw new ArgumentException($"The batch has no condition \"{name}\"; was it sampled from this task?", nameof(batch));
}
