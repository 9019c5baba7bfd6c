module NeuroRnn.FSharp.Tests.NumericsApiTests

open Xunit

[<Fact>]
let ``placeholder until the numerics API lands`` () = Assert.True(true)
