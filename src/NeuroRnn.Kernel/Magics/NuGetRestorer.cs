using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Resolves <c>#r "nuget: Package, Version"</c>: restores a generated net10.0 project with the machine's own NuGet
/// configuration (<c>dotnet restore</c>), reads the runtime assemblies of the package and its dependencies from
/// <c>project.assets.json</c>, and remembers the list per package and version so a second session needs no restore.
/// </summary>
internal sealed partial class NuGetRestorer
{
    private const string TargetFramework = "net10.0";
    private readonly string _cacheRoot;
    private readonly TimeSpan _timeout;

    public NuGetRestorer(string? cacheRoot, TimeSpan timeout)
    {
        _cacheRoot = cacheRoot ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "neurornn", "nuget");
        _timeout = timeout;
    }

    /// <summary>Parses the text after <c>#r</c> (<c>"nuget: Id, Version"</c>, version optional) into id and version.</summary>
    /// <exception cref="MagicCommandException">The text is not a valid package reference.</exception>
    public static (string Id, string? Version) ParseReference(string reference)
    {
        var body = reference.Trim();
        if (!body.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) throw new MagicCommandException($"Not a NuGet reference: {reference}");
        var parts = body["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
        var id = parts[0];
        var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (parts.Length > 2 || !PackageId().IsMatch(id) || (version is not null && !PackageVersion().IsMatch(version)))
        {
            throw new MagicCommandException($"#r: expected \"nuget: PackageId, Version\" (version optional), got \"{reference}\".");
        }
        return (id, version);
    }

    /// <summary>The runtime assemblies of <paramref name="id"/> (at <paramref name="version"/>, or the latest) and its dependencies.</summary>
    /// <exception cref="MagicCommandException">The restore failed (unknown package, no network, …); the message carries NuGet's errors.</exception>
    public async Task<IReadOnlyList<string>> RestoreAsync(string id, string? version, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_cacheRoot, id.ToLowerInvariant(), version is null ? "latest" : Sanitize(version));
        var listFile = Path.Combine(folder, "assemblies.txt");
        if (File.Exists(listFile))
        {
            var cached = await File.ReadAllLinesAsync(listFile, cancellationToken);
            if (cached.Length > 0 && cached.All(File.Exists)) return cached;
        }

        var project = Path.Combine(folder, "project");
        Directory.CreateDirectory(project);
        var projectFile = Path.Combine(project, "restore.csproj");
        await File.WriteAllTextAsync(projectFile, ProjectText(id, version), cancellationToken);
        var (exitCode, output) = await RunRestoreAsync(projectFile, cancellationToken);
        var assets = Path.Combine(project, "obj", "project.assets.json");
        if (exitCode != 0 || !File.Exists(assets))
        {
            var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().ToArray();
            var detail = errors.Length > 0 ? string.Join(Environment.NewLine, errors.Select(CleanError)) : output.Trim();
            throw new MagicCommandException($"#r \"nuget: {id}{(version is null ? "" : ", " + version)}\": restore failed.{Environment.NewLine}{detail}");
        }

        var assemblies = ReadRuntimeAssemblies(assets);
        await File.WriteAllLinesAsync(listFile, assemblies, cancellationToken);
        return assemblies;
    }

    private static string ProjectText(string id, string? version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{TargetFramework}</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
            <NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{SecurityElement.Escape(id)}" Version="{SecurityElement.Escape(version ?? "*")}" />
          </ItemGroup>
        </Project>
        """;

    private async Task<(int ExitCode, string Output)> RunRestoreAsync(string projectFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        foreach (var argument in new[] { "restore", projectFile, "--nologo", "-v", "q" }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new MagicCommandException("#r nuget: could not start 'dotnet restore'.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new MagicCommandException($"#r nuget: 'dotnet restore' took longer than {_timeout.TotalSeconds:0} s and was stopped.");
        }
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    private static string DotnetExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    private static IReadOnlyList<string> ReadRuntimeAssemblies(string assetsPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = document.RootElement;
        var packageFolders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToArray();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => !t.Name.Contains('/'));
        var frameworkNames = Directory.GetFiles(Engines.HostAssemblies.FrameworkDirectory, "*.dll").Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var package in target.Value.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            if (!package.Value.TryGetProperty("runtime", out var runtime)) continue;
            var libraryPath = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            foreach (var file in runtime.EnumerateObject())
            {
                if (!file.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                // The framework's own copy wins over a package copy of the same assembly.
                if (frameworkNames.Contains(Path.GetFileName(file.Name))) continue;
                var full = packageFolders.Select(folder => Path.Combine(folder, libraryPath, file.Name)).FirstOrDefault(File.Exists);
                if (full is not null) result.Add(Path.GetFullPath(full));
            }
        }
        return result;
    }

    private static string CleanError(string line)
    {
        // "…/restore.csproj : error NU1101: Unable to find package X…" → "error NU1101: Unable to find package X…"
        var index = line.IndexOf("error ", StringComparison.OrdinalIgnoreCase);
        var text = index > 0 ? line[index..] : line;
        var bracket = text.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 ? text[..bracket] : text;
    }

    private static string Sanitize(string version) => string.Concat(version.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PackageId();

    [GeneratedRegex(@"^[A-Za-z0-9.*\-+\[\]\(\), ]+$")]
    private static partial Regex PackageVersion();
}
