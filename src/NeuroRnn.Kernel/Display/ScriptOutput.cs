using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Outputs that make the front end run code or apply styles. JavaScript goes out twice in one bundle: as
/// <c>application/javascript</c> (classic Notebook and JupyterLab run it for trusted notebooks) and as an HTML
/// <c>script</c> element (VS Code and nbconvert's HTML run that); a front end renders one representation of a
/// bundle, so the script runs once.
/// </summary>
internal static class ScriptOutput
{
    public static MimeBundle Javascript(string code) => new(new Dictionary<string, string>
    {
        ["application/javascript"] = code,
        ["text/html"] = $"<script type=\"text/javascript\">\n{EscapeScriptEnd(code)}\n</script>",
        ["text/plain"] = "",
    });

    public static MimeBundle Style(string css) => new(new Dictionary<string, string>
    {
        ["text/html"] = $"<style>\n{css.Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase)}\n</style>",
        ["text/plain"] = "",
    });

    /// <summary>A literal "&lt;/script" inside the code would end the element early.</summary>
    private static string EscapeScriptEnd(string code) => code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
