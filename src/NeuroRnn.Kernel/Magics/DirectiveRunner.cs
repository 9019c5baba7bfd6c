using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Runs the directive lines of a cell segment in order: <c>#r</c>/<c>#i</c> through <see cref="ReferenceDirectives"/>,
/// every <c>#!name</c> line through the registered <see cref="MagicCommand"/> (arguments bound to its declared
/// options). A wrong line fails the cell with a <see cref="MagicCommandException"/> naming the directive.
/// </summary>
internal sealed class DirectiveRunner
{
    private readonly ReferenceDirectives _references;

    public DirectiveRunner(ReferenceDirectives references)
    {
        _references = references;
    }

    public async Task RunAsync(PolyglotInterpreter interpreter, CellSegment segment, CellScope scope, List<Action<ExecutionOutcome>> completionActions)
    {
        foreach (var line in segment.Directives)
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            if (CellParser.IsReferenceDirective(line))
            {
                await _references.RunAsync(line, scope);
                continue;
            }
            var tokens = MagicTokenizer.Tokenize(line);
            var command = MagicCommands.Find(tokens[0])
                ?? throw new MagicCommandException(
                    $"Unknown magic command {tokens[0]}. Run #!lsmagic to list the magic commands ({string.Join(", ", MagicCommands.All.Select(c => c.Name))}).");
            var (arguments, options) = BindArguments(command, tokens);
            var invocation = new MagicInvocation(command, line, arguments, options, segment.Language, interpreter, scope.CancellationToken, completionActions);
            await command.Handler(invocation, scope.Context);
        }
    }

    private static (IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options) BindArguments(MagicCommand command, IReadOnlyList<string> tokens)
    {
        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                arguments.Add(token);
                continue;
            }
            var declared = command.Parameters.FirstOrDefault(p => p.Name == token);
            if (declared is null && command.Parameters.Count > 0)
            {
                throw new MagicCommandException($"{command.Name} has no option {token}. Options: {string.Join(", ", command.Parameters.Select(p => p.Name))}.");
            }
            var isFlag = declared?.IsFlag ?? (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal));
            if (isFlag)
            {
                options[token] = "true";
                continue;
            }
            if (i + 1 >= tokens.Count) throw new MagicCommandException($"{command.Name}: option {token} needs a value.");
            options[token] = tokens[++i];
        }
        foreach (var required in command.Parameters.Where(p => p.IsRequired && !options.ContainsKey(p.Name)))
        {
            throw new MagicCommandException($"{command.Name}: option {required.Name} is required ({required.Description}).");
        }
        return (arguments, options);
    }
}
