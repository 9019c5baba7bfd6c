namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// A package source passed to a <c>#r "nuget:"</c> restore, with where it came from. The origin decides whether a
/// plain-HTTP feed may be used: one the user named with <c>#i</c> in the notebook is an explicit choice and is allowed;
/// one from a <c>nuget.config</c> is allowed only when that file sets <c>allowInsecureConnections="true"</c> on it, as
/// NuGet itself decides.
/// </summary>
/// <param name="Location">The feed URL or the local folder.</param>
/// <param name="Origin">Where it came from, for messages: the <c>#i</c> line, or the path of the configuration file.</param>
/// <param name="AllowInsecureConnections">Whether a plain-HTTP <paramref name="Location"/> may be used.</param>
internal sealed record NuGetSource(string Location, string Origin, bool AllowInsecureConnections)
{
    /// <summary>A source added with <c>#i "nuget: …"</c>: the user named it in the notebook, so plain HTTP is allowed.</summary>
    public static NuGetSource FromDirective(string location) => new(location, $"#i \"nuget: {location}\"", AllowInsecureConnections: true);

    /// <summary>Whether <see cref="Location"/> is a feed reached over plain (unencrypted) HTTP.</summary>
    public bool IsPlainHttp => Uri.TryCreate(Location, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp;

    /// <summary>A plain-HTTP feed whose origin does not allow it: NuGet refuses every restore that lists it (NU1302).</summary>
    public bool IsRefusedInsecure => IsPlainHttp && !AllowInsecureConnections;
}
