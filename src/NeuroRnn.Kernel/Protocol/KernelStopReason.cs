namespace NeuroRnn.Kernel.Protocol;

/// <summary>Why <see cref="KernelServer.Run"/> returned.</summary>
public enum KernelStopReason
{
    /// <summary>A front end sent shutdown_request with restart=false.</summary>
    Shutdown,

    /// <summary>A front end sent shutdown_request with restart=true; it will start a new kernel process.</summary>
    Restart,

    /// <summary>The caller's cancellation token was cancelled.</summary>
    Cancelled,

    /// <summary>The watched parent process exited.</summary>
    ParentExited,
}
