using System.Net;

namespace NeuroRnn.Kernel.Display;

/// <summary>The text/html view of an exception: its type and message prominently, the details folded.</summary>
internal static class ExceptionFormatter
{
    public static string ToHtml(Exception exception)
    {
        var summary = WebUtility.HtmlEncode($"{exception.GetType().FullName}: {exception.Message}");
        var details = WebUtility.HtmlEncode(exception.ToString());
        return $"<details class=\"neurornn-exception\"><summary style=\"color:#b00020\">{summary}</summary><pre>{details}</pre></details>";
    }
}
