using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace NeuroRnn.Interop;

/// <summary>
/// Lets F# libraries (Deedle 8.1, Plotly.NET 6.0) run in a process whose FSharp.Core is older than the one they were
/// built against. Compiled into each adapter that needs it (NeuroRnn.Interop.Deedle, NeuroRnn.Interop.PlotlyNet).
/// </summary>
/// <remarks>
/// <para>Deedle 8.1.0 and Plotly.NET 6.0.0 reference FSharp.Core 10.1.0.0. The <c>dotnet-interactive</c> tool
/// (1.0.712001) loads its own FSharp.Core 10.0.0.0 into the default load context at start-up (its F# kernel), and the
/// default context can hold one FSharp.Core only, so their first call failed there with "Could not load file or assembly
/// 'FSharp.Core, Version=10.1.0.0'". When (and only when) the default context cannot bind the FSharp.Core a caller asks
/// for, this handler loads the newest FSharp.Core of the same major version that is at least the requested one from the
/// NuGet packages folder the library itself came from, into a private load context, and hands it to the caller. The host
/// keeps its own FSharp.Core for its F# kernel; the libraries and these adapters use the newer one. Every adapter's
/// handler uses the same private context (found by its name), so Deedle and Plotly.NET share one FSharp.Core.</para>
/// <para>Where FSharp.Core is new enough already (NeuroRnn's kernel runs 11; an application that references these
/// libraries gets 10.1 or later) the default context binds it and this handler is never asked.</para>
/// <para>Limit: F# values (options, functions, lists) made by the host's older FSharp.Core are other types than the
/// libraries'; C# code that only passes .NET types (arrays, strings, numbers, delegates) is not affected.</para>
/// </remarks>
internal static class FSharpCoreBinding
{
    private const string FSharpCore = "FSharp.Core";
    private const string ContextName = "NeuroRnn.Interop FSharp.Core";
    private static readonly object Gate = new();

    /// <summary>The F# libraries whose package folder is searched first (the folder they were restored into).</summary>
    private static readonly string[] Libraries = ["Deedle", "Plotly.NET"];

    /// <summary>Installed when this assembly is loaded, before any of its code can call into the F# library.</summary>
#pragma warning disable CA2255 // a module initializer is the only place early enough: the adapter's first call may be into the F# library
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, FSharpCore, StringComparison.Ordinal) || name.Version is null) return null;
        var path = FindPackageFile(name.Version);
        if (path is null) return null;
        // Each adapter has its own copy of this class and lock; two adapters resolving at the same moment could at worst
        // make two contexts with one FSharp.Core each, which still works.
        lock (Gate)
        {
            var shared = AssemblyLoadContext.All.FirstOrDefault(c => c.Name == ContextName) ?? new AssemblyLoadContext(ContextName);
            return shared.Assemblies.FirstOrDefault(a => string.Equals(a.Location, path, StringComparison.Ordinal)) ?? shared.LoadFromAssemblyPath(path);
        }
    }

    /// <summary>
    /// FSharp.Core.dll of the newest package <c>fsharp.core/&lt;version&gt;</c> with the requested major version and at
    /// least its minor version, in the NuGet packages folders that could hold it: the ones Deedle or Plotly.NET were
    /// restored into (…/deedle/&lt;version&gt;/lib/&lt;tfm&gt;/Deedle.dll), <c>NUGET_PACKAGES</c>, and <c>~/.nuget/packages</c>.
    /// </summary>
    internal static string? FindPackageFile(Version requested)
    {
        foreach (var root in PackageRoots())
        {
            var folder = Path.Combine(root, "fsharp.core");
            if (!Directory.Exists(folder)) continue;
            var best = Directory.EnumerateDirectories(folder)
                .Select(d => (Dir: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(p => p.Version is { } v && v.Major == requested.Major && v.Minor >= requested.Minor)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Dir, "lib", "netstandard2.1", "FSharp.Core.dll"))
                .FirstOrDefault(File.Exists);
            if (best is not null) return best;
        }
        return null;
    }

    private static IEnumerable<string> PackageRoots()
    {
        // By name, not typeof: this runs while FSharp.Core is being resolved, so no type of the libraries may be loaded here.
        foreach (var library in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is { } simpleName && Libraries.Contains(simpleName)))
        {
            // …/<root>/deedle/<version>/lib/<tfm>/Deedle.dll → <root>
            var location = library.Location;
            var root = location.Length > 0 ? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(location))))) : null;
            if (root is not null) yield return root;
        }
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) yield return configured;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>"10.1.403" or "10.1.300-beta.1" → 10.1.403 (prereleases rank by their numeric part).</summary>
    private static Version? ParseVersion(string folder)
    {
        var numeric = folder.Split('-', 2)[0];
        return Version.TryParse(numeric, out var v) ? v : null;
    }
}
