module NeuroRnn.FSharp.Tests.AnalysisApiTests

// F# calls to the task-analysis API: psychometric fits from count arrays, choice probability from response arrays,
// targeted dimensionality reduction on a Recording built from F# arrays; option records set with named arguments.

open System
open Xunit
open NeuroRnn
open NeuroRnn.Data
open NeuroRnn.Analysis

[<Fact>]
let ``Psychometric fit of counts with bootstrap intervals from F#`` () =
    let levels = [| -0.4; -0.2; -0.1; 0.0; 0.1; 0.2; 0.4 |]
    let trials = Array.create levels.Length 200
    let random = SeededRandom(3L)
    let choices =
        levels |> Array.map (fun x ->
            let p = 0.05 + 0.9 / (1.0 + exp (-10.0 * x))
            Seq.init 200 (fun _ -> random.NextDouble() < p) |> Seq.filter id |> Seq.length)
    let fit = PsychometricFitter.Fit(levels, trials, choices, PsychometricFitOptions(BootstrapCount = 100, Seed = 1))
    Assert.True(fit.SlopeInterval.Contains(fit.Slope))
    Assert.InRange(fit.Bias, -0.1, 0.1)
    Assert.Equal(levels.Length, (fit.Evaluate levels).Length)
    let e = Assert.Throws<ArgumentException>(fun () -> PsychometricFitter.Fit([| 0.2; 0.2 |], [| 5; 5 |], [| 1; 2 |]) |> ignore)
    Assert.Equal("levels", e.ParamName)

[<Fact>]
let ``Choice probability of arrays from F#`` () =
    let random = SeededRandom(1L)
    let choice = Array.init 200 (fun k -> if k % 2 = 0 then 1.0 else -1.0)
    let response = choice |> Array.map (fun c -> 3.0 * c + random.NextGaussian())
    let cp = ChoiceProbability.Compute(response, choice, null, ChoiceProbabilityOptions(Permutations = 100))
    Assert.True(cp.Value > 0.9)
    Assert.False(cp.PermutationInterval.Contains cp.Value)

[<Fact>]
let ``Targeted dimensionality reduction of a Recording from F#`` () =
    let random = SeededRandom(2L)
    let units, times = 8, 5
    let conditions = [| for a in [ -1.0; 1.0 ] do for b in [ -1.0; 0.0; 1.0 ] do for _ in 1 .. 4 -> a, b |]
    let data =
        Array3D.init units times conditions.Length (fun i t k ->
            let a, b = conditions.[k]
            float (i % 3) * a + float (i % 2) * b * float t + 0.1 * random.NextGaussian())
    let trials = ColumnTable(conditions.Length, [| DoubleColumn("a", Array.map fst conditions) :> TableColumn; DoubleColumn("b", Array.map snd conditions) |])
    let recording = Recording.Create(data, [| 0.0; 10.0; 20.0; 30.0; 40.0 |], trials, Recording.DefaultUnits units, RecordingValueKind.Other)
    let axes = TargetedDimensionalityReduction.Fit(recording, [| "a"; "b" |], TdrOptions(PrincipalComponents = 3))
    Assert.Equal(0.0, Array.fold2 (fun s x y -> s + x * y) 0.0 (axes.Axis "a") (axes.Axis "b"), 12)
    Assert.Equal(40.0, axes.PeakTimeMs.[1])
    let trajectories = axes.Project(recording, "a")
    Assert.Equal(2, trajectories.ConditionCount)
    Assert.True((trajectories.Trajectory(1, "a")).[0] > (trajectories.Trajectory(0, "a")).[0])
