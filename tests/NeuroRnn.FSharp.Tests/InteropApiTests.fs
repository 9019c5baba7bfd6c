module NeuroRnn.FSharp.Tests.InteropApiTests

// F# users of Deedle and Plotly.NET: a recording's trials as a Deedle frame, changed with Deedle's F# API and put
// back; a NeuroRnn figure handed to Plotly.NET and styled with its F# pipeline.

open Xunit
open Deedle
open Plotly.NET
open NeuroRnn.Data
open NeuroRnn.Data.Synthetic
open NeuroRnn.Charts
open NeuroRnn.Interop.Deedle
open NeuroRnn.Interop.PlotlyNet

[<Fact>]
let ``trials go to a Deedle frame, gain a column in F# and come back lined up`` () =
    let recording = V1GratingGenerator.Generate(V1GratingOptions(Units = 3, Directions = 4, TrialsPerDirection = 2, Seed = 5UL))
    let trials = recording.TrialsFrame()
    Assert.Equal(recording.TrialCount, trials.RowCount)
    let direction : Series<int, float> = trials?direction_deg
    let sorted = trials |> Frame.sortRowsBy "direction_deg" (fun (d: float) -> -d)
    sorted?double_direction <- direction |> Series.mapValues (fun d -> 2.0 * d)
    let back = recording.WithTrialsFrame(sorted)
    Assert.True(back.Trials.Without("double_direction").ContentEquals(recording.Trials))
    let expected = recording.Trials.GetDoubles("direction_deg") |> Array.map (fun d -> 2.0 * d)
    Assert.Equal<float[]>(expected, back.Trials.GetDoubles("double_direction"))
    Assert.True(ColumnTableFrames.ToColumnTable(trials).ContentEquals(recording.Trials))

[<Fact>]
let ``int and bool columns made in F# come back from the recording as int and bool`` () =
    let recording = V1GratingGenerator.Generate(V1GratingOptions(Units = 3, Directions = 4, TrialsPerDirection = 2, Seed = 5UL))
    let trials = recording.TrialsFrame()
    trials?choice <- trials.RowKeys |> Seq.map (fun k -> k % 2) |> Series.ofValues
    trials?correct <- trials.RowKeys |> Seq.map (fun k -> k % 3 = 0) |> Series.ofValues
    let table = recording.WithTrialsFrame(trials).Trials
    Assert.Equal(NumberKind.Integer, (table.["choice"] :?> DoubleColumn).Kind)
    Assert.Equal(NumberKind.Boolean, (table.["correct"] :?> DoubleColumn).Kind)
    let back = recording.WithTrialsFrame(trials).TrialsFrame()
    let choice : Series<int, int> = back.GetColumn<int> "choice" // (the ? operator always reads floats)
    let correct : Series<int, bool> = back.GetColumn<bool> "correct"
    Assert.Equal<int list>([ for k in 0 .. recording.TrialCount - 1 -> k % 2 ], choice |> Series.values |> List.ofSeq)
    Assert.Equal<bool list>([ for k in 0 .. recording.TrialCount - 1 -> k % 3 = 0 ], correct |> Series.values |> List.ofSeq)
    // A kind checks its values: a half in an integer column is an error naming the column and row.
    let error = Assert.Throws<System.ArgumentException>(fun () -> DoubleColumn("choice", [| 1.0; 0.5 |], NumberKind.Integer) |> ignore)
    Assert.Contains("'choice' row 1", error.Message)

[<Fact>]
let ``a NeuroRnn figure becomes a Plotly.NET chart that F# can style`` () =
    let figure = Figure.Of(ScatterTrace.LineOf(DataArray.FromNumbers(Seq.ofArray [| 0.0; 1.0; 2.0 |]), DataArray.FromNumbers(Seq.ofArray [| 1.0; 3.0; 2.0 |]), "rate"))
    let chart = figure.ToGenericChart() |> Chart.withTitle "styled in F#"
    let json = GenericChart.toJson chart
    Assert.Contains("\"name\":\"rate\"", json)
    Assert.Contains("styled in F#", json)
    Assert.StartsWith("Plotly.NET chart \"styled in F#\": 1 trace (scatter)", PlotlyNetFormatting.Summary chart)
