using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// <c>x.Display()</c> for notebook cells. The formatting package has the same extension on <c>object</c>, but the
/// value it returns carries another display id than the output it produced, so its <c>Update</c> could not replace
/// that output. This generic overload is the better match for every receiver not typed <c>object</c> (C# and F#
/// overload resolution prefer the exact type), so <c>x.Display().Update(y)</c> replaces the output in place; the
/// package's extension still works for <c>object</c> receivers.
/// </summary>
public static class NotebookDisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> now (as <paramref name="mimeTypes"/> when any are given) and returns a handle whose <see cref="DisplayedValue.Update"/> replaces it.</summary>
    public static DisplayedValue Display<T>(this T value, params string[] mimeTypes) => NotebookDisplays.Show(value, mimeTypes);
}
