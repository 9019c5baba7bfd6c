namespace NeuroRnn.Kernel.Engines;

/// <summary>Settings of a <see cref="PolyglotInterpreter"/>; every property has a sensible default.</summary>
public sealed record PolyglotInterpreterOptions
{
    /// <summary>How long an interrupted cell may take to stop by itself (via the cancellation token) before it is aborted.</summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to wait, after the grace period, for an aborted cell to stop before giving up on it (it keeps running
    /// on its thread; an F# session in that state refuses further cells until the kernel restarts).
    /// </summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Folder for this session's private copies of <c>#r</c> assemblies; null for a fresh folder under the temp directory.</summary>
    public string? SessionDirectory { get; init; }

    /// <summary>Where resolved <c>#r "nuget:"</c> packages are remembered; null for <c>~/.cache/neurornn/nuget</c>.</summary>
    public string? NuGetCacheDirectory { get; init; }

    /// <summary>The longest a <c>dotnet restore</c> for <c>#r "nuget:"</c> may take.</summary>
    public TimeSpan NuGetRestoreTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Start the C# engine in the background right away so the first C# cell answers sooner.</summary>
    public bool WarmUpCSharp { get; init; }

    /// <summary>Start the F# session in the background right away, so F# completion and inspection work from kernel start.</summary>
    public bool WarmUpFSharp { get; init; }
}
