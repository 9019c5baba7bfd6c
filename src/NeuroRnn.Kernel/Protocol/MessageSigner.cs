using System.Security.Cryptography;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 signatures over the four JSON frames of a message (header, parent_header, metadata, content), as
/// lowercase hex. An empty key disables signing: outgoing signatures are empty and incoming ones are not checked.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer for the connection file's key (UTF-8 bytes of the key string).</summary>
    public MessageSigner(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = System.Text.Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Whether messages are signed at all (the key is not empty).</summary>
    public bool IsEnabled => _key.Length > 0;

    /// <summary>The hex signature of the four frames (ASCII bytes), or an empty array when signing is disabled.</summary>
    public byte[] Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return [];
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        Span<byte> digest = stackalloc byte[32];
        hmac.GetHashAndReset(digest);
        return System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> (hex, as received) matches the frames. The comparison takes the same time
    /// wherever the first difference is, so a forger learns nothing from timing. Always true when signing is disabled.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return true;
        }

        var expected = Sign(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
