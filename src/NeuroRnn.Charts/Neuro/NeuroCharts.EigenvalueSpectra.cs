using System.Numerics;

namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Several eigenvalue spectra in one complex plane — e.g. the linearisation at slow points of each context — one marker
    /// trace per spectrum in its own colour, stable eigenvalues filled and unstable ones open, with the stability boundary
    /// (the line Re = 0 for continuous time, the unit circle for discrete time) on equal-aspect axes. Non-finite
    /// eigenvalues are not drawn.
    /// </summary>
    /// <param name="spectra">spectra[k]: the eigenvalues of spectrum k (each non-empty).</param>
    /// <param name="options">Dynamics kind, names, title.</param>
    public static Figure EigenvalueSpectra(IReadOnlyList<IReadOnlyList<Complex>> spectra, EigenvalueSpectraOptions? options = null)
    {
        Check.NotEmpty(spectra, nameof(spectra));
        for (int k = 0; k < spectra.Count; k++)
            if (spectra[k] is null || spectra[k].Count == 0) throw new ArgumentException($"spectra[{k}] is null or empty", nameof(spectra));
        options ??= new EigenvalueSpectraOptions();
        Check.Count(options.Names, spectra.Count, nameof(options.Names), "spectra");
        bool discrete = options.Dynamics == DynamicsKind.DiscreteTime;
        var traces = new List<Trace>();
        for (int k = 0; k < spectra.Count; k++)
        {
            var spectrum = spectra[k];
            traces.Add(new ScatterTrace
            {
                Name = options.Names?[k] ?? $"spectrum {k}",
                X = spectrum.Select(e => e.Real).ToArray(),
                Y = spectrum.Select(e => e.Imaginary).ToArray(),
                Mode = TraceMode.Markers,
                Marker = new MarkerStyle
                {
                    Color = Palette.Color(k), Size = options.MarkerSize, Opacity = 0.8,
                    Symbols = DataArray.FromStrings(spectrum.Select(e => IsStable(e, discrete) ? "circle" : "circle-open")),
                },
                HoverTemplate = "%{x:.4g} %{y:+.4g}i<extra>%{fullData.name}</extra>",
            });
        }
        return new Figure { Data = traces, Layout = SpectrumLayout(spectra.SelectMany(s => s), discrete) with { Title = options.Title } };
    }

    /// <summary>
    /// The time constants of the modes of one or more linearisations, sorted from slowest to fastest, on a log axis — a
    /// single slow mode far above the rest is the signature of an approximate line attractor. Continuous time:
    /// τ = −1/Re λ; discrete time with step 1: τ = −1/ln|λ|. Unstable or marginal modes (τ ≤ 0 or infinite) are drawn at
    /// the top of the axis as open markers. Traces: one per spectrum.
    /// </summary>
    /// <param name="spectra">spectra[k]: the eigenvalues of spectrum k (each non-empty).</param>
    /// <param name="options">Dynamics kind, names, time unit, title.</param>
    public static Figure TimeConstants(IReadOnlyList<IReadOnlyList<Complex>> spectra, EigenvalueSpectraOptions? options = null)
    {
        Check.NotEmpty(spectra, nameof(spectra));
        for (int k = 0; k < spectra.Count; k++)
            if (spectra[k] is null || spectra[k].Count == 0) throw new ArgumentException($"spectra[{k}] is null or empty", nameof(spectra));
        options ??= new EigenvalueSpectraOptions { Title = "Time constants of the modes" };
        Check.Count(options.Names, spectra.Count, nameof(options.Names), "spectra");
        bool discrete = options.Dynamics == DynamicsKind.DiscreteTime;
        var taus = spectra.Select(s => s.Select(e => discrete ? -1 / Math.Log(Complex.Abs(e)) : -1 / e.Real).OrderByDescending(t => t > 0 && double.IsFinite(t) ? t : double.PositiveInfinity).ToArray()).ToArray();
        double top = taus.SelectMany(t => t).Where(t => t > 0 && double.IsFinite(t)).DefaultIfEmpty(1).Max() * 3;
        var traces = new List<Trace>();
        for (int k = 0; k < spectra.Count; k++)
        {
            var t = taus[k];
            var drawn = t.Select(v => v > 0 && double.IsFinite(v) ? v : top).ToArray();
            traces.Add(new ScatterTrace
            {
                Name = options.Names?[k] ?? $"spectrum {k}",
                X = Enumerable.Range(1, t.Length).Select(i => (double)i).ToArray(),
                Y = drawn,
                Mode = TraceMode.Lines | TraceMode.Markers,
                Line = new LineStyle { Color = Palette.Color(k), Width = 1 },
                Marker = new MarkerStyle
                {
                    Color = Palette.Color(k), Size = options.MarkerSize,
                    Symbols = DataArray.FromStrings(t.Select(v => v > 0 && double.IsFinite(v) ? "circle" : "circle-open")),
                },
                HoverTemplate = $"mode %{{x}}: τ = %{{y:.4g}} {options.TimeUnit}<extra>%{{fullData.name}}</extra>",
            });
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = "mode (slowest first)" }],
                YAxes = [new Axis { Title = $"time constant ({options.TimeUnit})", Type = AxisType.Log, ExponentFormat = "power" }],
                HoverMode = "closest",
            },
        };
    }
}
