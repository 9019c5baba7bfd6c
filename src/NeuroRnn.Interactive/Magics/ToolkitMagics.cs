namespace NeuroRnn.Interactive.Magics;

/// <summary>Marks the type whose public static <c>MagicDefinitions()</c> a notebook host calls to get the toolkit's magic commands.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class NeuroRnnMagicsAttribute : Attribute
{
}

/// <summary>
/// The toolkit's magic commands. Hosts discover them by convention: a type carrying an attribute whose simple name is
/// <c>NeuroRnnMagicsAttribute</c> with a public static parameterless <c>MagicDefinitions()</c> returning the
/// <see cref="MagicDefinition"/>s. The NeuroRnn kernel adapts them into its magic registry when this assembly is
/// loaded; the .NET Interactive extension (NeuroRnn.Interactive.Extension) registers them through that host's
/// directive API.
/// </summary>
[NeuroRnnMagics]
public static class ToolkitMagics
{
    /// <summary>Every toolkit magic command.</summary>
    public static IReadOnlyList<MagicDefinition> MagicDefinitions() =>
    [
        LoadRecordingMagic.Definition,
        DescribeMagic.Definition,
        TrainMagic.Definition,
        FitMagic.Definition,
        PlotMagic.Definition,
        BackendMagic.Definition,
    ];

    /// <summary>The value of option <paramref name="option"/>, checked to be a C# and F# variable name.</summary>
    internal static string VariableName(MagicCall call, string option)
    {
        var name = call.Require<string>(option);
        bool valid = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        return valid ? name : throw new MagicUsageException($"{call.Command.Name}: option {option} must be a variable name (letters, digits, _), not '{name}'.");
    }
}
