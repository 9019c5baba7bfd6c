module NeuroRnn.FSharp.Tests.TrainingApiTests

// F# calls to the training API: option records built with named arguments, a task factory as an F# lambda, the
// per-iteration callback as a closure, results read without out/ref parameters.

open System
open Xunit
open NeuroRnn.Models
open NeuroRnn.Numerics
open NeuroRnn.Tasks
open NeuroRnn.Training

[<Fact>]
let ``Hessian-free training with a length curriculum runs from F#`` () =
    let model = RateRnnOptions(UnitCount = 20, InputCount = 2, OutputCount = 1, Dt = 1.0, Tau = 1.0, Seed = 3)
    let objective = RnnObjective(RateRnn(model), RnnLossOptions(), NumericsBackend.Managed)
    let curriculum = LengthCurriculum((fun length -> AdditionTask(length) :> ITask), 40, 1, LengthCurriculumOptions(StartLength = 10))
    let trainer = HessianFreeTrainer(HessianFreeOptions(InitialLambda = 0.1, MaxCgIterations = 20))
    let errors = ResizeArray<float>()
    let result =
        trainer.Train(objective, curriculum.Data(100, 25), TrainingRun(Iterations = 3), null,
                      Action<IterationStatistics>(fun s -> errors.Add(curriculum.Observe(objective, s.Iteration))))
    Assert.Equal(3, result.Statistics.Count)
    Assert.Equal(3, errors.Count)
    Assert.True(result.Statistics |> Seq.forall (fun s -> Double.IsFinite s.Loss))
    Assert.InRange(curriculum.CurrentLength, 10, 40)
    Assert.Equal(curriculum.Stages.Count > 0, curriculum.CurrentLength > 10)
