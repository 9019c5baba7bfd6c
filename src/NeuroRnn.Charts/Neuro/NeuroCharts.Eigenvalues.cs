using System.Numerics;

namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Eigenvalues in the complex plane (one marker trace; stable ones blue, unstable ones red) with the stability
    /// boundary as a shape — the unit circle for discrete time, the line Re = 0 for continuous time — on equal-aspect
    /// axes (y scale anchored to x). Non-finite eigenvalues are not drawn (null).
    /// </summary>
    /// <param name="eigenvalues">The eigenvalues.</param>
    /// <param name="options">Dynamics kind, title.</param>
    public static Figure EigenvalueSpectrum(IReadOnlyList<Complex> eigenvalues, EigenvalueSpectrumOptions? options = null)
    {
        Check.NotEmpty(eigenvalues, nameof(eigenvalues));
        options ??= new EigenvalueSpectrumOptions();
        int n = eigenvalues.Count;
        var re = new double[n];
        var im = new double[n];
        var colors = new string[n];
        bool discrete = options.Dynamics == DynamicsKind.DiscreteTime;
        for (int i = 0; i < n; i++)
        {
            re[i] = eigenvalues[i].Real;
            im[i] = eigenvalues[i].Imaginary;
            colors[i] = IsStable(eigenvalues[i], discrete) ? Palette.Stable : Palette.Unstable;
        }
        var trace = new ScatterTrace
        {
            Name = options.Name,
            X = re,
            Y = im,
            Mode = TraceMode.Markers,
            Marker = new MarkerStyle { ColorValues = colors, Size = options.MarkerSize, Opacity = 0.85 },
            HoverTemplate = "%{x:.4f} %{y:+.4f}i<extra></extra>",
        };
        return new Figure { Data = [trace], Layout = SpectrumLayout(eigenvalues, discrete) with { Title = options.Title, ShowLegend = false } };
    }

    private static bool IsStable(Complex eigenvalue, bool discrete) => discrete ? Complex.Abs(eigenvalue) < 1 : eigenvalue.Real < 0;

    /// <summary>
    /// Equal-aspect axes around the finite eigenvalues with the stability boundary: the unit circle (discrete time) or the
    /// line Re = 0 (continuous time).
    /// </summary>
    private static Layout SpectrumLayout(IEnumerable<Complex> eigenvalues, bool discrete)
    {
        double extent = discrete ? 1 : 0, minRe = 0, maxRe = 0, maxIm = discrete ? 1 : 0;
        foreach (var e in eigenvalues)
        {
            if (!double.IsFinite(e.Real) || !double.IsFinite(e.Imaginary)) continue;
            extent = Math.Max(extent, Math.Max(Math.Abs(e.Real), Math.Abs(e.Imaginary)));
            minRe = Math.Min(minRe, e.Real);
            maxRe = Math.Max(maxRe, e.Real);
            maxIm = Math.Max(maxIm, Math.Abs(e.Imaginary));
        }
        var boundary = new LineStyle { Color = Palette.Reference, Width = 1.5, Dash = "dash" };
        if (discrete)
        {
            double r = extent * 1.1;
            return new Layout
            {
                XAxes = [new Axis { Title = "Re λ", Range = (-r, r), ZeroLine = true, Constrain = "domain" }],
                YAxes = [new Axis { Title = "Im λ", Range = (-r, r), ScaleAnchor = "x", ScaleRatio = 1, ZeroLine = true, Constrain = "domain" }],
                Shapes = [Shape.Circle(0, 0, 1, boundary) with { Layer = "below" }],
            };
        }
        double span = Math.Max(maxRe - minRe, Math.Max(2 * maxIm, 1e-12)), pad = 0.08 * span;
        double yHalf = Math.Max(maxIm, span / 2) + pad;
        return new Layout
        {
            XAxes = [new Axis { Title = "Re λ", Range = (minRe - pad, maxRe + pad), ZeroLine = false, Constrain = "domain" }],
            YAxes = [new Axis { Title = "Im λ", Range = (-yHalf, yHalf), ScaleAnchor = "x", ScaleRatio = 1, ZeroLine = true, Constrain = "domain" }],
            Shapes = [Shape.VerticalLine(0, boundary)],
        };
    }

    /// <summary>The same as <see cref="EigenvalueSpectrum(IReadOnlyList{Complex}, EigenvalueSpectrumOptions?)"/> from real and imaginary parts.</summary>
    public static Figure EigenvalueSpectrum(IReadOnlyList<double> real, IReadOnlyList<double> imaginary, EigenvalueSpectrumOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imaginary);
        if (real.Count != imaginary.Count)
            throw new ArgumentException($"real has {real.Count} values but imaginary has {imaginary.Count}", nameof(imaginary));
        return EigenvalueSpectrum(Enumerable.Range(0, real.Count).Select(i => new Complex(real[i], imaginary[i])).ToArray(), options);
    }
}
