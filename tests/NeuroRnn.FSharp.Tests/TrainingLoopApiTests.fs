module NeuroRnn.FSharp.Tests.TrainingLoopApiTests

// F# use of the single training loop: typed optimizer states and step details read by pattern matching, the typed stop
// reason, a checkpoint round trip, and an optimizer step written in F# plugged into TrainingLoop.Run.

open System
open System.IO
open Xunit
open NeuroRnn.Checkpoints
open NeuroRnn.Models
open NeuroRnn.Numerics
open NeuroRnn.Tasks
open NeuroRnn.Training

[<Fact>]
let ``HF statistics, state and stop reason are typed and survive a checkpoint`` () =
    let model = RateRnnOptions(UnitCount = 8, InputCount = 2, OutputCount = 1, Dt = 1.0, Tau = 1.0, Seed = 2)
    let objective = RnnObjective(RateRnn(model), RnnLossOptions(), NumericsBackend.Managed)
    let trainer = HessianFreeTrainer(HessianFreeOptions(InitialLambda = 0.1, MaxCgIterations = 10))
    let data = TrainingData.Fresh(AdditionTask(10), 4, 40, 20)
    let result = trainer.Train(objective, data, TrainingRun(Iterations = 2))
    Assert.Equal(StopKind.IterationsCompleted, result.StopReason.Kind)
    let lambdas =
        result.Statistics
        |> Seq.map (fun s ->
            match s.Details with
            | :? HessianFreeStepDetails as hf -> hf.Lambda
            | _ -> nan)
        |> List.ofSeq
    Assert.True(lambdas |> List.forall (fun l -> l > 0.0))
    let state =
        match result.State with
        | :? HessianFreeState as hf -> hf
        | other -> failwithf "unexpected state %s" other.Optimizer
    let path = Path.Combine(Path.GetTempPath(), sprintf "neurornn-fs-%O.nrckpt" (Guid.NewGuid()))
    try
        CheckpointFile.Save(path, Checkpoint(ModelType = "RateRnn", ModelOptionsJson = CheckpointJson.Serialize model,
                                             Parameters = result.Parameters, Optimizer = result.State, Statistics = result.Statistics))
        let loaded = CheckpointFile.Load path
        match loaded.Optimizer with
        | :? HessianFreeState as again ->
            Assert.Equal(state.Lambda, again.Lambda)
            Assert.Equal<float[]>(state.PreviousSolution, again.PreviousSolution)
        | other -> failwithf "loaded %s" other.Optimizer
        Assert.Equal<IterationStatistics seq>(result.Statistics, loaded.Statistics)
    finally
        File.Delete path

/// Sign descent θ ← θ − η·sign(g) as an F# object expression: a new optimizer without touching the loop.
[<Fact>]
let ``an optimizer step written in F# runs in the shared loop`` () =
    let model = RateRnnOptions(UnitCount = 6, InputCount = 2, OutputCount = 1, Dt = 1.0, Tau = 1.0, Seed = 7)
    let objective = RnnObjective(RateRnn(model), RnnLossOptions(), NumericsBackend.Managed)
    let n = objective.ParameterCount
    let theta = Array.zeroCreate<float> n
    let gradient = Array.zeroCreate<float> n
    let step =
        { new IOptimizerStep<TrainingData> with
            member _.Step(_, data, _) =
                objective.GetParameters(Span theta)
                let loss = objective.LossAndGradient(data.GradientBatch, Span gradient)
                for j in 0 .. n - 1 do theta.[j] <- theta.[j] - 1e-3 * float (sign gradient.[j])
                objective.SetParameters(ReadOnlySpan theta)
                OptimizerStepResult(loss, objective.Loss data.GradientBatch, 1e-3 * sqrt (float n), true, null)
            member _.State next = HessianFreeState(next, 1.0, Array.zeroCreate n) :> OptimizerState }
    let data = TrainingData.Fresh(AdditionTask(10), 1, 50, 50)
    let result = TrainingLoop.Run(step, objective, Func<int, TrainingData>(fun i -> data.Invoke i), TrainingRun(Iterations = 4, StopWhen = Func<_, _>(fun s -> s.Iteration = 2)), 0)
    Assert.Equal(StopKind.StopCondition, result.StopReason.Kind)
    Assert.Equal(3, result.Statistics.Count)
    Assert.True(result.Statistics |> Seq.forall (fun s -> s.LossAfter < s.Loss))

/// Stop when done from F#: a target of the validation metric and a validation plateau end training with typed reasons.
[<Fact>]
let ``a validation target and a validation plateau stop the loop with typed reasons`` () =
    let model = RateRnnOptions(UnitCount = 6, InputCount = 2, OutputCount = 1, Dt = 1.0, Tau = 1.0, Seed = 7)
    let objective = RnnObjective(RateRnn(model), RnnLossOptions(), NumericsBackend.Managed)
    let trainer = HessianFreeTrainer(HessianFreeOptions(InitialLambda = 0.1, MaxCgIterations = 10))
    let data = TrainingData.Fresh(AdditionTask(10), 1, 40, 20)
    // Any finite metric is below +∞: the target holds at the first validation.
    let reached = trainer.Train(objective, data, TrainingRun(Iterations = 5, Validate = Func<_, _>(fun _ -> 1.0), TargetValidation = Nullable infinity))
    Assert.Equal(StopKind.TargetReached, reached.StopReason.Kind)
    Assert.Equal(1, reached.Statistics.Count)
    // A constant metric never improves after the first validation: patience 2 stops after the third iteration.
    let flat = trainer.Train(objective, data, TrainingRun(Iterations = 10, Validate = Func<_, _>(fun _ -> 1.0), ValidationPatience = Nullable 2))
    Assert.Equal(StopKind.Plateau, flat.StopReason.Kind)
    Assert.Equal(3, flat.Statistics.Count)

/// An F# optimizer step that gives up reports StopReason.Diverged; the loop stops after that iteration and returns the reason.
[<Fact>]
let ``an F# step reporting divergence stops the loop as Diverged`` () =
    let model = RateRnnOptions(UnitCount = 6, InputCount = 2, OutputCount = 1, Dt = 1.0, Tau = 1.0, Seed = 7)
    let objective = RnnObjective(RateRnn(model), RnnLossOptions(), NumericsBackend.Managed)
    let steps = ref 0
    let step =
        { new IOptimizerStep<TrainingData> with
            member _.Step(_, data, _) =
                steps.Value <- steps.Value + 1
                let loss = objective.Loss data.GradientBatch
                let stop = if steps.Value = 2 then StopReason.Diverged "loss stopped falling in F#" else null
                OptimizerStepResult(loss, loss, 0.0, false, null, Stop = stop)
            member _.State next = HessianFreeState(next, 1.0, Array.zeroCreate objective.ParameterCount) :> OptimizerState }
    let data = TrainingData.Fresh(AdditionTask(10), 1, 20, 20)
    let result = TrainingLoop.Run(step, objective, data, TrainingRun(Iterations = 5), 0)
    Assert.Equal(StopKind.Diverged, result.StopReason.Kind)
    Assert.Equal(StopReason.Diverged "loss stopped falling in F#", result.StopReason)
    Assert.Equal(2, result.Statistics.Count)
