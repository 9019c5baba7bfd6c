using System.Globalization;

namespace NeuroRnn.Sweeps;

/// <summary>A parameter a job kind accepts: its name in the spec, its type, its default and what it means.</summary>
/// <param name="Name">Name as written in the spec (snake_case, e.g. <c>tau_ms</c>).</param>
/// <param name="Type">Value type, checked when the spec is expanded.</param>
/// <param name="Default">Value when the spec does not set it; null = the job's own default (e.g. a preset), or required
/// when <see cref="Required"/>.</param>
/// <param name="Description">One line for help and docs.</param>
public sealed record SweepParameter(string Name, SweepParameterType Type, SweepValue? Default, string Description)
{
    /// <summary>Whether every run must give a value (e.g. the recording of a fit).</summary>
    public bool Required { get; init; }

    /// <summary>Checks that <paramref name="value"/> has this parameter's type; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="SweepSpecException">Wrong type.</exception>
    public void Check(SweepValue value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool ok = Type switch
        {
            SweepParameterType.Integer => value.Kind == SweepValueKind.Number && double.Parse(value.Text, CultureInfo.InvariantCulture) is var d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue,
            SweepParameterType.Number => value.Kind == SweepValueKind.Number,
            SweepParameterType.Boolean => value.Kind == SweepValueKind.Boolean,
            _ => value.Kind == SweepValueKind.Text && value.Text.Length > 0,
        };
        if (!ok) throw new SweepSpecException(field, $"= {(value.Kind == SweepValueKind.Text ? $"\"{value.Text}\"" : value.Text)} is not {Article()} ({Description})");
    }

    private string Article() => Type switch
    {
        SweepParameterType.Integer => "an integer",
        SweepParameterType.Number => "a number",
        SweepParameterType.Boolean => "true or false",
        SweepParameterType.Path => "a non-empty path",
        _ => "a non-empty string",
    };
}
