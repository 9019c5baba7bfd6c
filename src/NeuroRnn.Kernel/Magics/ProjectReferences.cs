using System.Globalization;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// <c>#r "path/Library.csproj"</c>: builds the project with <c>dotnet build</c> (Release, its NuGet dependencies
/// copied next to it) and returns the built assembly, which the interpreter then references like a dll (through a
/// private copy, so rebuilding the project later does not break the session). Build errors fail the cell with the
/// compiler's messages.
/// </summary>
internal static class ProjectReferences
{
    /// <summary>Whether the <c>#r</c> target names a project file.</summary>
    public static bool IsProject(string reference) =>
        reference.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds <paramref name="projectPath"/> and returns the path of its assembly.</summary>
    /// <exception cref="MagicCommandException">The project does not exist or does not build.</exception>
    public static async Task<string> BuildAsync(string projectPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var project = Path.GetFullPath(projectPath);
        var directive = $"#r \"{projectPath}\"";
        if (!File.Exists(project)) throw new MagicCommandException($"{directive}: the project file '{project}' does not exist.");
        string[] arguments =
        [
            "build", project, "-c", "Release", "--nologo", "-v", "q", "-clp:NoSummary;ErrorsOnly",
            "-p:CopyLocalLockFileAssemblies=true", "-t:Build", "-getProperty:TargetPath",
        ];
        var (exitCode, output) = await DotnetCli.RunAsync(directive, arguments, Path.GetDirectoryName(project)!, timeout, cancellationToken);
        var errors = DotnetCli.Errors(output);
        if (exitCode != 0 || errors.Count > 0)
        {
            var detail = errors.Count > 0 ? string.Join(Environment.NewLine, errors) : output.Trim();
            throw new MagicCommandException(string.Create(CultureInfo.InvariantCulture, $"{directive}: the build failed (exit code {exitCode}).{Environment.NewLine}{detail}"));
        }
        // With -t:Build and -getProperty the build runs, then prints the property value as its last line.
        var targetPath = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (targetPath is null || !File.Exists(targetPath))
        {
            throw new MagicCommandException($"{directive}: the build succeeded but its assembly was not found (TargetPath: '{targetPath}').");
        }
        return targetPath;
    }
}
