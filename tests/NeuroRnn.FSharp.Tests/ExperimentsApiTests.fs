module NeuroRnn.FSharp.Tests.ExperimentsApiTests

// F# calls to the sparse-recording experiment API: option records with named arguments, embedders trained with and
// without hints, scores read as plain values, bad input named by argument.

open System
open Xunit
open NeuroRnn.Data.Synthetic
open NeuroRnn.Experiments

let private circuitOptions =
    ReachingCircuitOptions(Units = 30, Muscles = 2, DirectionsDeg = [| 0.0; 90.0; 180.0; 270.0 |], PreTargetMs = 50.0, DelayMs = 200.0, MovementMs = 300.0, Seed = 4UL)

let private embedderOptions = EmbedderOptions(UnitCount = 30, FullForcePasses = 10)

[<Fact>]
let ``An embedder is trained with hints and scored from F#`` () =
    let circuit = ReachingCircuit(circuitOptions)
    let training = circuit.Generate()
    let heldOut = circuit.Generate([| 45.0; 225.0 |])
    let hints = training.Neurons.SampleUnits(0.2, 2UL)
    let embedder = EmbedderTraining.Train(training, hints, EmbedderOptimizer.FullForce, 1, embedderOptions)
    Assert.Equal(6, embedder.HintCount)
    let row = SparseRecordingExperiment.Score(embedder, training, heldOut, 0.2, 1)
    Assert.InRange(row.Svcca, 0.5, 1.0)
    Assert.True(row.OutputError < 0.3, string row)
    let similarity = DynamicsComparison.Similarity(heldOut.Neurons, embedder.Rates heldOut)
    Assert.Equal(row.HeldOutSvcca, similarity.Similarity, 12)
    let e = Assert.Throws<ArgumentException>(fun () -> DynamicsComparison.Similarity(training.Neurons, embedder.Rates heldOut) |> ignore)
    Assert.Equal("embedder", e.ParamName)

[<Fact>]
let ``The experiment runs from an options record and refuses a bad fraction by name`` () =
    let options =
        SparseRecordingOptions(
            Circuit = circuitOptions, HeldOutDirectionsDeg = [| 45.0 |], Fractions = [| 0.5 |],
            Optimizers = [| EmbedderOptimizer.FullForce |], Seeds = [| 1 |], Embedder = embedderOptions)
    let result = SparseRecordingExperiment.Run(options)
    Assert.Equal(2, result.Runs.Count)
    Assert.Equal<float[]>([| 0.0; 0.5 |], result.Summaries |> Seq.map (fun s -> s.Fraction) |> Array.ofSeq)
    let bad = SparseRecordingOptions(Circuit = circuitOptions, HeldOutDirectionsDeg = [| 45.0 |], Fractions = [| 2.0 |])
    let e = Assert.Throws<ArgumentException>(fun () -> SparseRecordingExperiment.Run(bad) |> ignore)
    Assert.Equal("Fractions", e.ParamName)

[<Fact>]
let ``Embedder budgets and the hint drive are plain option values from F#`` () =
    let options = EmbedderOptions(UnitCount = 30, HessianFreeIterations = 3, LossPlateau = Nullable(), FullDriveHintCount = 10, HintScale = 4.0)
    Assert.Equal(4.0 / sqrt 10.0, EmbedderTraining.HintDriveScale(options, 3), 14)
    Assert.Equal(4.0 / sqrt 40.0, EmbedderTraining.HintDriveScale(options, 40), 14)
    let training = ReachingCircuit(circuitOptions).Generate()
    let embedder = EmbedderTraining.Train(training, training.Neurons.SampleUnits(0.2, 2UL), EmbedderOptimizer.HessianFree, 1, options)
    Assert.Equal(3, embedder.Iterations)
    Assert.True(embedder.TrainCpuSeconds > 0.0)
    let e = Assert.Throws<ArgumentException>(fun () -> EmbedderTraining.Train(training, null, EmbedderOptimizer.HessianFree, 1, EmbedderOptions(LossPlateauWindow = 0)) |> ignore)
    Assert.Equal("LossPlateauWindow", e.ParamName)
