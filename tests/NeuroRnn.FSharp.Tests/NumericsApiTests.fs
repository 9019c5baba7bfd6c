module NeuroRnn.FSharp.Tests.NumericsApiTests

// F# calls to the public numerics API, so the compiler checks that it is usable from F#: arrays passed where
// spans are expected, no out/ref parameters, IDisposable results usable with `use`.

open System
open Xunit
open MathNet.Numerics.LinearAlgebra
open NeuroRnn.Numerics

let private backends () : INumericsBackend list = [ NumericsBackend.Managed; NumericsBackend.Mkl ]

[<Fact>]
let ``Gemm, Gemv and element-wise calls take F# arrays directly`` () =
    for backend in backends () do
        // Column-major [[1, 3], [2, 4]] times the identity.
        let a = [| 1.0; 2.0; 3.0; 4.0 |]
        let identity = [| 1.0; 0.0; 0.0; 1.0 |]
        let c = Array.zeroCreate<float> 4
        backend.Gemm(Transpose.None, Transpose.None, 2, 2, 2, 1.0, a, 2, identity, 2, 0.0, c, 2)
        Assert.Equal<float[]>(a, c)

        let y = Array.zeroCreate<float> 2
        backend.Gemv(Transpose.Transpose, 2, 2, 1.0, a, 2, [| 1.0; 1.0 |], 0.0, y)
        Assert.Equal<float[]>([| 3.0; 7.0 |], y)

        let single = Array.zeroCreate<float32> 4
        backend.Gemm(Transpose.Transpose, Transpose.None, 2, 2, 2, 1.0f, [| 1.0f; 2.0f; 3.0f; 4.0f |], 2,
                     [| 1.0f; 0.0f; 0.0f; 1.0f |], 2, 0.0f, single, 2)
        Assert.Equal<float32[]>([| 1.0f; 3.0f; 2.0f; 4.0f |], single)

        let t = Array.zeroCreate<float> 3
        backend.Tanh([| -1000.0; 0.0; 1000.0 |], t)
        Assert.Equal<float[]>([| -1.0; 0.0; 1.0 |], t)
        Assert.Equal(11.0, backend.Dot([| 1.0; 2.0 |], [| 3.0; 4.0 |]))

[<Fact>]
let ``Decompositions fill caller-owned arrays`` () =
    for backend in backends () do
        let values = Array.zeroCreate<float> 2
        let vectors = Array.zeroCreate<float> 4
        let symmetric = [| 2.0; 1.0; 1.0; 2.0 |]
        backend.SymmetricEigen(2, symmetric, values, vectors)
        Assert.Equal(1.0, values.[0], 12)
        Assert.Equal(3.0, values.[1], 12)
        let s = Array.zeroCreate<float> 1
        let row = [| 3.0; 4.0 |]
        let u : float[] = Array.zeroCreate 1
        let vt : float[] = Array.zeroCreate 2
        backend.Svd(1, 2, row, s, u, vt)
        Assert.Equal(5.0, s.[0], 12)

[<Fact>]
let ``Shape errors are ArgumentExceptions naming the shapes`` () =
    let e =
        Assert.Throws<ArgumentException>(Action(fun () ->
            NumericsBackend.Managed.Gemm(Transpose.None, Transpose.None, 3, 2, 4, 1.0, Array.zeroCreate<float> 10, 3,
                                         Array.zeroCreate<float> 8, 4, 0.0, Array.zeroCreate<float> 6, 3)))
    Assert.Contains("3×4", e.Message)

[<Fact>]
let ``Selection and MathNet routing read naturally from F#`` () =
    Assert.True(NumericsBackend.IsMklAvailable, sprintf "MKL not available: %s" NumericsBackend.MklUnavailableReason)
    Assert.Equal("mkl", NumericsBackend.Mkl.Name)
    Assert.True(NumericsBackend.Mkl.ThreadCount >= 1)
    Assert.Equal("managed", NumericsBackend.Managed.Name)
    Assert.False(String.IsNullOrWhiteSpace HardwareInfo.CpuModel)
    let a = Matrix<float>.Build.DenseOfArray(array2D [ [ 1.0; 2.0 ]; [ 3.0; 4.0 ] ])
    use _routing = NumericsBackend.RouteMathNetProducts()
    let product = a * a
    Assert.Equal(22.0, product.[1, 1], 12)
