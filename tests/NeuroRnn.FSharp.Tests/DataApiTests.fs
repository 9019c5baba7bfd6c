module NeuroRnn.FSharp.Tests.DataApiTests

// F# calls to the recordings front door, tuning statistics and count fitting: option records with named arguments,
// results read as plain records and arrays.

open System
open System.IO
open Xunit
open NeuroRnn.Data
open NeuroRnn.Data.Nwb
open NeuroRnn.Data.Synthetic
open NeuroRnn.Analysis
open NeuroRnn.Fitting

[<Fact>]
let ``an NWB session written and read back, tuning tested and a Poisson fit, from F#`` () =
    let counts = V1GratingGenerator.Generate(V1GratingOptions(Units = 6, Directions = 8, TrialsPerDirection = 4, Seed = 3UL))
    let path = Path.Combine(Path.GetTempPath(), sprintf "neurornn-fsharp-%O.nwb" (Guid.NewGuid()))
    NwbWriter.WriteCounts(path, counts) |> ignore
    let options =
        RecordingReadOptions(
            Columns = RecordingColumns(AlignTo = "stim_on_time"),
            Binning = SpikeBinningOptions(WindowStartMs = -300.0, WindowEndMs = 1200.0, BinMs = 10.0))
    let recording = Recording.Read(path, options)
    Assert.Equal("nwb", recording.Provenance.Reader)
    Assert.Equal<double[]>(counts.Data.ToArray(), recording.Data.ToArray())

    let stats =
        TuningStatistics.Compute(recording, TuningStatisticsOptions(Curve = TuningCurveOptions(WindowStartMs = 0.0, WindowEndMs = 900.0), Permutations = 50, BootstrapSamples = 20))
    Assert.Equal(6, stats.Length)
    Assert.All(stats, fun s -> Assert.InRange(s.OsiPValue, 1.0 / 51.0, 1.0); Assert.Equal("Hz", s.ResponseUnit))

    let fit = RecordingFitter.Fit(recording, RecordingFitOptions(UnitCount = 8, Iterations = 2, Objective = FitObjective.Poisson, Readout = FitReadout.Linear))
    Assert.Equal(FitObjective.Poisson, fit.Options.Objective)
    Assert.True(Double.IsFinite fit.TrialAveraged.Overall)
