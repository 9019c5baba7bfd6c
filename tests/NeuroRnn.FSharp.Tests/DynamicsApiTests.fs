module NeuroRnn.FSharp.Tests.DynamicsApiTests

// F# calls to the dynamics API: a fixed-point search on a simulated task batch with an option record, its points
// linearised, eigenvalues, time constants and the selection vector read as plain arrays.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Tasks
open NeuroRnn.Dynamics

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
