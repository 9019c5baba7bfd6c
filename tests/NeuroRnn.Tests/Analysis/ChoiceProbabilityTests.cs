using NeuroRnn.Analysis;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Analysis;

public class ChoiceProbabilityTests
{
    /// <summary>
    /// 600 trials at five signed coherences; the choice is the sign of coherence + noise, so every coherence has both
    /// choices. Unit 0 responds to the stimulus and, strongly, to the choice; unit 1 to the stimulus only.
    /// </summary>
    private static (double[] Coherence, double[] Choice, double[] Selective, double[] Blind) Planted(int seed)
    {
        var random = new SeededRandom(seed);
        double[] levels = [-0.2, -0.1, 0, 0.1, 0.2];
        int n = 600;
        var coherence = new double[n];
        var choice = new double[n];
        var selective = new double[n];
        var blind = new double[n];
        for (int k = 0; k < n; k++)
        {
            coherence[k] = levels[k % levels.Length];
            choice[k] = coherence[k] + 0.3 * random.NextGaussian() > 0 ? 1 : -1;
            selective[k] = 10 + 20 * coherence[k] + 2.5 * choice[k] + random.NextGaussian();
            blind[k] = 10 + 20 * coherence[k] + random.NextGaussian();
        }
        return (coherence, choice, selective, blind);
    }

    [Fact]
    public void A_choice_selective_unit_has_CP_above_0_9_and_a_stimulus_only_unit_about_one_half()
    {
        var (coherence, choice, selective, blind) = Planted(4);

        var cpSelective = ChoiceProbability.Compute(selective, choice, coherence, new ChoiceProbabilityOptions { Seed = 1 });
        var cpBlind = ChoiceProbability.Compute(blind, choice, coherence, new ChoiceProbabilityOptions { Seed = 1 });

        Assert.True(cpSelective.Value > 0.9, cpSelective.ToString());
        Assert.True(cpSelective.PValue < 0.01, cpSelective.ToString());
        Assert.False(cpSelective.PermutationInterval.Contains(cpSelective.Value));
        Assert.InRange(cpBlind.Value, 0.43, 0.57);
        Assert.True(cpBlind.PermutationInterval.Contains(cpBlind.Value), cpBlind.ToString());
        Assert.True(cpBlind.PValue > 0.05, cpBlind.ToString());
        Assert.True(cpBlind.PermutationInterval.Contains(0.5) && cpBlind.PermutationInterval.High - cpBlind.PermutationInterval.Low < 0.2);
        Assert.Equal(5, cpSelective.ConditionCount);
        Assert.Equal(600, cpSelective.TrialCount);
        Assert.All(cpSelective.ConditionValues, v => Assert.True(v > 0.85, $"per-condition CP {v}"));
        // Without z-scoring within conditions the stimulus would masquerade as choice: pooling raw responses of the blind
        // unit over coherences gives a large "CP"; the grand CP removes it.
        var pooledRaw = ChoiceProbability.Compute(blind, choice, null, new ChoiceProbabilityOptions { Permutations = 0 });
        Assert.True(pooledRaw.Value > 0.65, $"raw pooled CP {pooledRaw.Value}");
        Assert.True(double.IsNaN(pooledRaw.PValue));
    }

    [Fact]
    public void Known_ROC_areas_with_ties_and_the_preferred_choice()
    {
        // Preferred (+1) responses {3, 4}, other {1, 3}: pairs (3>1) 1, (3=3) ½, (4>1) 1, (4>3) 1 → 3.5/4.
        var result = ChoiceProbability.Compute([3, 1, 4, 3], [1, -1, 1, -1], options: new ChoiceProbabilityOptions { MinTrialsPerChoice = 1, Permutations = 0 });
        Assert.Equal(0.875, result.Value, 15);
        Assert.Equal(1.0, result.PreferredChoice);
        var flipped = ChoiceProbability.Compute([3, 1, 4, 3], [1, -1, 1, -1], options: new ChoiceProbabilityOptions { MinTrialsPerChoice = 1, Permutations = 0, PreferredChoice = -1 });
        Assert.Equal(0.125, flipped.Value, 15);
    }

    [Fact]
    public void Permutations_are_reproducible_for_a_seed()
    {
        var (coherence, choice, _, blind) = Planted(9);
        var options = new ChoiceProbabilityOptions { Seed = 3, Permutations = 200 };
        var a = ChoiceProbability.Compute(blind, choice, coherence, options);
        var b = ChoiceProbability.Compute(blind, choice, coherence, options);
        Assert.Equal(a.PValue, b.PValue);
        Assert.Equal(a.PermutationInterval, b.PermutationInterval);
    }

    [Fact]
    public void Units_of_a_recording_from_a_time_window()
    {
        var (coherence, choice, selective, blind) = Planted(4);
        int n = coherence.Length;
        // Two time bins: before the window the units carry nothing; inside it they carry the planted responses.
        var data = new double[2, 2, n];
        var random = new SeededRandom(2);
        for (int k = 0; k < n; k++)
        {
            data[0, 0, k] = random.NextGaussian();
            data[1, 0, k] = random.NextGaussian();
            data[0, 1, k] = selective[k];
            data[1, 1, k] = blind[k];
        }
        var trials = new ColumnTable(n, [new DoubleColumn("coherence", coherence), new DoubleColumn("choice", choice)]);
        var recording = Recording.Create(data, [50.0, 150.0], trials, Recording.DefaultUnits(2), RecordingValueKind.Other);

        var result = ChoiceProbability.OfUnits(recording, "choice", ["coherence"], 100, 200, new ChoiceProbabilityOptions { Seed = 1 });

        Assert.Equal(2, result.Length);
        Assert.Equal(ChoiceProbability.Compute(selective, choice, coherence, new ChoiceProbabilityOptions { Permutations = 0 }).Value, result[0].Value, 12);
        Assert.True(result[0].Value > 0.9 && result[1].PermutationInterval.Contains(result[1].Value));
        var e = Assert.Throws<ArgumentException>(() => ChoiceProbability.OfUnits(recording, "decision", ["coherence"], 100, 200));
        Assert.Equal("choiceColumn", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.OfUnits(recording, "choice", ["contrast"], 100, 200));
        Assert.Equal("conditionColumns", e.ParamName);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, 2, 3], [1, -1]));
        Assert.Equal("choices", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, double.NaN, 3, 4], [1, -1, 1, -1]));
        Assert.Equal("responses", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, 2, 3, 4], [1, -1, 0, -1]));
        Assert.Contains("3 distinct values", e.Message);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, 2, 3, 4], [1, 1, 1, -1]));
        Assert.Contains("No condition has at least 2 trials of each choice", e.Message);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, 2, 3, 4], [1, -1, 1, -1], [0, 0, 1]));
        Assert.Equal("conditions", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ChoiceProbability.Compute([1, 2, 3, 4], [1, -1, 1, -1], options: new ChoiceProbabilityOptions { PreferredChoice = 2 }));
        Assert.Equal("PreferredChoice", e.ParamName);
    }
}
