using System.Text.Json;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Moves values between the session's kernels for <c>#!share</c> and <c>#!set</c>: reads a variable of C#, F# or the
/// value kernel (<c>#!value</c> cells) and defines it in C# or F#. Between C# and F# (one process) a value is shared
/// by reference; <c>#!set</c> copies it through JSON unless <c>--byref</c> is given, as .NET Interactive did, and
/// <c>--mime-type</c> shares the value's formatted text instead.
/// </summary>
internal sealed class ValueSharing
{
    private readonly LanguageSessions _sessions;

    public ValueSharing(LanguageSessions sessions)
    {
        _sessions = sessions;
    }

    /// <summary>The values stored by <c>#!value</c> cells.</summary>
    public ValueStore Values { get; } = new();

    /// <summary>The value of <paramref name="name"/> in kernel <paramref name="language"/> (csharp, fsharp or value).</summary>
    /// <exception cref="MagicCommandException">The kernel is unknown or has no such variable; the message starts with <paramref name="directive"/>.</exception>
    public (object? Value, Type Type) Get(string directive, string language, string name)
    {
        var kernel = CellLanguages.Find(language);
        if (kernel == CellLanguages.Value)
        {
            return Values.TryGet(name, out var stored) ? (stored.Text, typeof(string))
                : throw new MagicCommandException($"{directive}: the value kernel has no value named '{name}' (store one with #!value --name {name}).");
        }
        if (kernel is null || !CellLanguages.IsCode(kernel)) throw new MagicCommandException($"{directive}: '{language}' is not a kernel that holds variables (csharp, fsharp, value).");
        var variable = _sessions.TryGetVariable(kernel, name)
            ?? throw new MagicCommandException($"{directive}: {kernel} has no variable named '{name}'.");
        return (variable.Value, variable.Type);
    }

    /// <summary>Defines <paramref name="name"/> in kernel <paramref name="language"/> (csharp or fsharp).</summary>
    /// <exception cref="MagicCommandException">The name is not an identifier, the kernel has no variables, or the definition failed.</exception>
    public void Define(string directive, string language, string name, object? value, Type type)
    {
        if (!CellLanguages.IsCode(language)) throw new MagicCommandException($"{directive}: a {CellLanguages.DisplayName(language)} cell has no variables; use it in a C# or F# cell.");
        if (!TypeSyntax.IsIdentifier(name)) throw new MagicCommandException($"{directive}: '{name}' is not a valid variable name.");
        var result = _sessions.Define(language, name, value, type);
        if (result.Error is not null) throw new MagicCommandException($"{directive}: could not define '{name}' in {language}: {string.Join(Environment.NewLine, result.Error.Traceback)}");
    }

    /// <summary>The text of <paramref name="value"/> formatted as <paramref name="mimeType"/>.</summary>
    public static string Formatted(string directive, object? value, string mimeType)
    {
        try
        {
            return DisplayFormatter.Format(value, [mimeType]).Data[mimeType];
        }
        catch (ArgumentException e)
        {
            throw new MagicCommandException($"{directive}: {e.Message}", e);
        }
    }

    /// <summary>A copy of <paramref name="value"/> made through JSON (immutable values are returned as they are).</summary>
    public static object? CopyByValue(string directive, object? value)
    {
        if (value is null or string || value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid || value.GetType().IsEnum) return value;
        var type = value.GetType();
        try
        {
            var json = JsonSerializer.Serialize(value, type);
            return JsonSerializer.Deserialize(json, type);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new MagicCommandException($"{directive}: a {PlainTextFormatter.TypeName(type)} cannot be copied through JSON ({e.Message}); add --byref to share the object itself.", e);
        }
    }
}

/// <summary>Text values stored by <c>#!value</c> cells, by name, with the MIME type they were given.</summary>
internal sealed class ValueStore
{
    private readonly Dictionary<string, (string Text, string? MimeType)> _values = new(StringComparer.Ordinal);

    public void Set(string name, string text, string? mimeType)
    {
        lock (_values) _values[name] = (text, mimeType);
    }

    public bool TryGet(string name, out (string Text, string? MimeType) value)
    {
        lock (_values) return _values.TryGetValue(name, out value);
    }
}
