using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Interactive.Extension;

/// <summary>Shows a value in the running command's output and returns the function that replaces it in place.</summary>
internal static class LiveDisplay
{
    public static Action<object> Show(KernelInvocationContext context, object value)
    {
        var displayed = KernelInvocationContextExtensions.Display(context, value);
        return replacement => displayed.Update(replacement);
    }
}
