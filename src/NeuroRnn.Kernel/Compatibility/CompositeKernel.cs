using System.Collections;

namespace Microsoft.DotNet.Interactive;

/// <summary>The session's root kernel: one child <see cref="Kernel"/> per cell language.</summary>
public sealed class CompositeKernel : Kernel, IEnumerable<Kernel>
{
    private readonly List<Kernel> _children = [];

    internal CompositeKernel(string defaultKernelName) : base(".NET", "polyglot")
    {
        DefaultKernelName = defaultKernelName;
    }

    /// <summary>The kernel of cells without a language line.</summary>
    public string DefaultKernelName { get; }

    /// <summary>The child kernels.</summary>
    public IReadOnlyList<Kernel> ChildKernels => _children;

    internal Kernel? FindChild(string name)
    {
        var canonical = NeuroRnn.Kernel.Interpreter.CellLanguages.Find(name) ?? name;
        return _children.FirstOrDefault(k => string.Equals(k.Name, canonical, StringComparison.OrdinalIgnoreCase));
    }

    internal void Add(Kernel kernel)
    {
        kernel.ParentKernel = this;
        _children.Add(kernel);
    }

    /// <inheritdoc />
    public IEnumerator<Kernel> GetEnumerator() => _children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
