using System.Runtime.InteropServices;

namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>
/// The raw libzmq entry points this kernel needs (libzmq 4.x C API). Everything else in the kernel goes through
/// <see cref="ZmqContext"/> and <see cref="ZmqSocket"/>, so this file is the only one to touch when swapping the
/// transport for a managed implementation.
/// </summary>
internal static unsafe partial class ZmqNative
{
    /// <summary>The Debian package libzmq5 ships this soname.</summary>
    public const string LibraryName = "libzmq.so.5";

    public const int Pub = 1;
    public const int Sub = 2;
    public const int Req = 3;
    public const int Rep = 4;
    public const int Dealer = 5;
    public const int Router = 6;

    public const int OptionRoutingId = 5;
    public const int OptionSubscribe = 6;
    public const int OptionRcvMore = 13;
    public const int OptionLinger = 17;
    public const int OptionSndHwm = 23;
    public const int OptionRcvHwm = 24;
    public const int OptionRouterMandatory = 33;
    public const int OptionRouterHandover = 56;

    public const int FlagDontWait = 1;
    public const int FlagSendMore = 2;

    public const short PollIn = 1;

    public const int ErrorAgain = 11;
    public const int ErrorInterrupted = 4;
    public const int ErrorHostUnreachable = 113;
    public const int ErrorTerminated = 156384712 + 53;

    /// <summary>zmq_msg_t is an opaque 64-byte, pointer-aligned block.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Message
    {
        private readonly IntPtr _alignment;
    }

    /// <summary>zmq_pollitem_t on POSIX (the fd member is an int).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public IntPtr Socket;
        public int FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport(LibraryName, EntryPoint = "zmq_version")]
    public static partial void Version(out int major, out int minor, out int patch);

    [LibraryImport(LibraryName, EntryPoint = "zmq_ctx_new")]
    public static partial IntPtr ContextNew();

    [LibraryImport(LibraryName, EntryPoint = "zmq_ctx_term")]
    public static partial int ContextTerm(IntPtr context);

    [LibraryImport(LibraryName, EntryPoint = "zmq_socket")]
    public static partial IntPtr Socket(IntPtr context, int type);

    [LibraryImport(LibraryName, EntryPoint = "zmq_close")]
    public static partial int Close(IntPtr socket);

    [LibraryImport(LibraryName, EntryPoint = "zmq_bind", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Bind(IntPtr socket, string endpoint);

    [LibraryImport(LibraryName, EntryPoint = "zmq_connect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Connect(IntPtr socket, string endpoint);

    [LibraryImport(LibraryName, EntryPoint = "zmq_setsockopt")]
    public static partial int SetSocketOption(IntPtr socket, int option, void* value, nuint size);

    [LibraryImport(LibraryName, EntryPoint = "zmq_getsockopt")]
    public static partial int GetSocketOption(IntPtr socket, int option, void* value, ref nuint size);

    [LibraryImport(LibraryName, EntryPoint = "zmq_send")]
    public static partial int Send(IntPtr socket, byte* buffer, nuint length, int flags);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_init")]
    public static partial int MessageInit(Message* message);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_recv")]
    public static partial int MessageReceive(Message* message, IntPtr socket, int flags);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_data")]
    public static partial byte* MessageData(Message* message);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_size")]
    public static partial nuint MessageSize(Message* message);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_more")]
    public static partial int MessageMore(Message* message);

    [LibraryImport(LibraryName, EntryPoint = "zmq_msg_close")]
    public static partial int MessageClose(Message* message);

    [LibraryImport(LibraryName, EntryPoint = "zmq_poll")]
    public static partial int Poll(PollItem* items, int count, long timeoutMilliseconds);

    [LibraryImport(LibraryName, EntryPoint = "zmq_errno")]
    public static partial int Errno();

    [LibraryImport(LibraryName, EntryPoint = "zmq_strerror")]
    public static partial IntPtr StrError(int error);

    /// <summary>The current thread's libzmq error as text.</summary>
    public static string LastErrorText(out int error)
    {
        error = Errno();
        return Marshal.PtrToStringUTF8(StrError(error)) ?? $"error {error}";
    }
}
