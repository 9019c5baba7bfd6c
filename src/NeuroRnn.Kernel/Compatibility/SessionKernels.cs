using NeuroRnn.Kernel.Interpreter;

namespace Microsoft.DotNet.Interactive;

/// <summary>The .NET Interactive kernel objects of one interpreter session: a root with one child per cell language.</summary>
internal sealed class SessionKernels
{
    public SessionKernels(string defaultLanguage)
    {
        Root = new CompositeKernel(defaultLanguage);
        foreach (var (name, _, displayName, _) in CellLanguages.All) Root.Add(new Kernel(name, displayName));
    }

    public CompositeKernel Root { get; }
}
