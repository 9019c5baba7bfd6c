using System.Runtime.InteropServices;

namespace NeuroRnn.Numerics;

/// <summary>
/// Runs work on the calling thread's OpenMP team — the same libgomp worker threads MKL's GNU threading layer forks
/// for its threaded calls from that thread. After a threaded MKL call those workers spin-wait (libgomp's default, about
/// 3 ms) before they sleep; work handed to threads of our own in that window competes with them for the cores. Work
/// run by the team itself has no such rival: the worker that would spin is the one doing it.
/// Available when MKL threads with libgomp (<see cref="MklBackend.ThreadingLayer"/> "GNU OpenMP").
/// </summary>
internal static unsafe class OpenMpTeam
{
    private static readonly delegate* unmanaged<delegate* unmanaged<nint, void>, nint, uint, uint, void> Parallel;
    private static readonly delegate* unmanaged<int> ThreadNumber, TeamSize;

    static OpenMpTeam()
    {
        // MklNative loaded libgomp RTLD_GLOBAL when it chose the GNU layer; this only takes another reference to it.
        if (!NumericsBackend.IsMklAvailable || NumericsBackend.Mkl.ThreadingLayer != "GNU OpenMP") return;
        if (!NativeLibrary.TryLoad("libgomp.so.1", out var gomp)) return;
        if (!NativeLibrary.TryGetExport(gomp, "GOMP_parallel", out var parallel)
            || !NativeLibrary.TryGetExport(gomp, "omp_get_thread_num", out var threadNumber)
            || !NativeLibrary.TryGetExport(gomp, "omp_get_num_threads", out var teamSize)) return;
        Parallel = (delegate* unmanaged<delegate* unmanaged<nint, void>, nint, uint, uint, void>)parallel;
        ThreadNumber = (delegate* unmanaged<int>)threadNumber;
        TeamSize = (delegate* unmanaged<int>)teamSize;
    }

    /// <summary>Whether <see cref="Run"/> can use libgomp.</summary>
    public static bool IsAvailable => Parallel != null;

    /// <summary>
    /// Calls <paramref name="body"/>(thread, team size) once on each thread of a team of up to <paramref name="threads"/>
    /// (thread 0 is the calling thread) and returns when all have returned. The team may be smaller than asked (e.g.
    /// inside another parallel region), so the body must share its work by the team size it is given. The body must not
    /// throw: an exception cannot cross the native frames (catch and hand it back yourself).
    /// </summary>
    public static void Run(int threads, delegate*<int, int, void> body)
    {
        if (!IsAvailable) throw new InvalidOperationException("OpenMpTeam needs MKL's GNU OpenMP threading layer (libgomp).");
        Parallel(&Member, (nint)body, (uint)threads, 0);
    }

    [UnmanagedCallersOnly]
    private static void Member(nint body) => ((delegate*<int, int, void>)body)(ThreadNumber(), TeamSize());
}
