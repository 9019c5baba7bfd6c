module NeuroRnn.FSharp.Tests.SimilarityApiTests

// F# calls to the reaching circuit and the dynamics-similarity API: option records with named arguments, sessions for
// held-out directions, unit sampling, SVCCA / CCA / Procrustes / rotational-dynamics results read as plain values.

open System
open Xunit
open NeuroRnn.Analysis
open NeuroRnn.Data.Synthetic

let private circuit = ReachingCircuit(ReachingCircuitOptions(Units = 60, Seed = 3UL))

[<Fact>]
let ``The reaching circuit generates sessions and held-out directions from F#`` () =
    let session = circuit.Generate()
    Assert.Equal(60, session.Neurons.UnitCount)
    Assert.Equal(8, session.Neurons.TrialCount)
    let heldOut = circuit.Generate([| 22.5; 67.5 |])
    Assert.Equal<float[]>([| 22.5; 67.5 |], heldOut.DirectionsDeg)
    let batch = session.TaskBatch()
    Assert.Equal(3, batch.InputCount)
    Assert.Equal(circuit.MuscleCount, batch.OutputCount)
    let sampled = session.Neurons.SampleUnits(0.1, 7UL)
    Assert.Equal(6, sampled.UnitCount)
    let e = Assert.Throws<ArgumentException>(fun () -> session.Neurons.SampleUnits(0.0, 7UL) |> ignore)
    Assert.Equal("fraction", e.ParamName)

[<Fact>]
let ``SVCCA, CCA, Procrustes and rotational dynamics run on recordings from F#`` () =
    let session = circuit.Generate()
    let sibling = ReachingCircuit(ReachingCircuitOptions(Units = 60, Seed = 3UL, PopulationSeed = Nullable 9UL)).Generate()
    let result = Svcca.Compare(session.Neurons, sibling.Neurons, SvccaOptions(Components = Nullable 5, Baseline = SimilarityBaseline.ShuffledTime, BaselineRepeats = 5))
    Assert.True(result.Similarity > 0.9, string result)
    Assert.True(result.Baseline.Mean < 0.3, string result.Baseline)
    let matrixA = PopulationActivity.Matrix session.Neurons
    let cca = Cca.Fit(matrixA, matrixA)
    Assert.Equal(1.0, cca.Correlations.[0], 10)
    let procrustes = Procrustes.Compare(session.Neurons, sibling.Neurons, 3)
    Assert.InRange(procrustes.Disparity, 0.0, 0.2)
    let rotation = RotationalDynamics.Fit(session.Neurons, RotationalDynamicsOptions(StartMs = Nullable 500.0, EndMs = Nullable 1000.0))
    Assert.True(rotation.RotationalFraction > 0.8, string rotation)
    let other = circuit.Generate([| 0.0; 90.0 |])
    let bad = Assert.Throws<ArgumentException>(fun () -> Svcca.Compare(session.Neurons, other.Neurons) |> ignore)
    Assert.Equal("b", bad.ParamName)
