module NeuroRnn.FSharp.Tests.TaskTrainingApiTests

// The task-training front door from F#: the options are built with named arguments (unset settings mean the task
// family's preset), progress arrives in an F# closure, and the trained network's activity is a Recording.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Networks
open NeuroRnn.Tasks
open NeuroRnn.Training

[<Fact>]
let ``A task network is trained, scored, recorded and resumed from F#`` () =
    let task = ContextIntegrationTask(DecisionTaskOptions(DtMs = 10.0, FixationMs = 20.0, StimulusMs = 100.0, ResponseMs = 20.0))
    let network = TaskPresets.For(task).Network
    let options =
        TaskTrainingOptions(
            Iterations = 2, TestTrials = 50, Seed = 4,
            Network = RateRnnOptions(UnitCount = 12, Dt = network.Dt, Tau = network.Tau),
            HessianFree = HessianFreeOptions(InitialLambda = 0.1, MaxCgIterations = 10, GradientBatchSize = 60, CurvatureBatchSize = 20))
    let losses = ResizeArray<float>()
    let trained = TaskTraining.Train(task, options, fun s -> losses.Add s.Loss)
    Assert.Equal(2, losses.Count)
    Assert.Equal(2, trained.Statistics.Count)
    Assert.Equal(StopKind.IterationsCompleted, trained.StopReason.Kind)
    Assert.InRange(trained.TestScore.Accuracy, 0.0, 1.0)

    let batch = task.SampleBalanced(1, 7)
    let activity = trained.Record batch
    Assert.Equal(12, activity.UnitCount)
    Assert.Equal<float[]>(batch.Conditions.["context"], activity.Trials.GetDoubles "context")
    Assert.Equal(10.0 - 20.0, activity.GetTimeMs().[0])
    let points = trained.Psychometric batch
    Assert.Equal(24, points.Count)

    // Resume from the checkpoint with the options stored in it.
    let checkpoint = trained.ToCheckpoint()
    let resumed = TaskTraining.Train(task, TaskTraining.OptionsFrom(checkpoint, task), resumeFrom = checkpoint)
    Assert.Equal(4, resumed.Statistics.Count)
