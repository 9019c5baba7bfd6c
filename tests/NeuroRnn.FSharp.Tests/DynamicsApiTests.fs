module NeuroRnn.FSharp.Tests.DynamicsApiTests

// F# calls to the dynamics API: fixed-point searches on a simulated task batch and on a trained network's recorded
// states, with an option record; points linearised, eigenvalues, time constants and the selection vector read as arrays.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Tasks
open NeuroRnn.Dynamics
open NeuroRnn.Networks

[<Fact>]
let ``Fixed points of a task network and their linearisation from F#`` () =
    let task = ContextIntegrationTask()
    let model = RateRnn(RateRnnOptions(UnitCount = 40, InputCount = task.InputCount, Gain = 0.9, Seed = 2))
    let trajectory = model.Run(task.Sample(16, 3))
    let motionContext = [| 0.0; 0.0; 1.0; 0.0 |]
    let found =
        FixedPointFinder.Find(model, trajectory, motionContext, FixedPointOptions(StartCount = 32, StartNoiseStd = 0.01, Seed = 1))
    Assert.NotEmpty(found.Points)
    let point = found.Points.[0]
    Assert.Equal(FixedPointKind.Fixed, point.Kind)
    Assert.Equal<float[]>(motionContext, point.Input)
    let lin = point.Linearize()
    // A subcritical network (gain 0.9) is stable: every mode decays, so every time constant is positive.
    Assert.Equal(0, lin.UnstableModeCount)
    Assert.True(lin.TimeConstants |> Array.forall (fun t -> t > 0.0))
    Assert.Equal(40, lin.Eigenvalues.Length)
    match lin.SelectionVector with
    | null -> Assert.NotEqual(0.0, lin.Eigenvalues.[lin.SlowestMode].Imaginary)
    | selection ->
        Assert.Equal(1.0, Array.fold2 (fun s a b -> s + a * b) 0.0 selection lin.SlowDirection, 10)
        Assert.Equal(4, lin.InputProjections.Length)
    Assert.Contains("from 32 starts", string found)

[<Fact>]
let ``Bad input to the fixed-point search names the argument`` () =
    let model = RateRnn(RateRnnOptions(UnitCount = 3, InputCount = 2))
    let e = Assert.Throws<ArgumentException>(fun () -> FixedPointFinder.FindFrom(model, [| [| 0.0; 0.0; 0.0 |] |], [| 1.0 |]) |> ignore)
    Assert.Equal("input", e.ParamName)
    let dynamics = RateRnnDynamics.Of(model)
    let e2 = Assert.Throws<ArgumentException>(fun () -> dynamics.Jacobian([| 0.0; nan; 0.0 |]) |> ignore)
    Assert.Equal("state", e2.ParamName)

[<Fact>]
let ``Fixed points from a trained network's recorded states of one context, from F#`` () =
    let task = ContextIntegrationTask(DecisionTaskOptions(DtMs = 10.0, FixationMs = 20.0, StimulusMs = 100.0, ResponseMs = 20.0))
    let preset = TaskPresets.For(task).Network
    let options =
        TaskTrainingOptions(
            Iterations = 1, TestTrials = 40, Seed = 3,
            Network = RateRnnOptions(UnitCount = 12, Dt = preset.Dt, Tau = preset.Tau, Gain = 0.9),
            HessianFree = NeuroRnn.Training.HessianFreeOptions(InitialLambda = 0.1, MaxCgIterations = 10, GradientBatchSize = 40, CurvatureBatchSize = 20))
    let trained = TaskTraining.Train(task, options)
    let states = trained.Record(task.SampleBalanced(1, 2), RecordedSignal.States).SelectTrials("context", 1.0)
    let colourContext = [| 0.0; 0.0; 0.0; 1.0 |]
    let found = FixedPointFinder.Find(trained.Model, states, colourContext, FixedPointOptions(StartCount = 20))
    Assert.NotEmpty(found.FixedPoints)
    Assert.Equal(4, found.Points.[0].Linearize().InputProjections.Length)
