module NeuroRnn.FSharp.Tests.MagicsApiTests

// The toolkit's magic commands from F#: a definition written as an F# value with a Func handler, the shared line
// parser, and a toolkit magic run against a host made of three F# closures (variables, display) — the same
// BCL-only contract both notebook hosts use.

open System
open System.Collections.Generic
open System.IO
open System.Threading
open System.Threading.Tasks
open Xunit
open NeuroRnn.Data
open NeuroRnn.Data.Io
open NeuroRnn.Data.Synthetic
open NeuroRnn.Interactive.Magics

/// A notebook host in three closures: a variable table and a list of what was displayed.
let private host () =
    let variables = Dictionary<string, obj>()
    let shown = List<obj>()
    let getVariable = Func<string, obj>(fun name -> match variables.TryGetValue name with | true, v -> v | _ -> null)
    let setVariable = Action<string, obj>(fun name value -> variables.[name] <- value)
    let display = Func<obj, Action<obj>>(fun value -> shown.Add value; Action<obj>(fun replacement -> shown.Add replacement))
    variables, shown, getVariable, setVariable, display

let private greet =
    let options =
        [| MagicOption("--name", "who to greet", typeof<string>, Required = true, Implicit = true)
           MagicOption("--times", "how often", typeof<int>, Default = box 1)
           MagicOption("--loud", "shout", typeof<bool>) |]
    let handler =
        Func<MagicCall, Task>(fun call ->
            let text = String.replicate (call.Require<int> "--times") ("hello " + call.Require<string> "--name" + " ")
            call.SetVariable("greeting", (if call.Has "--loud" then text.ToUpperInvariant() else text).Trim())
            Task.CompletedTask)
    MagicDefinition("#!greet", "greets: #!greet NAME [--times N] [--loud]", options, handler)

[<Fact>]
let ``an F# magic definition parses typed options with defaults and runs its handler`` () =
    let values = MagicLine.Parse(greet, "#!greet 'Ada L' --loud")
    Assert.Equal<obj>(box "Ada L", values.["--name"])
    Assert.Equal<obj>(box 1, values.["--times"])
    Assert.Equal<obj>(box true, values.["--loud"])
    let variables, _, getVariable, setVariable, display = host ()
    greet.InvokeAsync("#!greet Ada --times 2", getVariable, setVariable, display, CancellationToken.None).Wait()
    Assert.Equal<obj>(box "hello Ada hello Ada", variables.["greeting"])

[<Fact>]
let ``mistakes in a magic line name the option`` () =
    let unknown = Assert.Throws<MagicUsageException>(fun () -> MagicLine.Parse(greet, "#!greet Ada --bogus 1") |> ignore)
    Assert.Contains("--bogus", unknown.Message)
    let wrongType = Assert.Throws<MagicUsageException>(fun () -> MagicLine.Parse(greet, "#!greet Ada --times many") |> ignore)
    Assert.Contains("--times", wrongType.Message)
    let missing = Assert.Throws<MagicUsageException>(fun () -> MagicLine.Parse(greet, "#!greet --loud") |> ignore)
    Assert.Contains("--name", missing.Message)

[<Fact>]
let ``the toolkit's load-recording magic defines an F# variable and a missing file is named`` () =
    let magic = ToolkitMagics.MagicDefinitions() |> Seq.find (fun m -> m.Name = "#!load-recording")
    let counts = V1GratingGenerator.Generate(V1GratingOptions(Units = 5, Directions = 4, TrialsPerDirection = 3, Seed = 7UL))
    let path = Path.Combine(Path.GetTempPath(), sprintf "neurornn-fsharp-magic-%O.npz" (Guid.NewGuid()))
    RecordingNpz.Write(counts, path)
    let variables, _, getVariable, setVariable, display = host ()
    magic.InvokeAsync(sprintf "#!load-recording \"%s\" --as rec" path, getVariable, setVariable, display, CancellationToken.None).Wait()
    let loaded = variables.["rec"] :?> Recording
    Assert.Equal(5, loaded.UnitCount)
    Assert.Equal<double[]>(counts.Data.ToArray(), loaded.Data.ToArray())
    let missing = Path.Combine(Path.GetTempPath(), "neurornn-no-such-recording.npz")
    let e = Assert.ThrowsAny<exn>(fun () ->
                magic.InvokeAsync(sprintf "#!load-recording \"%s\" --as other" missing, getVariable, setVariable, display, CancellationToken.None).Wait())
    let inner = match e with :? AggregateException as a -> a.InnerException | other -> other
    Assert.IsType<MagicUsageException>(inner) |> ignore
    Assert.Contains("neurornn-no-such-recording.npz", inner.Message)
    Assert.False(variables.ContainsKey "other")
