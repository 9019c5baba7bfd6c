namespace NeuroRnn.Models;

/// <summary>The floating-point type the simulation and its derivatives are computed in.</summary>
public enum RnnPrecision
{
    /// <summary>Double precision (default): exact enough for finite-difference checks and long CG runs.</summary>
    Float64,
    /// <summary>Single precision: about twice the GEMM throughput; parameters still cross the API as float64.</summary>
    Float32,
}
