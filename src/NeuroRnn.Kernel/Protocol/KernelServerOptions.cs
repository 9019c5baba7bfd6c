namespace NeuroRnn.Kernel.Protocol;

/// <summary>Settings of a <see cref="KernelServer"/>; every property has a sensible default.</summary>
public sealed record KernelServerOptions
{
    /// <summary>The longest time stream output waits before it is sent (batching keeps message counts low).</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A process to watch: when it exits the kernel shuts down, so a crashed front end leaves no orphan kernel.
    /// Jupyter clients pass their pid in the JPY_PARENT_PID environment variable.
    /// </summary>
    public int? ParentProcessId { get; init; }

    /// <summary>Where protocol diagnostics go; null means the process's real standard error.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>The implementation name in kernel_info_reply.</summary>
    public string ImplementationName { get; init; } = "neurornn";

    /// <summary>How long shutdown waits for a running cell to react to cancellation before leaving it behind.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(2);
}
