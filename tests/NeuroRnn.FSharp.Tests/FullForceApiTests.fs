module NeuroRnn.FSharp.Tests.FullForceApiTests

// F# use of full-FORCE as the sparse-recordings workflow calls it: per-condition inputs, outputs and hints as 3-D arrays
// [condition, time, channel], an options record with named arguments, the typed state's hint read-out, and a clear
// error for hints that do not match the task.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Training
open NeuroRnn.Training.Force

let private conditions, steps = 3, 80

/// Each condition: a pulse on its own input, an output oscillating at its own frequency, and one hint channel per
/// condition that ramps while the output runs.
let private arrays () =
    let inputs = Array3D.init conditions steps conditions (fun c t i -> if i = c && t < 5 then 1.0 else 0.0)
    let outputs = Array3D.init conditions steps 1 (fun c t _ -> if t < 5 then 0.0 else sin (float (t - 5) / float (6 + 3 * c)))
    let hints = Array3D.init conditions steps 2 (fun c t h -> if h = 0 then float t / float steps else float c * 0.1)
    inputs, outputs, hints

[<Fact>]
let ``full-FORCE trains an embedder on outputs and hints from F# arrays`` () =
    let inputs, outputs, hints = arrays ()
    let targets = FullForceTargets.FromArrays(inputs, outputs, hints, hintScale = 5.0)
    let model = RateRnn(RateRnnOptions(UnitCount = 40, InputCount = conditions, OutputCount = 1, Dt = 1.0, Tau = 5.0, Gain = 1.5, Seed = 1))
    let trainer = FullForceTrainer(FullForceOptions(Regularization = 1.0, UpdateInterval = 2, Seed = 3))
    let result = trainer.Train(RnnObjective(model), targets, TrainingRun(Iterations = 4))
    Assert.Equal(4, result.Statistics.Count)
    let first, last = result.Statistics.[0], result.Statistics.[3]
    Assert.True(last.LossAfter < first.Loss, sprintf "loss %g -> %g" first.Loss last.LossAfter)
    match last.Details with
    | :? ForceStepDetails as d -> Assert.True(d.HintError >= 0.0 && d.RecurrentChangeNorm > 0.0)
    | other -> failwithf "unexpected details %A" other
    match result.State with
    | :? FullForceState as state ->
        Assert.Equal(2, state.HintCount)
        Assert.Equal(2 * 40, state.HintReadout.Length)
    | other -> failwithf "unexpected state %s" other.Optimizer

[<Fact>]
let ``hints for the wrong number of conditions name the argument`` () =
    let inputs, outputs, _ = arrays ()
    let wrong = Array3D.zeroCreate<float> (conditions + 1) steps 2
    let e = Assert.Throws<ArgumentException>(fun () -> FullForceTargets.FromArrays(inputs, outputs, wrong) |> ignore)
    Assert.Equal("hints", e.ParamName)
