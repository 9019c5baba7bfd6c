namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>The ZeroMQ socket patterns the Jupyter protocol uses.</summary>
internal enum ZmqSocketType
{
    /// <summary>Publisher (iopub).</summary>
    Publisher,

    /// <summary>Subscriber (client side of iopub; used by tests).</summary>
    Subscriber,

    /// <summary>Request (client side of the heartbeat; used by tests).</summary>
    Request,

    /// <summary>Reply (heartbeat).</summary>
    Reply,

    /// <summary>Dealer (client side of shell/control/stdin; used by tests).</summary>
    Dealer,

    /// <summary>Router (shell, control, stdin).</summary>
    Router,
}
