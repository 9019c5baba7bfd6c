using Microsoft.DotNet.Interactive;
using NeuroRnn.Interactive.Magics;

namespace NeuroRnn.Interactive.Extension;

/// <summary>
/// The kernel extension .NET Interactive loads from the NeuroRnn.Interactive package (<c>interactive-extensions/dotnet/</c>)
/// after <c>#r "nuget: NeuroRnn.Interactive"</c>: registers the toolkit's formatters and, on every language kernel that
/// holds variables (C#, F#), its magic commands (<see cref="ToolkitMagics"/>), the same definitions the NeuroRnn kernel runs.
/// </summary>
public sealed class NeuroRnnKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        // Nothing may escape: under Jupyter the host (1.0.712001) never answers a cell whose extension failed to load.
        var problems = new List<string>();
        IReadOnlyList<Type> formatted = [];
        try
        {
            formatted = InteractiveFormatters.RegisterAll();
        }
        catch (Exception e)
        {
            problems.Add($"formatters: {e.Message}");
        }
        var magics = ToolkitMagics.MagicDefinitions();
        var kernels = new List<string>();
        (kernel.RootKernel ?? kernel).VisitSubkernelsAndSelf(k =>
        {
            if (!Variables.Supports(k)) return;
            foreach (var definition in magics)
            {
                try
                {
                    DirectiveAdapter.Register(k, definition);
                }
                catch (Exception e)
                {
                    problems.Add($"{definition.Name} in {k.Name}: {e.Message}");
                }
            }
            kernels.Add(k.Name);
        });
        var message = $"NeuroRnn.Interactive loaded: formatters for {formatted.Count} types; magic commands {string.Join(", ", magics.Select(m => m.Name))} in {string.Join(", ", kernels)}."
            + (problems.Count > 0 ? " Not registered: " + string.Join("; ", problems) : "");
        if (KernelInvocationContext.Current is { } context) KernelInvocationContextExtensions.Display(context, message, "text/plain");
        return Task.CompletedTask;
    }
}
