namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>The ZeroMQ socket patterns the Jupyter protocol uses.</summary>
internal enum ZmqSocketType
{
    /// <summary>Publisher (iopub).</summary>
    Publisher = ZmqNative.Pub,

    /// <summary>Subscriber (client side of iopub; used by tests).</summary>
    Subscriber = ZmqNative.Sub,

    /// <summary>Request (client side of the heartbeat; used by tests).</summary>
    Request = ZmqNative.Req,

    /// <summary>Reply (heartbeat).</summary>
    Reply = ZmqNative.Rep,

    /// <summary>Dealer (client side of shell/control/stdin; used by tests).</summary>
    Dealer = ZmqNative.Dealer,

    /// <summary>Router (shell, control, stdin).</summary>
    Router = ZmqNative.Router,
}
