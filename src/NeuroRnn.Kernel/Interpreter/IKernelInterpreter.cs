namespace NeuroRnn.Kernel.Interpreter;

/// <summary>
/// What a language back-end must do, independent of any wire protocol (the xeus split: the Jupyter protocol
/// server drives an interpreter; the headless notebook runner drives the same interpreter in-process).
/// Implementations must never let a user error escape as an exception: compilation and run-time errors are
/// returned as <see cref="ExecutionOutcome.Error"/>.
/// </summary>
public interface IKernelInterpreter : IDisposable
{
    /// <summary>Language metadata for <c>kernel_info_reply</c>.</summary>
    KernelLanguageInfo LanguageInfo { get; }

    /// <summary>Banner text shown by front ends.</summary>
    string Banner { get; }

    /// <summary>
    /// Runs one cell. Output produced while it runs (streams, displays) goes to <paramref name="context"/> as it
    /// happens. <paramref name="cancellationToken"/> is cancelled by an interrupt request.
    /// </summary>
    Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionContext context, CancellationToken cancellationToken);

    /// <summary>Completion candidates at <paramref name="cursorPosition"/> (a UTF-16 offset into <paramref name="code"/>).</summary>
    CompletionResult Complete(string code, int cursorPosition);

    /// <summary>Type/signature/documentation of the symbol at the cursor, or null when there is none.</summary>
    MimeBundle? Inspect(string code, int cursorPosition, int detailLevel);

    /// <summary>Whether <paramref name="code"/> is a complete cell: "complete", "incomplete", "invalid" or "unknown".</summary>
    string IsComplete(string code);
}

/// <summary>Language metadata as the Jupyter <c>language_info</c> field carries it.</summary>
public sealed record KernelLanguageInfo(string Name, string Version, string MimeType, string FileExtension, string PygmentsLexer, string CodeMirrorMode);

/// <summary>
/// A set of representations of one value keyed by MIME type. Values for MIME types whose name ends in
/// "json" (e.g. <c>application/vnd.plotly.v1+json</c>) are JSON texts that the protocol embeds as JSON;
/// all others are strings (base64 for binary types such as <c>image/png</c>).
/// </summary>
public sealed record MimeBundle(IReadOnlyDictionary<string, string> Data, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>A bundle with only <c>text/plain</c>.</summary>
    public static MimeBundle PlainText(string text) => new(new Dictionary<string, string> { ["text/plain"] = text });
}

/// <summary>Where a running cell sends its output.</summary>
public interface IExecutionContext
{
    /// <summary>The cell's execution count.</summary>
    int ExecutionCount { get; }

    /// <summary>Whether the front end can answer input requests.</summary>
    bool AllowStdin { get; }

    /// <summary>Appends text to the "stdout" or "stderr" stream.</summary>
    void WriteStream(string name, string text);

    /// <summary>
    /// Shows a value (display_data), or replaces an earlier display with the same <paramref name="displayId"/>
    /// when <paramref name="isUpdate"/> is true (update_display_data).
    /// </summary>
    void PublishDisplay(MimeBundle bundle, string? displayId, bool isUpdate);

    /// <summary>
    /// Clears the cell's output so far (clear_output); with <paramref name="wait"/> the front end clears only when
    /// the next output arrives, which avoids flicker in animations.
    /// </summary>
    void ClearOutput(bool wait);

    /// <summary>Asks the front end for a line of input (input_request); throws if stdin is not allowed.</summary>
    Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken);
}

/// <summary>The result of running one cell.</summary>
public abstract record ExecutionOutcome
{
    private ExecutionOutcome() { }

    /// <summary>The cell ran; <paramref name="Result"/> is the formatted value of its last expression, if any.</summary>
    public sealed record Success(MimeBundle? Result) : ExecutionOutcome;

    /// <summary>The cell failed to compile or threw.</summary>
    public sealed record Error(string Name, string Value, IReadOnlyList<string> Traceback) : ExecutionOutcome;

    /// <summary>The cell was interrupted.</summary>
    public sealed record Aborted() : ExecutionOutcome;
}

/// <summary>Completion candidates replacing code[CursorStart..CursorEnd); <c>Kinds</c> optionally names what each match is ("method", "class", ...).</summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd, IReadOnlyList<string>? Kinds = null);
