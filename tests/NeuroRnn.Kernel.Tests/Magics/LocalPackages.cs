using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>
/// Tiny NuGet packages made by the tests (a .nuspec and one compiled library in a .nupkg zip), a folder feed of them,
/// and a NuGet v3 feed serving them over HTTP on the loopback interface (service index + flat container, which is
/// what a restore reads).
/// </summary>
internal static class LocalPackages
{
    /// <summary>A version no earlier run used, so that a restore cannot be answered from the global packages folder.</summary>
    public static string FreshVersion() => $"1.0.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000}";

    /// <summary>Writes <c>{id}.{version}.nupkg</c> into <paramref name="folder"/> with a class <c>{id}.Greeter</c> whose <c>Hello(name)</c> returns "Hello, name from {id}".</summary>
    public static string Create(string folder, string id, string version)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.{version}.nupkg".ToLowerInvariant());
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, $"{id}.nuspec", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>NeuroRnn tests</authors>
                <description>A package made by the kernel tests.</description>
              </metadata>
            </package>
            """);
        var entry = zip.CreateEntry($"lib/net10.0/{id}.dll");
        using (var stream = entry.Open()) stream.Write(Compile(id, $"namespace {id} {{ public static class Greeter {{ public static string Hello(string name) => \"Hello, \" + name + \" from {id}\"; }} }}"));
        return path;
    }

    /// <summary>A compiled library (net10.0 references of the running runtime).</summary>
    public static byte[] Compile(string assemblyName, string source)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], framework.Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

/// <summary>A NuGet v3 feed on 127.0.0.1 serving the .nupkg files of a folder; counts the package downloads.</summary>
internal sealed class LoopbackNuGetFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _serving;
    private int _downloads;

    public LoopbackNuGetFeed(string folder)
    {
        _folder = folder;
        for (var attempt = 0; ; attempt++)
        {
            Port = Random.Shared.Next(20_000, 60_000);
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string ServiceIndex => $"http://127.0.0.1:{Port}/v3/index.json";

    public string NotAFeed => $"http://127.0.0.1:{Port}/about.html";

    public int Downloads => Volatile.Read(ref _downloads);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Answer(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.ToLowerInvariant();
        if (path == "/v3/index.json")
        {
            Send(context, "application/json", $$"""{"version":"3.0.0","resources":[{"@id":"http://127.0.0.1:{{Port}}/v3/flat/","@type":"PackageBaseAddress/3.0.0"}]}""");
            return;
        }
        if (path == "/about.html")
        {
            Send(context, "text/html", "<html><body>not a feed</body></html>");
            return;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // /v3/flat/{id}/index.json and /v3/flat/{id}/{version}/{id}.{version}.nupkg
        if (parts.Length == 4 && parts[3] == "index.json")
        {
            var versions = Directory.GetFiles(_folder, $"{parts[2]}.*.nupkg").Select(f => Path.GetFileNameWithoutExtension(f)[(parts[2].Length + 1)..]).ToArray();
            if (versions.Length == 0)
            {
                context.Response.StatusCode = 404;
                return;
            }
            Send(context, "application/json", "{\"versions\":[" + string.Join(",", versions.Select(v => $"\"{v}\"")) + "]}");
            return;
        }
        if (parts.Length == 5 && parts[4].EndsWith(".nupkg", StringComparison.Ordinal) && File.Exists(Path.Combine(_folder, parts[4])))
        {
            Interlocked.Increment(ref _downloads);
            var bytes = File.ReadAllBytes(Path.Combine(_folder, parts[4]));
            context.Response.ContentType = "application/octet-stream";
            context.Response.OutputStream.Write(bytes);
            return;
        }
        context.Response.StatusCode = 404;
    }

    private static void Send(HttpListenerContext context, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentType = contentType;
        context.Response.OutputStream.Write(bytes);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
