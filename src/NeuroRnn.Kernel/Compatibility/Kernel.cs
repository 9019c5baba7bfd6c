using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Engines;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The part of .NET Interactive's <c>Kernel</c> that published notebooks call, provided by the NeuroRnn kernel
/// without the deprecated host: the helpers every C# cell sees (<c>display</c>, <c>HTML</c>, <c>Javascript</c>,
/// <c>CSS</c>, <c>GetInputAsync</c>, <c>GetPasswordAsync</c>; imported with <c>using static</c>), <see cref="Root"/>
/// and <see cref="Current"/>, and a kernel's name. One kernel object exists per cell language of the session
/// (csharp, fsharp, html, markdown, javascript, mermaid, value) under one <see cref="CompositeKernel"/>.
/// </summary>
public class Kernel
{
    internal Kernel(string name, string languageName)
    {
        Name = name;
        LanguageName = languageName;
    }

    /// <summary>The kernel's name as cells select it (e.g. "csharp" for <c>#!csharp</c>).</summary>
    public string Name { get; }

    /// <summary>The language the kernel runs ("C#", "F#", "HTML", …).</summary>
    public string LanguageName { get; }

    /// <summary>The composite kernel this kernel belongs to, or null for the root.</summary>
    public CompositeKernel? ParentKernel { get; internal set; }

    /// <summary>The root of the session's kernels.</summary>
    public Kernel RootKernel => ParentKernel ?? this;

    /// <summary>The kernel of the session called <paramref name="name"/> (or one of its aliases: c#, f#, md, js), or null.</summary>
    public Kernel? FindKernelByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RootKernel is CompositeKernel root ? root.FindChild(name) : string.Equals(name, Name, StringComparison.OrdinalIgnoreCase) ? this : null;
    }

    /// <summary>The session's root kernel (a <see cref="CompositeKernel"/> with one child per cell language).</summary>
    /// <exception cref="InvalidOperationException">No notebook cell is running.</exception>
    public static Kernel Root => RunningCell().Session.Kernels.Root;

    /// <summary>The kernel running the current cell (e.g. the C# kernel in a C# cell).</summary>
    /// <exception cref="InvalidOperationException">No notebook cell is running.</exception>
    public static Kernel Current
    {
        get
        {
            var scope = RunningCell();
            return scope.Session.Kernels.Root.FindChild(scope.Language) ?? scope.Session.Kernels.Root;
        }
    }

    /// <summary>Shows <paramref name="value"/> now, formatted as <paramref name="mimeTypes"/> when any are given; update it later with <see cref="DisplayedValue.Update"/>.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes) => NotebookDisplays.Show(value, mimeTypes);

    /// <summary>Marks <paramref name="content"/> as HTML, so that returning or displaying it renders it.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Adds the style sheet <paramref name="content"/> to the notebook's output (an HTML <c>style</c> element).</summary>
    public static void CSS(string content) =>
        NotebookDisplays.ShowBundle(content, ScriptOutput.Style(content));

    /// <summary>Runs <paramref name="scriptContent"/> in the front end (an <c>application/javascript</c> output with an HTML <c>script</c> fallback).</summary>
    public static void Javascript(string scriptContent) =>
        NotebookDisplays.ShowBundle(scriptContent, ScriptOutput.Javascript(scriptContent));

    /// <summary>Asks the notebook user for a line of text (Jupyter <c>input_request</c>).</summary>
    public static Task<string> GetInputAsync(string prompt = "", string typeHint = "text") =>
        RunningCell().Context.RequestInputAsync(prompt, password: false, KernelCancellation.Token);

    /// <summary>Asks the notebook user for a password; the answer is not echoed.</summary>
    public static async Task<PasswordString> GetPasswordAsync(string prompt = "") =>
        new(await RunningCell().Context.RequestInputAsync(prompt, password: true, KernelCancellation.Token));

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {Name}";

    private static CellScope RunningCell() =>
        CellScope.Current ?? throw new InvalidOperationException("The .NET Interactive kernel API is available while a notebook cell runs.");
}
