namespace NeuroRnn.Kernel.Kernelspecs;

/// <summary>What <see cref="KernelspecInstaller.Install"/> writes, and where.</summary>
public sealed record KernelspecInstallOptions
{
    /// <summary>
    /// The command that starts this tool, e.g. <c>["/usr/local/bin/neurornn"]</c> or
    /// <c>["/usr/bin/dotnet", "/opt/neurornn/neurornn.dll"]</c>; "kernel start -f {connection_file} --language X"
    /// is appended. Empty means <see cref="KernelspecInstaller.LauncherForCurrentProcess"/>.
    /// </summary>
    public IReadOnlyList<string> Launcher { get; init; } = [];

    /// <summary>
    /// Install under <c>PREFIX/share/jupyter/kernels</c> (e.g. a virtual environment or /usr/local); null means the
    /// user's Jupyter data directory (<c>~/.local/share/jupyter/kernels</c> on Linux).
    /// </summary>
    public string? Prefix { get; init; }

    /// <summary>The kernelspec name stem; the kernels are named STEM-csharp and STEM-fsharp.</summary>
    public string Name { get; init; } = "neurornn";

    /// <summary>Which languages get a kernelspec ("csharp", "fsharp").</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["csharp", "fsharp"];
}
