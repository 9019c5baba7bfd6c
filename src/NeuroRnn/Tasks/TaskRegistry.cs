namespace NeuroRnn.Tasks;

/// <summary>Finds tasks by their command-line name.</summary>
public static class TaskRegistry
{
    private static readonly Dictionary<string, (string Description, Func<int?, ITask> Create)> Tasks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["addition"] = ("Martens & Sutskever addition problem; length = T (default 100)", n => new AdditionTask(n ?? 100)),
        ["multiplication"] = ("multiplication problem; length = T (default 100)", n => new MultiplicationTask(n ?? 100)),
        ["xor"] = ("XOR problem; length = T (default 100)", n => new XorTask(n ?? 100)),
        ["temporal-order"] = ("2-bit temporal order problem; length = T (default 100)", n => new TemporalOrderTask(n ?? 100)),
        ["mante"] = ("context-dependent integration (Mante et al. 2013); length = stimulus duration in ms (default 750, 5 ms steps)",
            n => new ContextIntegrationTask(n is null ? null : new DecisionTaskOptions { StimulusMs = n.Value })),
        ["perceptual-decision"] = ("single noisy evidence stream, report its sign; length = stimulus duration in ms (default 750, 5 ms steps)",
            n => new PerceptualDecisionTask(n is null ? null : new DecisionTaskOptions { StimulusMs = n.Value })),
        ["checkerboard"] = ("checkerboard colour decision with randomised target colours (Chandrasekaran et al. 2017, Kleinman et al. 2021); length = checkerboard duration in ms (default 700, 20 ms steps)",
            n => new CheckerboardTask(n is null ? null : new CheckerboardTaskOptions { CheckerboardMs = n.Value })),
        ["delayed-response"] = ("cue, delay, respond; length = longest delay (default 30)",
            n => new DelayedResponseTask(n is null ? null : new DelayedResponseOptions { MaxDelaySteps = n.Value, MinDelaySteps = Math.Min(10, n.Value) })),
    };

    /// <summary>Registered task names.</summary>
    public static IReadOnlyList<string> Names => [.. Tasks.Keys];

    /// <summary>One-line description of task <paramref name="name"/>, including what its length parameter means.</summary>
    public static string Describe(string name) => Lookup(name).Description;

    /// <summary>
    /// Creates task <paramref name="name"/>; <paramref name="length"/> is the task's main length parameter
    /// (see <see cref="Describe"/>), or null for the default.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones) or an invalid length.</exception>
    public static ITask Create(string name, int? length = null)
    {
        var entry = Lookup(name);
        try
        {
            return entry.Create(length);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Task \"{name}\" cannot use length {length}: {e.Message}", nameof(length), e);
        }
    }

    /// <summary>
    /// The length parameter <see cref="Create"/> would rebuild <paramref name="task"/> with (see <see cref="Describe"/>),
    /// or null for a task without one.
    /// </summary>
    public static int? LengthOf(ITask task) => task switch
    {
        PathologicalTask p => p.Length,
        ContextIntegrationTask c => (int)Math.Round(c.Options.StimulusMs),
        PerceptualDecisionTask d => (int)Math.Round(d.Options.StimulusMs),
        CheckerboardTask k => (int)Math.Round(k.Options.CheckerboardMs),
        DelayedResponseTask r => r.Options.MaxDelaySteps,
        _ => null,
    };

    private static (string Description, Func<int?, ITask> Create) Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Tasks.TryGetValue(name, out var entry) ? entry
            : throw new ArgumentException($"Unknown task \"{name}\"; known tasks: {string.Join(", ", Tasks.Keys)}.", nameof(name));
    }
}
