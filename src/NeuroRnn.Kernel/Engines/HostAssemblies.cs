using System.Reflection;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The assemblies cell code may use by default: the running runtime's own assemblies (from
/// <c>TRUSTED_PLATFORM_ASSEMBLIES</c>, not the SDK reference pack, which clashes with the host's corlib) plus the
/// application's own assemblies next to the kernel (NeuroRnn, MathNet, FSharp.Core, …) minus compiler and
/// polyfill assemblies that would make names ambiguous.
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<IReadOnlyList<string>> TrustedPlatform = new(ReadTrustedPlatformAssemblies);

    /// <summary>Directory of the shared framework that the process runs on.</summary>
    public static string FrameworkDirectory { get; } = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>All default references for C# cells.</summary>
    public static IReadOnlyList<string> ForCSharp() => TrustedPlatform.Value;

    /// <summary>The application's (non-framework) assemblies for F# cells; FCS adds the framework and FSharp.Core itself.</summary>
    public static IReadOnlyList<string> ApplicationAssemblies() =>
        TrustedPlatform.Value
            .Where(path => !IsFramework(path))
            .Where(path => !Path.GetFileName(path).StartsWith("FSharp.", StringComparison.OrdinalIgnoreCase))
            .ToArray();

    private static bool IsFramework(string path) =>
        string.Equals(Path.GetDirectoryName(path), FrameworkDirectory, StringComparison.Ordinal);

    private static IReadOnlyList<string> ReadTrustedPlatformAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var all = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).ToArray();
        var frameworkNames = all.Where(IsFramework).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var paths = all
            .Where(path => IsFramework(path)
                || (!frameworkNames.Contains(Path.GetFileName(path)) && !IsExcludedApplicationAssembly(Path.GetFileNameWithoutExtension(path))))
            // The host executable is no library for cells, and its name may differ from a library's only in case
            // (the CLI "neurornn" next to "NeuroRnn"): compilers compare names case-insensitively (CS1704).
            .Where(path => !string.Equals(path, Assembly.GetEntryAssembly()?.Location, StringComparison.Ordinal))
            .DistinctBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
            .ToList();
        // The kernel assembly must be visible even when it is not on the TPA list (e.g. loaded by a plug-in host).
        var kernel = typeof(HostAssemblies).Assembly.Location;
        if (!string.IsNullOrEmpty(kernel) && !paths.Contains(kernel)) paths.Add(kernel);
        return paths;
    }

    private static bool IsExcludedApplicationAssembly(string name) =>
        // Copies of framework assemblies and polyfills re-declare framework types (CS0433); compiler, test-host and benchmark internals only add noise.
        name.StartsWith("Microsoft.Bcl.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || name.Equals("FSharp.Compiler.Service", StringComparison.OrdinalIgnoreCase)
        || name.Equals("FSharp.DependencyManager.Nuget", StringComparison.OrdinalIgnoreCase)
        // The kernel's own plumbing (transport, Roslyn's completion services) is not the notebook's business.
        || name is "NetMQ" or "AsyncIO" or "NaCl" or "Humanizer"
        || name.StartsWith("System.Composition", StringComparison.OrdinalIgnoreCase);
}
