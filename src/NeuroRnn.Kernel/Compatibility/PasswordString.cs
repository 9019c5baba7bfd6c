namespace Microsoft.DotNet.Interactive;

/// <summary>A password typed by the notebook user: shown as asterisks, the text is read with <see cref="GetClearTextPassword"/>.</summary>
public sealed class PasswordString
{
    private readonly string _password;

    /// <summary>Wraps <paramref name="password"/>.</summary>
    public PasswordString(string password)
    {
        _password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The password as typed.</summary>
    public string GetClearTextPassword() => _password;

    /// <summary>Never the password itself.</summary>
    public override string ToString() => "************";
}
