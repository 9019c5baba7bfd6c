module NeuroRnn.FSharp.Tests.ConstrainedFitApiTests

// F# use of a biologically constrained recording fit end to end: FitConstraints with fit-decided cell types, an unbalanced
// start and a mask read from a file; the fitted weights obey the constraints; perturbation predictions report runaway
// draws as a list of UnstableRepetition records; the loss-plateau stop arrives as a typed StopReason.

open System
open System.IO
open Xunit
open NeuroRnn.Data.Synthetic
open NeuroRnn.Fitting
open NeuroRnn.Models
open NeuroRnn.Networks
open NeuroRnn.Training

let private units = 20

let private recording = lazy (V1GratingGenerator.Generate(V1GratingOptions(Units = 6, Directions = 8, TrialsPerDirection = 4, Seed = 3UL)))

let private fitOptions constraints iterations plateau =
    RecordingFitOptions(UnitCount = units, Iterations = iterations, Seed = 3, LossPlateau = plateau, LossPlateauWindow = 1,
                        Optimizer = HessianFreeOptions(MaxCgIterations = 30, InitialLambda = 0.01), Constraints = constraints)

/// A ring mask written as CSV: unit i receives from i±1 and i±2 (mod N) only, never from itself.
let private maskFile () =
    let path = Path.Combine(Path.GetTempPath(), sprintf "neurornn-fsharp-ring-%O.csv" (Guid.NewGuid()))
    let near i j = let d = abs (i - j) in d = 1 || d = 2 || d = units - 1 || d = units - 2
    let lines = [ for i in 0 .. units - 1 -> String.Join(",", [| for j in 0 .. units - 1 -> if near i j then "1" else "0" |]) ]
    File.WriteAllLines(path, lines)
    path

let private constrainedFit =
    lazy (
        let path = maskFile ()
        try
            let constraints =
                FitConstraints(DalesLaw = true, ExcitatoryFraction = 0.75, FreeUnits = FreeUnitTyping.FitDecides, WarmUpIterations = 2,
                               BalancedInitialization = false, RecurrentMask = ConnectivityMaskFile.Read(path, units),
                               UnitTypes = readOnlyDict [ 0, "I" ])
            RecordingFitter.Fit(recording.Force(), fitOptions constraints 3 (Nullable()))
        finally
            File.Delete path)

[<Fact>]
let ``A Dale fit with fit-decided types, an unbalanced start and a mask file obeys its constraints from F#`` () =
    let fit = constrainedFit.Force()
    let chosen = fit.ChosenUnitTypes
    Assert.NotNull chosen
    Assert.Equal(6, chosen.Count)
    Assert.Equal("I", chosen.[0]) // listed units keep their type; the fit types only the free ones
    Assert.All(chosen.Values, fun t -> Assert.Contains(t, [| "E"; "I" |]))
    Assert.Equal(6, fit.WarmUpNetOutgoingWeights.Count)
    let network = fit.Model.Options
    Assert.True(network.DalesLaw)
    Assert.False(network.BalanceInhibition)
    Assert.Equal(Nonlinearity.Softplus, network.Nonlinearity)
    // W[post i, pre j] at j·N + i: masked-off connections are zero, and every presynaptic unit's weights share its sign
    // (the first 15 = 0.75·20 units excitatory).
    let w = fit.Model.EffectiveRecurrentWeights()
    let mask = network.RecurrentMask
    for j in 0 .. units - 1 do
        for i in 0 .. units - 1 do
            let v = w.[j * units + i]
            if not mask.[i, j] then Assert.Equal(0.0, v)
            elif j < 15 then Assert.True(v >= 0.0, sprintf "E unit %d → %d has weight %g" j i v)
            else Assert.True(v <= 0.0, sprintf "I unit %d → %d has weight %g" j i v)
    Assert.Contains("chosen types:", fit.ToString())

[<Fact>]
let ``Runaway perturbation draws come back as UnstableRepetition records from F#`` () =
    let fit = constrainedFit.Force()
    // A current of 100 into a fifth of the E units drives their softplus rates to ≈ 100, far above 5× the control's peak.
    let driven = TuningPerturbationOptions(Kind = PerturbationKind.Stimulate, CellTypes = UnitTypeFilter.Excitatory, Strength = 100.0, Fraction = 0.2, Repetitions = 3)
    let runaway = TuningPerturbations.Predict(fit, driven)
    Assert.Equal<int list>([ 0; 1; 2 ], [ for u in runaway.UnstableRepetitions -> u.Repetition ])
    Assert.All(runaway.UnstableRepetitions, fun u -> Assert.True(u.PeakRatio > 5.0, sprintf "peak ratio %g" u.PeakRatio))
    Assert.Equal(0, runaway.StableRepetitions)
    Assert.True(Double.IsNaN runaway.PopulationMeanRate.Mean)
    Assert.Equal(UnstableRepetition(1, runaway.UnstableRepetitions.[1].PeakRatio), runaway.UnstableRepetitions.[1]) // value equality
    let tolerated = TuningPerturbations.Predict(fit, TuningPerturbationOptions(Kind = PerturbationKind.Stimulate, CellTypes = UnitTypeFilter.Excitatory, Strength = 100.0, Fraction = 0.2, Repetitions = 3, RunawayFactor = 1e6))
    Assert.Empty(tolerated.UnstableRepetitions)
    Assert.True(tolerated.PopulationMeanRate.Mean > 1.0, sprintf "mean rate change %g" tolerated.PopulationMeanRate.Mean)

[<Fact>]
let ``The loss-plateau stop of a fit is a typed reason from F#`` () =
    // A 99 % fall per iteration (window 1) is never met, so the fit stops at its second iteration with the plateau's reason.
    let fit = RecordingFitter.Fit(recording.Force(), fitOptions (FitConstraints(NonNegativeRates = true)) 10 (Nullable 0.99))
    Assert.Equal(StopKind.Plateau, fit.Training.StopReason.Kind)
    Assert.Contains("training loss plateau", fit.Training.StopReason.Description)
    Assert.Equal(2, fit.Statistics.Count)

[<Fact>]
let ``A Dale fit with saturating softplus rates keeps a strongly driven network below its ceiling from F#`` () =
    let constraints = FitConstraints(DalesLaw = true, ExcitatoryFraction = 0.75, RateFunction = Nonlinearity.SaturatingSoftplus)
    let fit = RecordingFitter.Fit(recording.Force(), fitOptions constraints 3 (Nullable()))
    Assert.Equal(Nonlinearity.SaturatingSoftplus, fit.Model.Options.Nonlinearity)
    Assert.Contains("saturating softplus", fit.ToString())
    // The drive that runs the softplus network away (test above) lifts these rates to at most the ceiling: every draw is
    // finite, and no unit's predicted mean response can rise by more than its ceiling in Hz (R × its rate scale).
    let driven = TuningPerturbationOptions(Kind = PerturbationKind.Stimulate, CellTypes = UnitTypeFilter.Excitatory, Strength = 100.0, Fraction = 0.2, Repetitions = 3, RunawayFactor = 1e6)
    let result = TuningPerturbations.Predict(fit, driven)
    Assert.Empty(result.UnstableRepetitions)
    let ceilingHz = fit.Dataset.Scales |> Seq.map (fun s -> NonlinearityFunctions.SaturatingSoftplusCeiling * s) |> Seq.max
    Assert.True(Double.IsFinite result.PopulationMeanRate.Mean)
    Assert.InRange(result.PopulationMeanRate.Mean, 0.0, ceilingHz)
