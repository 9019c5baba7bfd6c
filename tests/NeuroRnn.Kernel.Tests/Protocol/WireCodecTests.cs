using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class WireCodecTests
{
    private static JupyterMessage Sample() => new(
        [Encoding.ASCII.GetBytes("client-1")],
        new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request", ["session"] = "s", ["username"] = "u", ["date"] = "2026-01-01T00:00:00.000000Z", ["version"] = "5.3" },
        new JsonObject(),
        new JsonObject(),
        new JsonObject { ["code"] = "print:héllo <b>" },
        [new byte[] { 1, 2, 3 }]);

    [Fact]
    public void EncodeDecode_RoundTripsIdentitiesJsonAndBuffers()
    {
        var codec = new WireCodec(new MessageSigner("k"));
        var frames = codec.Encode(Sample());
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.Equal(64, frames[2].Length);

        var decoded = new WireCodec(new MessageSigner("k")).Decode(frames, out var rejection);
        Assert.NotNull(decoded);
        Assert.Equal(string.Empty, rejection);
        Assert.Equal("client-1", Encoding.ASCII.GetString(Assert.Single(decoded.Identities)));
        Assert.Equal("execute_request", decoded.MessageType);
        Assert.Equal("print:héllo <b>", decoded.ContentString("code"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(decoded.Buffers));
    }

    [Fact]
    public void Decode_RejectsBadSignatureMissingSignatureAndReplay()
    {
        var frames = new WireCodec(new MessageSigner("k")).Encode(Sample());
        var receiver = new WireCodec(new MessageSigner("k"));

        var tampered = frames.ToList();
        tampered[^2] = Encoding.UTF8.GetBytes("{\"code\":\"evil\"}");
        Assert.Null(receiver.Decode(tampered, out var why));
        Assert.Equal("invalid signature", why);

        var unsigned = frames.ToList();
        unsigned[2] = [];
        Assert.Null(receiver.Decode(unsigned, out why));
        Assert.Equal("missing signature", why);

        Assert.NotNull(receiver.Decode(frames, out _));
        Assert.Null(receiver.Decode(frames, out why));
        Assert.Contains("replayed", why);
    }

    [Fact]
    public void Decode_RejectsMalformedFrames()
    {
        var codec = new WireCodec(new MessageSigner(""));
        Assert.Null(codec.Decode([Encoding.ASCII.GetBytes("x")], out var why));
        Assert.Contains("delimiter", why);

        Assert.Null(codec.Decode([WireCodec.Delimiter, [], "{}"u8.ToArray()], out why));
        Assert.Contains("frame", why);

        Assert.Null(codec.Decode([WireCodec.Delimiter, [], "[1]"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()], out why));
        Assert.Contains("header is not a JSON object", why);

        Assert.Null(codec.Decode([WireCodec.Delimiter, [], "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{".ToCharArray().Select(c => (byte)c).ToArray()], out why));
        Assert.Contains("content is not valid JSON", why);

        Assert.Null(codec.Decode([WireCodec.Delimiter, [], "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()], out why));
        Assert.Contains("msg_type", why);
    }
}
