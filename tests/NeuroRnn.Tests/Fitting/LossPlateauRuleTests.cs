using NeuroRnn.Fitting;
using NeuroRnn.Training;

namespace NeuroRnn.Tests.Fitting;

public class LossPlateauRuleTests
{
    private static IterationStatistics After(int iteration, double loss) => new(iteration, loss, loss, null, 0.1, true, 0.01, 0.01 * (iteration + 1));

    [Fact]
    public void A_loss_that_stops_falling_is_a_plateau_after_the_window()
    {
        var rule = LossPlateauRule.For(0.01, 3)!;
        double[] losses = [1.0, 0.5, 0.25, 0.2499, 0.2498, 0.2497];
        var fired = losses.Select((l, i) => rule.Reached(After(i, l))).ToArray();
        // Iteration 4 compares 0.2498 with 0.5 three iterations earlier (a 50 % fall); iteration 5 compares 0.2497 with 0.25.
        Assert.Equal([false, false, false, false, false, true], fired);
        Assert.Equal(StopKind.Plateau, rule.Reason!.Kind);
        Assert.Contains("in the last 3 iterations", rule.Reason.Description);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_loss_that_is_not_a_number_is_a_divergence_not_a_plateau(double bad)
    {
        var rule = LossPlateauRule.For(0.01, 3)!;
        Assert.False(rule.Reached(After(0, 1.0)));
        Assert.Null(rule.Reason);
        Assert.True(rule.Reached(After(1, bad))); // inside the window: a divergence does not wait for it
        Assert.Equal(StopKind.Diverged, rule.Reason!.Kind);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), rule.Reason.Description);
    }
}
