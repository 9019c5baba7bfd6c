module NeuroRnn.FSharp.Tests.SweepApiTests

// F# use of the sweep API: a spec built as an immutable record with named arguments, its runs expanded, bad input
// reported as a SweepSpecException naming the field, and a small task-training sweep run by the local runner.

open System
open System.IO
open System.Collections.Generic
open Xunit
open NeuroRnn.Sweeps

let private values (xs: SweepValue list) = List<SweepValue>(xs) :> IReadOnlyList<SweepValue>

let private specWith folder (grid: IReadOnlyDictionary<string, IReadOnlyList<SweepValue>>) =
    SweepSpec(
        Name = "fsharp",
        Kind = "train-task",
        Fixed =
            readOnlyDict
                [ "task", SweepValue.String "addition"
                  "length", SweepValue.Number 10.0
                  "iterations", SweepValue.Number 2.0
                  "batch", SweepValue.Number 20.0
                  "curvature_batch", SweepValue.Number 10.0
                  "max_cg", SweepValue.Number 4.0
                  "test_trials", SweepValue.Number 20.0 ],
        Grid = grid,
        Seeds = [| 1; 2 |],
        Output = "out",
        BaseDirectory = folder)

let private spec folder = specWith folder (readOnlyDict [ "units", values [ SweepValue.Number 4.0; SweepValue.Number 6.0 ] ])

[<Fact>]
let ``A spec built in F# expands, runs locally and gathers`` () =
    let folder = Path.Combine(Path.GetTempPath(), "fsharp-sweep-" + Guid.NewGuid().ToString("N"))
    Directory.CreateDirectory folder |> ignore
    let s = spec folder
    let runs = s.Expand()
    Assert.Equal(4, runs.Count)
    Assert.Equal<int list>([ 1; 2; 1; 2 ], runs |> Seq.map (fun r -> r.Seed) |> List.ofSeq)
    let status = LocalSweepRunner.Run(s, LocalRunnerOptions(MaxConcurrent = 2), Action<SweepStatus>(fun _ -> ()))
    Assert.True(status.AllCompleted, status.ToString())
    let table = SweepTable.Gather s
    Assert.Equal(4, table.Table.RowCount)
    Assert.True(table.Table.GetDoubles "test_accuracy" |> Array.forall (fun a -> a >= 0.0 && a <= 1.0))
    let summary = table.Summarize "test_accuracy"
    Assert.Equal(2, summary.Rows.Count)
    Assert.True(summary.Rows |> Seq.forall (fun r -> r.N = 2))

[<Fact>]
let ``Bad specs name the field`` () =
    let folder = Path.GetTempPath()
    let unknown = Assert.Throws<SweepSpecException>(fun () -> (specWith folder (readOnlyDict [ "neurons", values [ SweepValue.Number 4.0 ] ])).Expand() |> ignore)
    Assert.Equal("grid.neurons", unknown.Field)
    let empty = Assert.Throws<SweepSpecException>(fun () -> (specWith folder (readOnlyDict [ "units", values [] ])).Expand() |> ignore)
    Assert.Equal("grid.units", empty.Field)
