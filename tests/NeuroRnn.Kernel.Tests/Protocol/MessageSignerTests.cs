using System.Text;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class MessageSignerTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"a\":1}");
    private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{}");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("{\"code\":\"x\"}");

    [Fact]
    public void Sign_MatchesPythonHmacSha256()
    {
        // Reference: hmac.new(b'secret', header + parent + metadata + content, hashlib.sha256).hexdigest()
        var signature = new MessageSigner("secret").Sign(Header, Empty, Empty, Content);
        Assert.Equal("a429a57c76bba89b4949b7629a9be2c46105a15cef7dc5002a0a4d085cb144c4", Encoding.ASCII.GetString(signature));
    }

    [Fact]
    public void Verify_RejectsTamperedContentAndWrongKey()
    {
        var signer = new MessageSigner("secret");
        var signature = signer.Sign(Header, Empty, Empty, Content);
        Assert.True(signer.Verify(signature, Header, Empty, Empty, Content));
        Assert.False(signer.Verify(signature, Header, Empty, Empty, Encoding.UTF8.GetBytes("{\"code\":\"y\"}")));
        Assert.False(new MessageSigner("other").Verify(signature, Header, Empty, Empty, Content));
        Assert.False(signer.Verify([], Header, Empty, Empty, Content));
    }

    [Fact]
    public void EmptyKey_DisablesSigning()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.IsEnabled);
        Assert.Empty(signer.Sign(Header, Empty, Empty, Content));
        Assert.True(signer.Verify("whatever"u8, Header, Empty, Empty, Content));
    }
}
