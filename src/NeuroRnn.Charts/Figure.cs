using System.Buffers;
using System.Text;
using NeuroRnn.Charts.Formatting;
using NeuroRnn.Charts.Html;
using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// A plotly.js figure: traces, layout and config. Immutable: every <c>With…</c>/<c>Add…</c> method returns a new
/// figure. Serialises to plotly.js JSON (<see cref="ToJson"/>), to an HTML fragment for a notebook cell
/// (<see cref="ToHtml"/>), to a standalone page (<see cref="SaveHtml"/>) and to a Jupyter MIME bundle
/// (<see cref="ToMimeBundle"/>). Displays itself in the NeuroRnn kernel and in .NET Interactive through the
/// formatter-source convention (see <see cref="FigureFormatterSource"/>).
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed record Figure
{
    private readonly IReadOnlyList<Trace> data = [];
    private readonly Layout layout = new();
    private readonly PlotConfig config = new();

    /// <summary>The traces, drawn in order.</summary>
    /// <exception cref="ArgumentException">A trace's arrays do not fit together (names the trace and the lengths).</exception>
    public IReadOnlyList<Trace> Data
    {
        get => data;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = value.ToArray();
            for (int i = 0; i < copy.Length; i++)
            {
                if (copy[i] is null) throw new ArgumentException($"trace {i} is null", nameof(Data));
                copy[i].Validate();
            }
            data = copy;
        }
    }

    /// <summary>The layout.</summary>
    public Layout Layout { get => layout; init => layout = value ?? throw new ArgumentNullException(nameof(Layout)); }

    /// <summary>The plotly.js config (responsive, no logo by default).</summary>
    public PlotConfig Config { get => config; init => config = value ?? throw new ArgumentNullException(nameof(Config)); }

    /// <summary>A figure of the given traces.</summary>
    public static Figure Of(params Trace[] traces) => new() { Data = traces };

    /// <summary>Returns a copy with one more trace.</summary>
    public Figure AddTrace(Trace trace) => this with { Data = [.. data, trace ?? throw new ArgumentNullException(nameof(trace))] };

    /// <summary>Returns a copy with more traces.</summary>
    public Figure AddTraces(IEnumerable<Trace> traces) => this with { Data = [.. data, .. traces ?? throw new ArgumentNullException(nameof(traces))] };

    /// <summary>Returns a copy with another layout.</summary>
    public Figure WithLayout(Layout layout) => this with { Layout = layout };

    /// <summary>Returns a copy with the layout changed by <paramref name="change"/>.</summary>
    public Figure WithLayout(Func<Layout, Layout> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Layout = change(layout) };
    }

    /// <summary>Returns a copy with another title.</summary>
    public Figure WithTitle(string title) => this with { Layout = layout with { Title = title } };

    /// <summary>Returns a copy with another config.</summary>
    public Figure WithConfig(PlotConfig config) => this with { Config = config };

    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToJson(JsonOptions? options = null)
    {
        options ??= JsonOptions.Default;
        using var buffer = new PooledByteBufferWriter(EstimateJsonBytes(options.BinaryArrayThreshold < int.MaxValue));
        WriteJson(buffer, options);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the plotly.js JSON as UTF-8 to <paramref name="output"/>.</summary>
    public void WriteJson(IBufferWriter<byte> output, JsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new PlotlyJsonWriter(output, options ?? JsonOptions.Default);
        writer.Json.WriteStartObject();
        writer.Json.WritePropertyName("data");
        writer.Json.WriteStartArray();
        foreach (var trace in data) ((IPlotlyWritable)trace).WriteTo(writer);
        writer.Json.WriteEndArray();
        writer.Object("layout", layout);
        writer.Object("config", config);
        writer.Json.WriteEndObject();
        writer.Json.Flush();
    }

    /// <summary>
    /// A self-contained HTML fragment (a <c>&lt;div&gt;</c> with a unique id and a <c>&lt;script&gt;</c> that calls
    /// <c>Plotly.newPlot</c>) for a notebook cell or any page. By default plotly.js is embedded behind a
    /// <c>window.Plotly</c> guard, so it renders offline and is defined once per page; see <see cref="HtmlOptions"/>.
    /// </summary>
    public string ToHtml(HtmlOptions? options = null) => FigureHtml.Fragment(this, options ?? new HtmlOptions());

    /// <summary>Writes a standalone HTML page with this figure; plotly.js is embedded (offline) unless <paramref name="mode"/> says otherwise.</summary>
    public void SaveHtml(string path, PlotlyJsMode mode = PlotlyJsMode.Embedded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        new HtmlPage { Title = layout.Title ?? "NeuroRnn figure", Figures = [this] }.Save(path, mode);
    }

    /// <summary>
    /// The Jupyter MIME bundle: <c>text/html</c> (as <see cref="NotebookOutput"/> formats it: plotly.js embedded only
    /// in the first figure of the process), <c>application/vnd.plotly.v1+json</c> (plain JSON text of data, layout and
    /// config for front ends with a plotly renderer) and <c>text/plain</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/html"] = NotebookOutput.Html(this),
        [NotebookOutput.PlotlyMimeType] = ToJson(),
        ["text/plain"] = ToString(),
    };

    /// <summary>A one-line description (never the data).</summary>
    public override string ToString()
    {
        var types = string.Join(", ", data.Select(t => t.Type).Distinct());
        var title = layout.Title is null ? "" : $" '{layout.Title}'";
        return $"Figure{title} ({data.Count} trace{(data.Count == 1 ? "" : "s")}{(types.Length > 0 ? ": " + types : "")})";
    }

    /// <summary>A guess of the JSON size so that buffers rarely grow: ~11 bytes per value as base64, ~20 as text.</summary>
    internal int EstimateJsonBytes(bool binaryArrays)
    {
        long values = 0;
        foreach (var t in data)
        {
            values += t switch
            {
                ScatterTrace s => (s.X?.Length ?? 0) + (s.Y?.Length ?? 0),
                Scatter3dTrace s => (s.X?.Length ?? 0) + (s.Y?.Length ?? 0) + (s.Z?.Length ?? 0),
                HeatmapTrace h => h.Z.Values.Length,
                _ => 0,
            };
        }
        return (int)Math.Clamp(values * (binaryArrays ? 11 : 20) + 4096, 4096, 1 << 28);
    }
}
