using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroRnn.Sweeps;

/// <summary>What a <see cref="SweepValue"/> holds as written in the spec.</summary>
public enum SweepValueKind
{
    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON true/false.</summary>
    Boolean,
}

/// <summary>
/// One parameter value of a sweep, kept in a canonical text form (numbers in round-trip invariant notation) so that the
/// same setting always gives the same run id, whichever way the spec spelled it (<c>1e2</c> and <c>100</c> are one value).
/// </summary>
/// <param name="Text">The canonical text: "100", "0.001", "true", "tanh".</param>
/// <param name="Kind">Whether it was a number, a string or a Boolean.</param>
public sealed record SweepValue(string Text, SweepValueKind Kind)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A number (integers print without a decimal point).</summary>
    public static SweepValue Number(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"A sweep value must be finite, got {value}.", nameof(value));
        return new SweepValue(value == Math.Floor(value) && Math.Abs(value) < 1e15 ? ((long)value).ToString(Inv) : value.ToString("R", Inv), SweepValueKind.Number);
    }

    /// <summary>A string.</summary>
    public static SweepValue String(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), SweepValueKind.Text);

    /// <summary>A Boolean.</summary>
    public static SweepValue Boolean(bool value) => new(value ? "true" : "false", SweepValueKind.Boolean);

    /// <summary>The value of a JSON scalar; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="SweepSpecException">The element is not a number, string or Boolean.</exception>
    public static SweepValue FromJson(JsonElement element, string field) => element.ValueKind switch
    {
        JsonValueKind.Number => Number(element.GetDouble()),
        JsonValueKind.String => String(element.GetString()!),
        JsonValueKind.True => Boolean(true),
        JsonValueKind.False => Boolean(false),
        _ => throw new SweepSpecException(field, $"must be a number, a string or true/false, not {element.ValueKind.ToString().ToLowerInvariant()}"),
    };

    /// <summary>The value as a JSON node (numbers stay numbers).</summary>
    public JsonNode ToJson() => Kind switch
    {
        SweepValueKind.Number => JsonValue.Create(double.Parse(Text, Inv)),
        SweepValueKind.Boolean => JsonValue.Create(Text == "true"),
        _ => JsonValue.Create(Text),
    };

    /// <summary>The value as a double, if it is a number.</summary>
    public double? AsDouble() => Kind == SweepValueKind.Number ? double.Parse(Text, Inv) : null;

    /// <inheritdoc/>
    public override string ToString() => Text;
}
