using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>The kernel_info_reply content: protocol version, implementation and the interpreter's language.</summary>
internal static class KernelInfoReply
{
    public static JsonObject Create(IKernelInterpreter interpreter, KernelServerOptions options)
    {
        var language = interpreter.LanguageInfo;
        var helpLinks = new JsonArray();
        foreach (var (text, url) in HelpLinks(language.Name))
        {
            helpLinks.Add(new JsonObject { ["text"] = text, ["url"] = url });
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = MessageFactory.ProtocolVersion,
            ["implementation"] = options.ImplementationName,
            ["implementation_version"] = typeof(KernelServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            ["language_info"] = new JsonObject
            {
                ["name"] = language.Name,
                ["version"] = language.Version,
                ["mimetype"] = language.MimeType,
                ["file_extension"] = language.FileExtension,
                ["pygments_lexer"] = language.PygmentsLexer,
                ["codemirror_mode"] = language.CodeMirrorMode,
                ["nbconvert_exporter"] = "script",
            },
            ["banner"] = interpreter.Banner,
            ["help_links"] = helpLinks,
            ["debugger"] = false,
        };
    }

    private static IEnumerable<(string Text, string Url)> HelpLinks(string language)
    {
        if (language.Contains("fsharp", StringComparison.OrdinalIgnoreCase) || language is "F#" or "f#")
        {
            yield return ("F# documentation", "https://learn.microsoft.com/dotnet/fsharp/");
        }
        else
        {
            yield return ("C# documentation", "https://learn.microsoft.com/dotnet/csharp/");
        }

        yield return (".NET API browser", "https://learn.microsoft.com/dotnet/api/");
    }
}
