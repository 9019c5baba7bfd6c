module NeuroRnn.FSharp.Tests.PerturbationApiTests

// In-silico perturbations from F#: a perturbation is an option record, a list of them is an F# array, and the result
// holds both runs as Recordings with the task's scores and psychometric points.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Networks
open NeuroRnn.Tasks

let private task = ContextIntegrationTask(DecisionTaskOptions(DtMs = 10.0, FixationMs = 20.0, StimulusMs = 100.0, ResponseMs = 20.0))

let private untrained () =
    let preset = TaskPresets.For(task).Network
    TaskTraining.Train(task, TaskTrainingOptions(Iterations = 0, TestTrials = 20, Network = RateRnnOptions(UnitCount = 10, Dt = preset.Dt, Tau = preset.Tau, Gain = 1.5)))

[<Fact>]
let ``Silencing units in a time window from F# zeroes their rates there and nowhere else`` () =
    let network = untrained ()
    let batch = task.SampleBalanced(1, 4)
    let silenced = [| 2; 7 |]
    let result = network.Perturb(batch, [| Perturbation(Units = silenced, StartMs = Nullable 0.0, EndMs = Nullable 50.0) |])
    let time = result.Control.GetTimeMs()
    Assert.Equal<float[]>(time, result.Perturbed.GetTimeMs())
    Assert.Equal<float[]>(batch.Conditions.["context"], result.Perturbed.Trials.GetDoubles "context")
    for t in 0 .. time.Length - 1 do
        for b in 0 .. result.Control.TrialCount - 1 do
            if time.[t] < 0.0 then
                // Before the window both runs are the same network.
                for u in 0 .. 9 do Assert.Equal(result.Control.[u, t, b], result.Perturbed.[u, t, b])
            elif time.[t] < 50.0 then
                for u in silenced do Assert.Equal(0.0, result.Perturbed.[u, t, b])
    Assert.True(result.OutputChange > 0.0)
    Assert.True(result.ChoiceFlipFraction.HasValue)
    Assert.Equal(result.ControlPsychometric.Count, result.PerturbedPsychometric.Count)
    Assert.InRange(result.PerturbedScore.Accuracy, 0.0, 1.0)

[<Fact>]
let ``A perturbation naming a unit the network does not have is rejected naming the argument`` () =
    let network = untrained ()
    let e =
        Assert.Throws<ArgumentException>(fun () ->
            network.Perturb(task.SampleBalanced(1, 4), [| Perturbation(Kind = PerturbationKind.Clamp, Units = [| 3; 10 |]) |]) |> ignore)
    Assert.Equal("perturbations", e.ParamName)
    Assert.Contains("Units[1] = 10", e.Message)
