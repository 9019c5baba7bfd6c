using System.Runtime.InteropServices;

namespace NeuroRnn.Numerics;

/// <summary>
/// The entry points of libmkl_rt (LP64: MKL_INT is 32-bit) as unmanaged function pointers. Loading through
/// <see cref="NativeLibrary"/> with explicit candidate names avoids an assembly-wide DllImport resolver (which
/// other parts of the assembly might need) and makes each call a direct indirect call without marshalling stubs.
/// </summary>
internal sealed unsafe class MklNative
{
    /// <summary>CBLAS/LAPACKE constants.</summary>
    public const int ColMajor = 102, NoTrans = 111, Trans = 112;

    /// <summary>Names tried in order; the first that loads wins.</summary>
    public static readonly IReadOnlyList<string> DefaultLibraryNames =
        ["libmkl_rt.so", "libmkl_rt.so.2", "libmkl_rt.so.1", "/usr/lib/x86_64-linux-gnu/libmkl_rt.so", "mkl_rt", "mkl_rt.2.dll", "libmkl_rt.dylib"];

    public readonly nint Handle;
    public readonly string LibraryName;

    public readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm;
    public readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    public readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void> DgemmBatchStrided;
    public readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void> SgemmBatchStrided;
    public readonly delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemv;
    public readonly delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemv;
    public readonly delegate* unmanaged<int, double, double*, int, double*, int, void> Daxpy;
    public readonly delegate* unmanaged<int, float, float*, int, float*, int, void> Saxpy;
    public readonly delegate* unmanaged<int, double, double*, int, void> Dscal;
    public readonly delegate* unmanaged<int, float, float*, int, void> Sscal;
    public readonly delegate* unmanaged<int, double*, int, double*, int, double> Ddot;
    public readonly delegate* unmanaged<int, float*, int, float*, int, float> Sdot;
    public readonly delegate* unmanaged<int, double*, double*, void> VdTanh, VdExp, VdLn;
    public readonly delegate* unmanaged<int, float*, float*, void> VsTanh, VsExp, VsLn;
    public readonly delegate* unmanaged<int, byte, byte, int, double*, int, double*, int> Dsyevd;
    public readonly delegate* unmanaged<int, byte, int, int, double*, int, double*, double*, int, double*, int, int> Dgesdd;
    public readonly delegate* unmanaged<int, void> SetNumThreads;
    public readonly delegate* unmanaged<int> GetMaxThreads;
    public readonly delegate* unmanaged<byte*, int, void> GetVersionString;
    public readonly delegate* unmanaged<int> CbwrGetAutoBranch;

    /// <summary>Which OpenMP runtime MKL threads with ("GNU OpenMP" or "sequential").</summary>
    public readonly string ThreadingLayer;

    private MklNative(nint handle, string libraryName)
    {
        Handle = handle;
        LibraryName = libraryName;
        ThreadingLayer = ChooseThreadingLayer();
        Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)Export("cblas_dgemm");
        Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)Export("cblas_sgemm");
        DgemmBatchStrided = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void>)OptionalExport("cblas_dgemm_batch_strided");
        SgemmBatchStrided = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void>)OptionalExport("cblas_sgemm_batch_strided");
        Dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)Export("cblas_dgemv");
        Sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)Export("cblas_sgemv");
        Daxpy = (delegate* unmanaged<int, double, double*, int, double*, int, void>)Export("cblas_daxpy");
        Saxpy = (delegate* unmanaged<int, float, float*, int, float*, int, void>)Export("cblas_saxpy");
        Dscal = (delegate* unmanaged<int, double, double*, int, void>)Export("cblas_dscal");
        Sscal = (delegate* unmanaged<int, float, float*, int, void>)Export("cblas_sscal");
        Ddot = (delegate* unmanaged<int, double*, int, double*, int, double>)Export("cblas_ddot");
        Sdot = (delegate* unmanaged<int, float*, int, float*, int, float>)Export("cblas_sdot");
        VdTanh = (delegate* unmanaged<int, double*, double*, void>)Export("vdTanh");
        VdExp = (delegate* unmanaged<int, double*, double*, void>)Export("vdExp");
        VdLn = (delegate* unmanaged<int, double*, double*, void>)Export("vdLn");
        VsTanh = (delegate* unmanaged<int, float*, float*, void>)Export("vsTanh");
        VsExp = (delegate* unmanaged<int, float*, float*, void>)Export("vsExp");
        VsLn = (delegate* unmanaged<int, float*, float*, void>)Export("vsLn");
        Dsyevd = (delegate* unmanaged<int, byte, byte, int, double*, int, double*, int>)Export("LAPACKE_dsyevd");
        Dgesdd = (delegate* unmanaged<int, byte, int, int, double*, int, double*, double*, int, double*, int, int>)Export("LAPACKE_dgesdd");
        SetNumThreads = (delegate* unmanaged<int, void>)Export("MKL_Set_Num_Threads");
        GetMaxThreads = (delegate* unmanaged<int>)Export("MKL_Get_Max_Threads");
        GetVersionString = (delegate* unmanaged<byte*, int, void>)Export("MKL_Get_Version_String");
        CbwrGetAutoBranch = (delegate* unmanaged<int>)OptionalExport("mkl_cbwr_get_auto_branch");
        Reproducibility = ChooseReproducibility();
    }

    /// <summary>MKL's conditional numerical reproducibility setting: "strict", "MKL_CBWR=…" (the user's), or why neither.</summary>
    public readonly string Reproducibility;

    /// <summary>
    /// Without it MKL's GEMM kernels round differently depending on how the operands happen to be aligned in memory,
    /// so the same computation on freshly allocated arrays (a resumed run, a second objective) can differ in the
    /// last bit. Strict CNR (MKL_CBWR_AUTO | MKL_CBWR_STRICT) makes results depend only on the values and the
    /// thread count. Its cost, from a one-off comparison on 2026-11-22 (MKL_CBWR=AUTO switches it off; not kept in
    /// bench/results, whose runs use strict mode): the W1 GN product took 0.084–0.090 s with it and 0.088 s without. A
    /// user's MKL_CBWR setting wins.
    /// </summary>
    private string ChooseReproducibility()
    {
        const int cbwrAuto = 2, cbwrStrict = 0x10000, cbwrSuccess = 0;
        string? user = Environment.GetEnvironmentVariable("MKL_CBWR");
        if (!string.IsNullOrEmpty(user)) return $"MKL_CBWR={user}";
        var set = (delegate* unmanaged<int, int>)OptionalExport("MKL_CBWR_Set");
        if (set == null) return "not available (no MKL_CBWR_Set)";
        int status = set(cbwrAuto | cbwrStrict);
        return status == cbwrSuccess ? "strict" : $"not set (MKL_CBWR_Set returned {status})";
    }

    /// <summary>Loads the first candidate that exists; returns null with the reason when none works.</summary>
    public static MklNative? TryLoad(IReadOnlyList<string> libraryNames, out string failure)
    {
        var tried = new List<string>();
        foreach (var name in libraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(MklNative).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out var handle)
                && !NativeLibrary.TryLoad(name, out handle))
            {
                tried.Add(name);
                continue;
            }
            try
            {
                failure = "";
                return new MklNative(handle, name);
            }
            catch (EntryPointNotFoundException e)
            {
                // A library of that name without the MKL API (or a much older MKL): not usable.
                failure = $"{name} loaded but {e.Message}";
                return null;
            }
        }
        failure = $"none of {string.Join(", ", tried)} could be loaded";
        return null;
    }

    /// <summary>
    /// libmkl_rt defaults to Intel OpenMP (libiomp5), which Debian does not ship with MKL, and resolving its
    /// symbols fails fatally inside native code on the first call. So before any other MKL call we pick the GNU
    /// threading layer, with libgomp loaded RTLD_GLOBAL so libmkl_gnu_thread can bind to it, or the sequential
    /// layer when libgomp is not installed. The mixed-case names are MKL's C (by-value) entry points; the
    /// lower-case exports are the Fortran ones, taking pointers.
    /// </summary>
    private string ChooseThreadingLayer()
    {
        const int threadingGnu = 3, threadingSequential = 1;
        var setLayer = (delegate* unmanaged<int, int>)Export("MKL_Set_Threading_Layer");
        if (GlobalLoad("libgomp.so.1"))
        {
            setLayer(threadingGnu);
            return "GNU OpenMP";
        }
        setLayer(threadingSequential);
        return "sequential";
    }

    /// <summary>dlopen(name, RTLD_NOW | RTLD_GLOBAL): NativeLibrary.Load keeps symbols local.</summary>
    private static bool GlobalLoad(string name)
    {
        const int rtldNow = 2, rtldGlobal = 0x100;
        if (!OperatingSystem.IsLinux()) return false;
        if (!NativeLibrary.TryLoad("libc.so.6", out var libc) || !NativeLibrary.TryGetExport(libc, "dlopen", out var dlopenAddress))
            return false;
        var dlopen = (delegate* unmanaged<byte*, int, nint>)dlopenAddress;
        var bytes = System.Text.Encoding.ASCII.GetBytes(name + "\0");
        fixed (byte* p = bytes) return dlopen(p, rtldNow | rtldGlobal) != 0;
    }

    /// <summary>MKL's version string, e.g. "Intel(R) Math Kernel Library Version 2020.0.4 …".</summary>
    public string Version()
    {
        const int size = 256;
        byte* buffer = stackalloc byte[size];
        new Span<byte>(buffer, size).Clear();
        GetVersionString(buffer, size);
        return Marshal.PtrToStringAnsi((nint)buffer)?.Trim() ?? "unknown";
    }

    private nint Export(string name)
    {
        if (!NativeLibrary.TryGetExport(Handle, name, out var address))
            throw new EntryPointNotFoundException($"it does not export {name}");
        return address;
    }

    private nint OptionalExport(string name) =>
        NativeLibrary.TryGetExport(Handle, name, out var address) ? address : 0;

    // ---- BLAS level 2: rank-1 updates and symmetric products, resolved on first use ----

    private nint _dger, _dsymv, _dsyr, _setNumThreadsLocal;

    /// <summary>cblas_dger(layout, m, n, alpha, x, incx, y, incy, a, lda).</summary>
    public delegate* unmanaged<int, int, int, double, double*, int, double*, int, double*, int, void> Dger =>
        (delegate* unmanaged<int, int, int, double, double*, int, double*, int, double*, int, void>)Resolve(ref _dger, "cblas_dger");

    /// <summary>cblas_dsymv(layout, uplo, n, alpha, a, lda, x, incx, beta, y, incy).</summary>
    public delegate* unmanaged<int, int, int, double, double*, int, double*, int, double, double*, int, void> Dsymv =>
        (delegate* unmanaged<int, int, int, double, double*, int, double*, int, double, double*, int, void>)Resolve(ref _dsymv, "cblas_dsymv");

    /// <summary>cblas_dsyr(layout, uplo, n, alpha, x, incx, a, lda).</summary>
    public delegate* unmanaged<int, int, int, double, double*, int, double*, int, void> Dsyr =>
        (delegate* unmanaged<int, int, int, double, double*, int, double*, int, void>)Resolve(ref _dsyr, "cblas_dsyr");

    /// <summary>MKL_Set_Num_Threads_Local(n): the calling thread's MKL thread count (0 = the global one); returns the previous value.</summary>
    public delegate* unmanaged<int, int> SetNumThreadsLocal =>
        (delegate* unmanaged<int, int>)Resolve(ref _setNumThreadsLocal, "MKL_Set_Num_Threads_Local");

    private nint Resolve(ref nint cached, string name) => cached != 0 ? cached : cached = Export(name);

    // ---- LAPACK for dynamics analyses: resolved on first use, so a library without them still serves everything else ----

    private delegate* unmanaged<int, byte, byte, int, double*, int, double*, double*, double*, int, double*, int, int> _dgeev;
    private delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int> _dposv;

    /// <summary>LAPACKE_dgeev(layout, jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr).</summary>
    public delegate* unmanaged<int, byte, byte, int, double*, int, double*, double*, double*, int, double*, int, int> Dgeev =>
        _dgeev != null ? _dgeev : _dgeev = (delegate* unmanaged<int, byte, byte, int, double*, int, double*, double*, double*, int, double*, int, int>)Export("LAPACKE_dgeev");

    /// <summary>LAPACKE_dposv(layout, uplo, n, nrhs, a, lda, b, ldb).</summary>
    public delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int> Dposv =>
        _dposv != null ? _dposv : _dposv = (delegate* unmanaged<int, byte, int, int, double*, int, double*, int, int>)Export("LAPACKE_dposv");
}
