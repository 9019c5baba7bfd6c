using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// <c>#!share</c> and <c>#!set</c>: define a variable of the cell's language from another kernel's variable
/// (<c>csharp</c>, <c>fsharp</c>, or <c>value</c> for text stored by <c>#!value</c>), from literal text, or from the
/// user's input.
/// </summary>
internal static class ValueMagics
{
    public static IEnumerable<MagicCommand> Create() =>
    [
        new MagicCommand("#!share", "Copies a variable from another kernel: #!share --from fsharp name [--as newName] [--mime-type type].",
            [
                new MagicParameter("--from", "the kernel that has the variable (csharp, fsharp or value)", IsRequired: true),
                new MagicParameter("--as", "the name in this cell's language"),
                new MagicParameter("--mime-type", "share the value's text formatted as this MIME type instead of the value"),
            ],
            Share),
        new MagicCommand("#!set", "Sets a variable of this cell's language: #!set --name x --value @csharp:y | @fsharp:y | @value:y | @input:prompt | @password:prompt | text [--byref] [--mime-type type].",
            [
                new MagicParameter("--name", "the variable to set", IsRequired: true),
                new MagicParameter("--value", "@kernel:name, @input:prompt, @password:prompt or literal text", IsRequired: true),
                new MagicParameter("--byref", "share the object itself instead of a copy made through JSON", IsFlag: true),
                new MagicParameter("--mime-type", "set the value's text formatted as this MIME type"),
            ],
            SetAsync),
    ];

    private static Task Share(MagicInvocation invocation, IExecutionContext context)
    {
        const string Directive = "#!share";
        if (invocation.Arguments.Count != 1) throw new MagicCommandException("#!share needs exactly one variable name: #!share --from fsharp name [--as newName].");
        var name = invocation.Arguments[0];
        var from = invocation.Option("--from")!;
        if (CellLanguages.Find(from) == invocation.CellLanguage) throw new MagicCommandException($"{Directive}: '{name}' is already in {invocation.CellLanguage}.");
        var sharing = invocation.Interpreter.Sharing;
        var (value, type) = sharing.Get(Directive, from, name);
        if (invocation.Option("--mime-type") is { } mime) (value, type) = (ValueSharing.Formatted(Directive, value, mime), typeof(string));
        sharing.Define(Directive, invocation.CellLanguage, invocation.Option("--as") ?? name, value, type);
        return Task.CompletedTask;
    }

    private static async Task SetAsync(MagicInvocation invocation, IExecutionContext context)
    {
        const string Directive = "#!set";
        if (invocation.Arguments.Count > 0) throw new MagicCommandException($"{Directive}: unexpected '{invocation.Arguments[0]}'; quote a --value that contains spaces.");
        var name = invocation.Option("--name")!;
        var source = invocation.Option("--value")!;
        var sharing = invocation.Interpreter.Sharing;
        object? value;
        Type type;
        if (source.StartsWith('@') && source.IndexOf(':') is > 1 and var colon)
        {
            var kernel = source[1..colon];
            var argument = source[(colon + 1)..];
            switch (kernel.ToLowerInvariant())
            {
                case "input":
                    (value, type) = (await context.RequestInputAsync(argument, password: false, invocation.CancellationToken), typeof(string));
                    break;
                case "password":
                    (value, type) = (new Microsoft.DotNet.Interactive.PasswordString(await context.RequestInputAsync(argument, password: true, invocation.CancellationToken)), typeof(Microsoft.DotNet.Interactive.PasswordString));
                    break;
                default:
                    (value, type) = sharing.Get($"{Directive} --value {source}", kernel, argument);
                    if (invocation.Option("--mime-type") is null && !invocation.HasFlag("--byref")) value = ValueSharing.CopyByValue($"{Directive} --value {source}", value);
                    break;
            }
        }
        else
        {
            (value, type) = (source, typeof(string));
        }
        if (invocation.Option("--mime-type") is { } mime) (value, type) = (ValueSharing.Formatted(Directive, value, mime), typeof(string));
        sharing.Define(Directive, invocation.CellLanguage, name, value, type);
    }
}
