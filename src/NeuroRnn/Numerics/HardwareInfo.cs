using System.Runtime.Intrinsics.X86;

namespace NeuroRnn.Numerics;

/// <summary>Facts about the processor that matter for numerical performance, for reports and <c>neurornn info</c>.</summary>
public static class HardwareInfo
{
    private static readonly Lazy<string> CpuModelValue = new(ReadCpuModel);
    private static readonly Lazy<int> PhysicalCoresValue = new(CountPhysicalCores);

    /// <summary>The CPU model name (from /proc/cpuinfo on Linux), or "unknown".</summary>
    public static string CpuModel => CpuModelValue.Value;

    /// <summary>Physical cores (hyper-threads not counted); falls back to <see cref="Environment.ProcessorCount"/>.</summary>
    public static int PhysicalCoreCount => PhysicalCoresValue.Value;

    /// <summary>Widest SIMD instruction set .NET can use here, e.g. "AVX-512", "AVX2", "SSE4.2".</summary>
    public static string InstructionSet =>
        Avx512F.IsSupported ? "AVX-512"
        : Avx2.IsSupported ? (Fma.IsSupported ? "AVX2+FMA" : "AVX2")
        : Avx.IsSupported ? "AVX"
        : Sse42.IsSupported ? "SSE4.2"
        : System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "NEON"
        : "scalar";

    private static string ReadCpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.Contains(':'))
                        return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return "unknown";
    }

    private static int CountPhysicalCores()
    {
        try
        {
            // Distinct (package, core) pairs among online CPUs; hyper-threads share a pair.
            var cores = new HashSet<(string, string)>();
            foreach (var cpu in Directory.EnumerateDirectories("/sys/devices/system/cpu", "cpu*"))
            {
                var topology = Path.Combine(cpu, "topology");
                var coreId = Path.Combine(topology, "core_id");
                var packageId = Path.Combine(topology, "physical_package_id");
                if (File.Exists(coreId) && File.Exists(packageId))
                    cores.Add((File.ReadAllText(packageId).Trim(), File.ReadAllText(coreId).Trim()));
            }
            if (cores.Count > 0) return Math.Min(cores.Count, Environment.ProcessorCount);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Environment.ProcessorCount;
    }
}
