module NeuroRnn.FSharp.Tests.CircuitsApiTests

// F# calls to the biologically constrained circuits API: the checkerboard task, the multi-area architecture, E/I currents
// and balance from plain arrays, fit constraints and perturbation options as records with named arguments.

open System
open System.Collections.Generic
open Xunit
open NeuroRnn.Tasks
open NeuroRnn.Models
open NeuroRnn.Networks
open NeuroRnn.Analysis
open NeuroRnn.Fitting

[<Fact>]
let ``Checkerboard trials follow the task's definition from F#`` () =
    let task = CheckerboardTask(CheckerboardTaskOptions(NoiseStd = 0.0, DtMs = 20.0))
    let batch = task.Sample(50, 4)
    let c = batch.Conditions
    for b in 0 .. batch.BatchSize - 1 do
        Assert.Equal(float (sign c.["coherence"].[b]) * c.["redSide"].[b], c.["target"].[b])
    let points = task.Psychometric(batch, ReadOnlySpan<float>(Array.zeroCreate<float> batch.Targets.Length))
    Assert.NotEmpty(points)

[<Fact>]
let ``Multi-area options name bad area sizes from F#`` () =
    let areas = MultiAreaOptions(AreaSizes = [| 10; 10; 10 |])
    let network = areas.Apply(RateRnnOptions(UnitCount = 30, InputCount = 4))
    Assert.Equal(3, network.Areas.Count)
    Assert.True(network.DalesLaw)
    let e = Assert.Throws<ArgumentException>(fun () -> areas.Apply(RateRnnOptions(UnitCount = 31)) |> ignore)
    Assert.Equal("AreaSizes", e.ParamName)
    let preset = TaskPresets.Checkerboard(20.0, areas)
    Assert.Equal(30, preset.Network.UnitCount)

[<Fact>]
let ``E and I currents of a two-unit network from F#`` () =
    // Unit 0 excitatory, unit 1 inhibitory; W[post, pre] column-major: W[0,1] = -2, W[1,0] = 3.
    let weights = [| 0.0; 3.0; -2.0; 0.0 |]
    let rates = [| 1.0; 0.5 |] // one step, one trial
    let currents = ExcitationInhibition.Currents(weights, [| true; false |], rates, null, [| 0.0 |], 1)
    Assert.Equal(-1.0, currents.Inhibitory.[currents.Index(0, 0, 0)], 12)
    Assert.Equal(3.0, currents.Excitatory.[currents.Index(1, 0, 0)], 12)
    let report = ExcitationInhibition.Balance(currents, 0.0, 1.0)
    Assert.Equal(2, report.Units.Count)

[<Fact>]
let ``Fit constraints and perturbation options from F#`` () =
    let types = Dictionary<int, string>(dict [ 0, "E"; 3, "I" ])
    let constraints = FitConstraints(DalesLaw = true, ExcitatoryFraction = 0.75, UnitTypes = types)
    Assert.Contains("Dale's law, 75 % excitatory units; 1 recorded unit(s) assigned E, 1 assigned I, the others free", constraints.Describe())
    let options = RecordingFitOptions(Constraints = constraints)
    options.Validate()
    let e = Assert.Throws<ArgumentException>(fun () -> TuningPerturbationOptions(Fraction = 1.2).Validate())
    Assert.Equal("Fraction", e.ParamName)

[<Fact>]
let ``Fit-decided cell types, bounded rates, the runaway bound and mask files from F#`` () =
    let constraints = FitConstraints(DalesLaw = true, FreeUnits = FreeUnitTyping.FitDecides, WarmUpIterations = 5, RateFunction = Nonlinearity.Sigmoid)
    Assert.Contains(constraints.Describe(), fun d -> d.Contains "free units typed by the fit")
    Assert.Contains(constraints.Describe(), fun d -> d.Contains "sigmoid, bounded")
    // A bounded rate function keeps the bounded peak; softplus gets the unbounded default of 2.
    Assert.Equal(0.8, RecordingFitOptions(Constraints = constraints).EffectiveTargetPeak)
    Assert.Equal(2.0, RecordingFitOptions(Constraints = FitConstraints(DalesLaw = true)).EffectiveTargetPeak)
    let e = Assert.Throws<ArgumentException>(fun () -> FitConstraints(FreeUnits = FreeUnitTyping.FitDecides).Validate())
    Assert.Equal("FreeUnits", e.ParamName)
    let e = Assert.Throws<ArgumentException>(fun () -> TuningPerturbationOptions(RunawayFactor = 0.5).Validate())
    Assert.Equal("RunawayFactor", e.ParamName)
    let path = IO.Path.Combine(IO.Path.GetTempPath(), sprintf "neurornn-fsharp-mask-%d.csv" Environment.ProcessId)
    try
        IO.File.WriteAllText(path, "1,0\n1,1\n")
        let mask = ConnectivityMaskFile.Read(path, 2)
        Assert.True(mask.[1, 0])
        Assert.False(mask.[0, 1])
        let e = Assert.Throws<ArgumentException>(fun () -> ConnectivityMaskFile.Read(path, 3) |> ignore)
        Assert.Contains("must be 3×3", e.Message)
    finally
        IO.File.Delete path

[<Fact>]
let ``The multi-area analysis takes its optional arguments from F# and names what it refuses`` () =
    let task = CheckerboardTask(CheckerboardTaskOptions(NoiseStd = 0.0))
    let preset = TaskPresets.Checkerboard(20.0, MultiAreaOptions(AreaSizes = [| 8; 8 |]))
    let untrained = TaskTraining.Train(task, TaskTrainingOptions(Iterations = 0, TestTrials = 20, Network = preset.Network))
    Assert.Equal(2, untrained.Model.Options.Areas.Count)
    let batch = task.SampleBalanced(1, 3)
    let e = Assert.Throws<ArgumentException>(fun () -> MultiAreaAnalysis.Analyse(untrained, batch, 200.0, 200.0, permutations = 0) |> ignore)
    Assert.Equal("endMs", e.ParamName)
    let other = ContextIntegrationTask(DecisionTaskOptions(DtMs = 10.0, FixationMs = 20.0, StimulusMs = 100.0, ResponseMs = 20.0))
    let wrongTask = TaskTraining.Train(other, TaskTrainingOptions(Iterations = 0, TestTrials = 20, Network = RateRnnOptions(UnitCount = 10, Dt = 10.0, Tau = 100.0)))
    let e = Assert.Throws<ArgumentException>(fun () -> MultiAreaAnalysis.Analyse(wrongTask, batch, 0.0, 200.0) |> ignore)
    Assert.Equal("network", e.ParamName)
    Assert.Contains("checkerboard", e.Message)
