using NeuroRnn.Fitting;
using NeuroRnn.Networks;

namespace NeuroRnn.Tests.Fitting;

public class TuningPerturbationTests
{
    private static readonly Lazy<RecordingFitResult> DaleFit = new(() => RecordingFitter.Fit(TinyRecording.Create(units: 6, directions: 8), new RecordingFitOptions
    {
        UnitCount = 20, BinMs = 20, SmoothingMs = 0, TauMs = 40, Iterations = 6, Seed = 3,
        Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = TinyRecording.StimulusOffsetMs },
        Optimizer = new() { MaxCgIterations = 30, InitialLambda = 0.01 },
        Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.8 },
    }));

    [Theory]
    [InlineData(PerturbationKind.Silence, UnitTypeFilter.Inhibitory)]
    [InlineData(PerturbationKind.Stimulate, UnitTypeFilter.Excitatory)]
    public void AZeroStrengthPerturbationIsTheIdentity(PerturbationKind kind, UnitTypeFilter cells)
    {
        var result = TuningPerturbations.Predict(DaleFit.Value, new TuningPerturbationOptions { Kind = kind, CellTypes = cells, Strength = 0, Fraction = 0.5, Repetitions = 3 });
        Assert.True(result.PerturbedPerRepetition > 0);
        foreach (var unit in result.Units)
            foreach (var change in new[] { unit.Gain, unit.Baseline, unit.Width, unit.PreferredOrientation, unit.MeanRate })
            {
                Assert.Equal(0, change.Mean);
                Assert.Equal(0, change.Interval.Low);
                Assert.Equal(0, change.Interval.High);
            }
        Assert.Equal(0, result.PopulationMeanRate.Mean);
        Assert.True(result.ControlPeakRate > 0);
        Assert.Equal([1.0, 1.0, 1.0], result.PeakRatios);
    }

    [Fact]
    public void SilencingAllInhibitoryUnitsChangesTheResponsesAndDrawsVary()
    {
        // With every I unit silent this small network climbs past 5× its control peak (unstable by default); the test is
        // about the change itself, so the runaway bound is lifted.
        var all = TuningPerturbations.Predict(DaleFit.Value, new TuningPerturbationOptions { Fraction = 1, Repetitions = 2, RunawayFactor = 1e6 });
        Assert.Equal(4, all.EligibleUnits); // 20 % of 20
        Assert.Equal(4, all.PerturbedPerRepetition);
        Assert.Contains(all.Units, u => Math.Abs(u.MeanRate.Mean) > 1e-6);
        // Every repetition silences the same complete set: no spread.
        Assert.All(all.Units, u => Assert.Equal(u.MeanRate.Interval.Low, u.MeanRate.Interval.High, 12));
        var some = TuningPerturbations.Predict(DaleFit.Value, new TuningPerturbationOptions { CellTypes = UnitTypeFilter.Excitatory, Fraction = 0.2, Repetitions = 8 });
        Assert.Equal(16, some.EligibleUnits);
        Assert.Equal(3, some.PerturbedPerRepetition);
        Assert.Contains(some.Units, u => u.MeanRate.Interval.High - u.MeanRate.Interval.Low > 1e-9);
    }

    [Fact]
    public void RunawayDrawsAreCountedAsUnstableAndKeptOutOfEverySummary()
    {
        // Driving a fifth of the E units with a current of 100 pushes their softplus rates to ≈ 100, far above 5× the control's peak.
        var driven = new TuningPerturbationOptions { Kind = PerturbationKind.Stimulate, CellTypes = UnitTypeFilter.Excitatory, Strength = 100, Fraction = 0.2, Repetitions = 4 };
        var runaway = TuningPerturbations.Predict(DaleFit.Value, driven);
        Assert.Equal([0, 1, 2, 3], runaway.UnstableRepetitions.Select(u => u.Repetition));
        Assert.Equal(0, runaway.StableRepetitions);
        Assert.All(runaway.UnstableRepetitions, u => Assert.True(u.PeakRatio > 5, $"peak ratio {u.PeakRatio}"));
        Assert.Equal(runaway.UnstableRepetitions.Select(u => u.PeakRatio), runaway.PeakRatios); // every draw's ratio, the unstable ones included
        Assert.True(double.IsNaN(runaway.PopulationMeanRate.Mean));
        Assert.All(runaway.Units, u => Assert.True(double.IsNaN(u.MeanRate.Mean)));
        Assert.Contains("4 unstable", runaway.ToString());
        // The same draws judged against a bound they stay under: all stable, and the summaries are the large real changes.
        var tolerated = TuningPerturbations.Predict(DaleFit.Value, driven with { RunawayFactor = 1e6 });
        Assert.Empty(tolerated.UnstableRepetitions);
        Assert.True(tolerated.PopulationMeanRate.Mean > 1, $"mean rate change {tolerated.PopulationMeanRate.Mean}");
        Assert.DoesNotContain("unstable", tolerated.ToString());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    public void ARunawayFactorOfAtMostOneIsAnErrorNamingIt(double factor)
    {
        var e = Assert.Throws<ArgumentException>(() => TuningPerturbations.Predict(DaleFit.Value, new TuningPerturbationOptions { RunawayFactor = factor }));
        Assert.Equal("RunawayFactor", e.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void AFractionOutsideTheUnitIntervalIsAnErrorNamingIt(double fraction)
    {
        var e = Assert.Throws<ArgumentException>(() => TuningPerturbations.Predict(DaleFit.Value, new TuningPerturbationOptions { Fraction = fraction }));
        Assert.Equal("Fraction", e.ParamName);
        Assert.Contains("[0, 1]", e.Message);
    }
}
