using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// An <see cref="IExecutionContext"/> that records a notebook run as nbformat outputs: consecutive stream text of
/// one stream is merged, and <c>update_display_data</c> replaces the earlier output with the same display id,
/// also in an earlier cell of the run. It answers no input requests.
/// </summary>
public sealed class CellOutputCollector : IExecutionContext
{
    private readonly object _gate = new();
    private readonly List<List<CellOutput>> _cells = [];
    private readonly Dictionary<string, (int Cell, int Index)> _displays = new(StringComparer.Ordinal);
    private bool _clearBeforeNextOutput;

    /// <inheritdoc />
    public int ExecutionCount { get; private set; }

    /// <inheritdoc />
    public bool AllowStdin => false;

    /// <summary>Starts collecting the outputs of the next cell, run with <paramref name="executionCount"/>.</summary>
    public void BeginCell(int executionCount)
    {
        lock (_gate)
        {
            ExecutionCount = executionCount;
            _cells.Add([]);
        }
    }

    /// <summary>The outputs of the cell started <paramref name="cellNumber"/>-th (0-based), with later display updates applied.</summary>
    public IReadOnlyList<CellOutput> OutputsOf(int cellNumber)
    {
        lock (_gate) return _cells[cellNumber].ToArray();
    }

    /// <summary>Adds an output to the current cell (execute results and errors).</summary>
    public void Add(CellOutput output)
    {
        lock (_gate) CurrentForNewOutput.Add(output);
    }

    /// <inheritdoc />
    public void WriteStream(string name, string text)
    {
        lock (_gate)
        {
            var outputs = CurrentForNewOutput;
            if (outputs.Count > 0 && outputs[^1] is CellOutput.Stream last && last.Name == name)
            {
                outputs[^1] = last with { Text = last.Text + text };
                return;
            }
            outputs.Add(new CellOutput.Stream(name, text));
        }
    }

    /// <inheritdoc />
    public void PublishDisplay(MimeBundle bundle, string? displayId, bool isUpdate)
    {
        lock (_gate)
        {
            if (isUpdate)
            {
                // An update for an id that was never shown is dropped, as Jupyter front ends do.
                if (displayId is not null && _displays.TryGetValue(displayId, out var place))
                {
                    _cells[place.Cell][place.Index] = new CellOutput.DisplayData(bundle, displayId);
                }
                return;
            }
            var outputs = CurrentForNewOutput;
            outputs.Add(new CellOutput.DisplayData(bundle, displayId));
            if (displayId is not null) _displays[displayId] = (_cells.Count - 1, outputs.Count - 1);
        }
    }

    /// <inheritdoc />
    public void ClearOutput(bool wait)
    {
        lock (_gate)
        {
            if (wait) _clearBeforeNextOutput = true;
            else ClearCurrent();
        }
    }

    private void ClearCurrent()
    {
        _clearBeforeNextOutput = false;
        var cell = _cells.Count - 1;
        Current.Clear();
        foreach (var id in _displays.Where(d => d.Value.Cell == cell).Select(d => d.Key).ToArray()) _displays.Remove(id);
    }

    /// <inheritdoc />
    public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"A notebook run cannot answer input requests (prompt: \"{prompt}\"). Pass values with --param instead.");

    private List<CellOutput> Current => _cells.Count > 0 ? _cells[^1] : throw new InvalidOperationException("BeginCell must be called before a cell writes output.");

    /// <summary>The current cell's outputs, cleared first when a clear_output with wait is pending.</summary>
    private List<CellOutput> CurrentForNewOutput
    {
        get
        {
            if (_clearBeforeNextOutput) ClearCurrent();
            return Current;
        }
    }
}
