namespace NeuroRnn.Interactive.Magics;

/// <summary>One run of a toolkit magic: its typed option values and what the host lets it do (variables, display).</summary>
public sealed class MagicCall
{
    private readonly IReadOnlyDictionary<string, object> _values;
    private readonly Func<string, object?> _getVariable;
    private readonly Action<string, object?> _setVariable;
    private readonly Func<object, Action<object>> _display;

    internal MagicCall(MagicDefinition command, string line, IReadOnlyDictionary<string, object> values, Func<string, object?> getVariable,
        Action<string, object?> setVariable, Func<object, Action<object>> display, CancellationToken cancellationToken)
    {
        Command = command;
        Line = line;
        _values = values;
        _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
        _setVariable = setVariable ?? throw new ArgumentNullException(nameof(setVariable));
        _display = display ?? throw new ArgumentNullException(nameof(display));
        CancellationToken = cancellationToken;
    }

    /// <summary>The command being run.</summary>
    public MagicDefinition Command { get; }

    /// <summary>The magic line as written.</summary>
    public string Line { get; }

    /// <summary>Cancelled when the cell is interrupted.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether option <paramref name="name"/> was given or has a default.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value of option <paramref name="name"/> (its default when not given), or default(T) when absent.</summary>
    public T? Get<T>(string name) => _values.TryGetValue(name, out var value) ? (T)value : default;

    /// <summary>The value of a required (or defaulted) option.</summary>
    public T Require<T>(string name) => _values.TryGetValue(name, out var value) ? (T)value
        : throw new MagicUsageException($"{Command.Name}: option {name} is required ({Command.Options.FirstOrDefault(o => o.Name == name)?.Help}).");

    /// <summary>The variable named by option <paramref name="option"/>, which must hold one of <paramref name="accepted"/>.</summary>
    /// <exception cref="MagicUsageException">The variable is undefined or of another type; <paramref name="hint"/> says how to make one.</exception>
    public object Variable(string option, string hint, params Type[] accepted)
    {
        var name = Require<string>(option);
        var value = _getVariable(name)
            ?? throw new MagicUsageException($"{Command.Name}: no variable '{name}' is defined ({option}); {hint}.");
        if (accepted.Length > 0 && !accepted.Any(t => t.IsInstanceOfType(value)))
            throw new MagicUsageException($"{Command.Name}: '{name}' ({option}) is a {value.GetType().Name}, not a {string.Join(" or ", accepted.Select(t => t.Name))}; {hint}.");
        return value;
    }

    /// <summary>Defines variable <paramref name="name"/> in the cell's language.</summary>
    public void SetVariable(string name, object? value) => _setVariable(name, value);

    /// <summary>Shows <paramref name="value"/>; the returned function replaces that display with another value.</summary>
    public Action<object> Display(object value) => _display(value ?? throw new ArgumentNullException(nameof(value)));
}
