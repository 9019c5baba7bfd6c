using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Models;

namespace NeuroRnn.Tests.Fitting;

public class FreeUnitTypingTests
{
    private const int Units = 12;

    // Recorded unit k is network unit Planted[k] of a Dale network whose units 0–5 are E and 6–11 I: the recording order
    // alternates I, E, I, E…, so the positional rule (first six recorded units E) gets exactly half of them right.
    private static readonly int[] Planted = [6, 0, 7, 1, 8, 2, 9, 3, 10, 4, 11, 5];

    private static readonly RecordingFitOptions Options = new()
    {
        UnitCount = Units, BinMs = 20, SmoothingMs = 0, TauMs = 40, Iterations = 2, Seed = 5, TestFraction = 0.2,
        Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = 200 },
        Optimizer = new() { MaxCgIterations = 60, InitialLambda = 0.01 },
    };

    private static bool TrulyExcitatory(int recordedUnit) => Planted[recordedUnit] < Units / 2;

    [Fact]
    public void TheFitRecoversThePlantedCellTypesThatThePositionalRuleMisses()
    {
        var recording = PlantedRecording();
        var options = Options with
        {
            Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.5, FreeUnits = FreeUnitTyping.FitDecides, WarmUpIterations = 25 },
        };
        var fit = RecordingFitter.Fit(recording, options);
        var chosen = fit.ChosenUnitTypes!;
        Assert.Equal(Units, chosen.Count);
        Assert.Equal(Units / 2, chosen.Count(p => p.Value == "E")); // the excitatory fraction holds
        int correct = Enumerable.Range(0, Units).Count(k => (chosen[k] == "E") == TrulyExcitatory(k));
        int positionalCorrect = Enumerable.Range(0, Units).Count(k => (k < Units / 2) == TrulyExcitatory(k));
        Assert.Equal(Units / 2, positionalCorrect);
        // Measured: 11 of 12 net weights have the planted sign; the fraction then forces the least negative I unit to E (10 of 12).
        Assert.True(correct >= 10, $"the fit typed {correct} of {Units} recorded units correctly (net outgoing weights {string.Join(", ", fit.WarmUpNetOutgoingWeights!.Select(w => w.ToString("F2")))})");
        // The constrained network places every recorded unit on a network unit of the chosen type, and result.Options reproduces it.
        var readout = fit.Model.Options.ReadoutUnits!;
        for (int k = 0; k < Units; k++) Assert.Equal(chosen[k] == "E", fit.Model.IsExcitatory(readout[k]));
        Assert.Equal(chosen, fit.Options.Constraints.UnitTypes);
        Assert.Contains("free units typed by the fit", fit.ToString());
        Assert.Contains("chosen types: 6 E, 6 I", fit.ToString());
    }

    [Fact]
    public void ListedUnitsKeepTheirTypeAndTheFractionBoundsTheChoice()
    {
        int[] fitted = [0, 1, 2, 3, 4, 5];
        // All six free units have positive net weights, but 50 % of 6 network units leaves room for 3 E (one listed).
        var types = FreeUnitTypeAssignment.Assign(fitted, [0.5, 0.4, 0.3, 0.2, 0.1, 0.05], new Dictionary<int, string> { [5] = "E" }, 0.5, 6);
        Assert.Equal(["E", "E", "I", "I", "I", "E"], fitted.Select(u => types[u]));
        // All negative: E only as far as the inhibitory units cannot hold them (6 units, 2 I slots → 4 E, the least negative).
        types = FreeUnitTypeAssignment.Assign(fitted, [-0.1, -0.6, -0.2, -0.5, -0.3, -0.4], null, 4.0 / 6, 6);
        Assert.Equal(["E", "I", "E", "I", "E", "E"], fitted.Select(u => types[u]));
        // A larger network than the recording: free units go by sign while slots remain (the hidden units take the rest).
        types = FreeUnitTypeAssignment.Assign([0, 1, 2], [0.3, -0.2, 0.1], null, 0.5, 10);
        Assert.Equal(["E", "I", "E"], new[] { 0, 1, 2 }.Select(u => types[u]));
    }

    [Fact]
    public void LettingTheFitChooseNeedsDalesLawAndAUnitReadout()
    {
        var e = Assert.Throws<ArgumentException>(() => (Options with { Constraints = new FitConstraints { FreeUnits = FreeUnitTyping.FitDecides } }).Validate());
        Assert.Equal("FreeUnits", e.ParamName);
        Assert.Contains("DalesLaw", e.Message);
        e = Assert.Throws<ArgumentException>(() => (Options with { Readout = FitReadout.Linear, Constraints = new FitConstraints { DalesLaw = true, FreeUnits = FreeUnitTyping.FitDecides } }).Validate());
        Assert.Contains("Readout = Units", e.Message);
        e = Assert.Throws<ArgumentException>(() => (Options with { Constraints = new FitConstraints { DalesLaw = true, FreeUnits = FreeUnitTyping.FitDecides, WarmUpIterations = 0 } }).Validate());
        Assert.Equal("WarmUpIterations", e.ParamName);
    }

    /// <summary>
    /// Rates (Hz) of a planted 12-unit Dale network (softplus, 6 E then 6 I, strong inhibition) driven by the fit's own
    /// stimulus encoding of 8 directions × 4 trials, recorded in the scrambled order <see cref="Planted"/>.
    /// </summary>
    private static Recording PlantedRecording()
    {
        int directions = 8, perDirection = 4, trials = directions * perDirection, steps = 20;
        var time = Enumerable.Range(0, steps).Select(t => -90.0 + 20 * t).ToArray();
        var direction = Enumerable.Range(0, trials).Select(k => 360.0 / directions * (k % directions)).ToArray();
        var table = new ColumnTable(trials, new TableColumn[]
        {
            new DoubleColumn("trial", Enumerable.Range(0, trials).Select(k => (double)k)),
            new DoubleColumn("direction_deg", direction),
            new DoubleColumn("contrast", Enumerable.Repeat(1.0, trials)),
        });
        var unitsTable = new ColumnTable(Units, new TableColumn[] { new StringColumn("unit", Enumerable.Range(0, Units).Select(u => (string?)$"r{u}")) });
        var template = Recording.Create(new double[Units * steps * trials], time, table, unitsTable, RecordingValueKind.RatesHz, "template");
        var dataset = RecordingFitter.Prepare(template, Options);
        var batch = dataset.InputsFor(table);

        var model = new RateRnn(new RateRnnOptions
        {
            UnitCount = Units, InputCount = dataset.InputCount, OutputCount = Units, ReadoutUnits = Planted, Dt = 20, Tau = 40,
            DalesLaw = true, ExcitatoryFraction = 0.5, Nonlinearity = Nonlinearity.Softplus, Seed = 11,
        });
        var layout = RateRnnParameterLayout.For(model.Options);
        var theta = model.GetParameters();
        var random = new Random(3);
        int w = layout.Offset(ParameterBlock.RecurrentWeights), win = layout.Offset(ParameterBlock.InputWeights), b = layout.Offset(ParameterBlock.RecurrentBias);
        for (int pre = 0; pre < Units; pre++)
            for (int post = 0; post < Units; post++)
                theta[w + pre * Units + post] = pre < Units / 2 ? 0.15 + 0.25 * random.NextDouble() : 0.3 + 0.4 * random.NextDouble(); // |W̃|; the sign comes from Dale's law
        for (int k = 0; k < Units * dataset.InputCount; k++) theta[win + k] = 2 * (random.NextDouble() - 0.5) * 2;
        for (int u = 0; u < Units; u++) theta[b + u] = -0.5;
        model.SetParameters(theta);
        var run = model.Run(batch);
        var data = new double[Units * steps * trials];
        for (int u = 0; u < Units; u++)
            for (int t = 0; t < steps; t++)
                for (int k = 0; k < trials; k++)
                    data[(u * steps + t) * trials + k] = 20 * run.Outputs[(t * trials + k) * Units + u];
        return Recording.Create(data, time, table, unitsTable, RecordingValueKind.RatesHz, "planted Dale network");
    }
}
