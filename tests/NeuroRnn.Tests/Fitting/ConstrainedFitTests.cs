using NeuroRnn.Fitting;
using NeuroRnn.Models;

namespace NeuroRnn.Tests.Fitting;

public class ConstrainedFitTests
{
    private static readonly RecordingFitOptions Options = new()
    {
        UnitCount = 12, BinMs = 20, SmoothingMs = 0, TauMs = 40, Iterations = 12, Seed = 3,
        Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = TinyRecording.StimulusOffsetMs },
        Optimizer = new() { MaxCgIterations = 40, InitialLambda = 0.01 },
    };

    [Fact]
    public void NoIterationOfADaleFitViolatesASign()
    {
        var rec = TinyRecording.Create();
        var options = Options with
        {
            Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.75, UnitTypes = new Dictionary<int, string> { [0] = "I", [2] = "E" } },
        };
        var dataset = RecordingFitter.Prepare(rec, options);
        int checkedIterations = 0;
        double[]? first = null;
        bool moved = false;
        var fit = RecordingFitter.Fit(dataset, options, model =>
        {
            var w = model.EffectiveRecurrentWeights();
            first ??= w;
            moved |= !w.SequenceEqual(first);
            for (int pre = 0; pre < 12; pre++)
                for (int post = 0; post < 12; post++)
                {
                    double weight = w[pre * 12 + post];
                    Assert.True(model.IsExcitatory(pre) ? weight >= 0 : weight <= 0, $"iteration {checkedIterations}: W[{post}, {pre}] = {weight}");
                }
            checkedIterations++;
        });
        Assert.Equal(fit.Statistics.Count, checkedIterations);
        Assert.True(checkedIterations >= 3);
        Assert.True(moved, "the weights never changed, so the check saw nothing");
        Assert.True(fit.FinalLoss < fit.Statistics[0].Loss);
        // Recorded unit 0 was assigned I and sits on an inhibitory unit; unit 2 on an excitatory one.
        var readout = fit.Model.Options.ReadoutUnits!;
        Assert.False(fit.Model.IsExcitatory(readout[0]));
        Assert.True(fit.Model.IsExcitatory(readout[2]));
        Assert.Equal(Nonlinearity.Softplus, fit.Model.Options.Nonlinearity);
        Assert.Contains("Dale's law", fit.ToString());
        Assert.Contains("non-negative rates", fit.ToString());
    }

    [Fact]
    public void AMaskedFitKeepsTheMissingConnectionsAtZero()
    {
        var mask = new bool[12, 12];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) mask[i, j] = (i + j) % 3 != 0;
        var fit = RecordingFitter.Fit(TinyRecording.Create(), Options with { Iterations = 3, Constraints = new FitConstraints { RecurrentMask = mask } });
        var w = fit.Model.EffectiveRecurrentWeights();
        for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) if (!mask[i, j]) Assert.Equal(0, w[j * 12 + i]);
        Assert.Contains(fit.Options.Constraints.Describe(), l => l.StartsWith("recurrent mask", StringComparison.Ordinal));
        // The saved fit reloads with its connectivity.
        string dir = Path.Combine(Path.GetTempPath(), "neurornn-masked-fit-" + Guid.NewGuid().ToString("N"));
        FittedNetworkFile.Save(fit, dir);
        var (loaded, _) = FittedNetworkFile.Load(dir);
        Assert.Equal(w, loaded.EffectiveRecurrentWeights());
        for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) Assert.Equal(mask[i, j], loaded.Options.RecurrentMask![i, j]);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void BadAssignmentsNameTheUnits()
    {
        var rec = TinyRecording.Create();
        var unknown = Options with { Constraints = new FitConstraints { DalesLaw = true, UnitTypes = new Dictionary<int, string> { [1] = "E", [9] = "I" } } };
        var e = Assert.Throws<ArgumentException>(() => RecordingFitter.NetworkOptions(RecordingFitter.Prepare(rec, unknown), unknown));
        Assert.Contains("unit(s) 9", e.Message);
        Assert.Equal("UnitTypes", e.ParamName);
        // 12 units at 90 % excitatory leave 1 inhibitory unit; three recorded units assigned I contradict that.
        var tooMany = Options with { Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.9, UnitTypes = new Dictionary<int, string> { [0] = "I", [1] = "I", [3] = "I" } } };
        e = Assert.Throws<ArgumentException>(() => RecordingFitter.NetworkOptions(RecordingFitter.Prepare(rec, tooMany), tooMany));
        Assert.Contains("units 0, 1, 3", e.Message);
        Assert.Contains("ExcitatoryFraction", e.Message);
        Assert.Equal("UnitTypes", e.ParamName);
        // 12 units at 10 % excitatory give 1 excitatory unit; two recorded units assigned E contradict that.
        var tooManyE = Options with { Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.1, UnitTypes = new Dictionary<int, string> { [2] = "E", [3] = "E" } } };
        e = Assert.Throws<ArgumentException>(() => RecordingFitter.NetworkOptions(RecordingFitter.Prepare(rec, tooManyE), tooManyE));
        Assert.Contains("assigns 2 units as E (units 2, 3)", e.Message);
        Assert.Contains("gives only 1 excitatory unit", e.Message);
        Assert.Equal("UnitTypes", e.ParamName);
        var notDale = Options with { Constraints = new FitConstraints { UnitTypes = new Dictionary<int, string> { [0] = "I" } } };
        e = Assert.Throws<ArgumentException>(() => notDale.Validate());
        Assert.Equal("UnitTypes", e.ParamName);
        var badType = Options with { Constraints = new FitConstraints { DalesLaw = true, UnitTypes = new Dictionary<int, string> { [0] = "X" } } };
        Assert.Throws<ArgumentException>(() => badType.Validate());
    }

    [Fact]
    public void AnUnconstrainedFitListsNoConstraints()
    {
        Assert.Empty(new FitConstraints().Describe());
        Assert.False(new FitConstraints().Any);
    }
}
