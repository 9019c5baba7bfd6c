using System.Numerics;

namespace NeuroRnn.Charts.Demo;

/// <summary>
/// Every chart builder on synthetic, seeded data (the same seed gives the same figures): used by
/// <c>neurornn chart-demo</c> and by the browser tests.
/// </summary>
public static class ChartDemo
{
    /// <summary>All demo figures, in page order.</summary>
    public static IReadOnlyList<DemoFigure> Figures(int seed = 1)
    {
        var random = new Random(seed);
        return
        [
            new("tuning-curves", "Tuning curves: data ± SEM vs model", TuningCurves(random, polar: false)),
            new("polar-tuning", "Tuning curves in polar coordinates", TuningCurves(random, polar: true)),
            new("state-space-2d", "State-space trajectories (2-D) with fixed points", StateSpace(random, dimensions: 2)),
            new("state-space-3d", "State-space trajectories (3-D) with fixed points", StateSpace(random, dimensions: 3)),
            new("training-curves", "Training curves with damping λ", Training(random)),
            new("activity-heatmap", "Activity heat-map sorted by peak time", Activity(random)),
            new("spike-raster", "Spike raster", Raster(random)),
            new("connectivity", "Connectivity matrix with E/I blocks", Connectivity(random)),
            new("eigen-discrete", "Eigenvalues, discrete time (unit circle)", Eigenvalues(random, DynamicsKind.DiscreteTime)),
            new("eigen-continuous", "Eigenvalues, continuous time (Re λ = 0)", Eigenvalues(random, DynamicsKind.ContinuousTime)),
            new("psychometric", "Psychometric curves per context with logistic fits", Psychometric(random)),
            new("subplots", "Subplot grid with shared y: rate histogram and mean rates", Subplots(random)),
        ];
    }

    /// <summary>The demo page with every figure.</summary>
    public static HtmlPage Page(int seed = 1)
    {
        var figures = Figures(seed);
        return new HtmlPage
        {
            Title = "NeuroRnn chart demo",
            Figures = figures.Select(f => f.Figure).ToArray(),
            Headings = figures.Select(f => f.Heading).ToArray(),
            DivIds = figures.Select(f => f.Key).ToArray(),
        };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static Figure TuningCurves(Random random, bool polar)
    {
        var angles = Enumerable.Range(0, 12).Select(k => k * 15.0).ToArray();
        const int units = 3;
        var mean = new double[units][];
        var sem = new double[units][];
        var model = new double[units][];
        for (int u = 0; u < units; u++)
        {
            double preferred = random.NextDouble() * 180, kappa = 1 + 3 * random.NextDouble(), amplitude = 0.2 + 0.4 * random.NextDouble(), baseline = 0.05;
            model[u] = angles.Select(a => baseline + amplitude * Math.Exp(kappa * (Math.Cos(2 * (a - preferred) * Math.PI / 180) - 1))).ToArray();
            mean[u] = model[u].Select(m => Math.Max(0, m + 0.03 * Gaussian(random))).ToArray();
            sem[u] = mean[u].Select(m => 0.01 + 0.05 * m).ToArray();
        }
        var names = new[] { "unit 12", "unit 47", "unit 83" };
        return polar
            ? NeuroCharts.PolarTuningCurves(angles, mean, model, new TuningChartOptions { Title = "Orientation tuning (polar)", UnitNames = names, Sector = (0, 180) })
            : NeuroCharts.TuningCurves(angles, mean, sem, model, new TuningChartOptions { Title = "Orientation tuning", UnitNames = names });
    }

    private static Figure StateSpace(Random random, int dimensions)
    {
        const int conditions = 3, trialsPerCondition = 4, steps = 80;
        var attractors = new double[conditions, 3];
        for (int c = 0; c < conditions; c++)
        {
            double angle = 2 * Math.PI * c / conditions;
            attractors[c, 0] = 3 * Math.Cos(angle);
            attractors[c, 1] = 3 * Math.Sin(angle);
            attractors[c, 2] = c - 1;
        }
        var trajectories = new List<double[,]>();
        var conditionOf = new List<int>();
        for (int c = 0; c < conditions; c++)
        {
            for (int trial = 0; trial < trialsPerCondition; trial++)
            {
                var x = new double[steps, 3];
                double px = 0.3 * Gaussian(random), py = 0.3 * Gaussian(random), pz = 0.3 * Gaussian(random);
                for (int t = 0; t < steps; t++)
                {
                    x[t, 0] = px; x[t, 1] = py; x[t, 2] = pz;
                    // Damped rotation towards the condition's attractor, with a little noise.
                    double dx = px - attractors[c, 0], dy = py - attractors[c, 1];
                    px = attractors[c, 0] + 0.94 * (Math.Cos(0.12) * dx - Math.Sin(0.12) * dy) + 0.03 * Gaussian(random);
                    py = attractors[c, 1] + 0.94 * (Math.Sin(0.12) * dx + Math.Cos(0.12) * dy) + 0.03 * Gaussian(random);
                    pz = attractors[c, 2] + 0.92 * (pz - attractors[c, 2]) + 0.03 * Gaussian(random);
                }
                trajectories.Add(x);
                conditionOf.Add(c);
            }
        }
        var fixedPoints = new double[conditions + 1, 3];
        for (int c = 0; c < conditions; c++)
            for (int d = 0; d < 3; d++) fixedPoints[c, d] = attractors[c, d];
        var options = new StateSpaceOptions
        {
            Title = dimensions == 2 ? "Trajectories in PC 1–2" : "Trajectories in PC 1–3",
            ConditionNames = ["stimulus A", "stimulus B", "stimulus C"],
            FixedPoints = fixedPoints,
            FixedPointStable = [true, true, true, false],
        };
        return dimensions == 2
            ? NeuroCharts.StateSpace2D(trajectories, conditionOf, options)
            : NeuroCharts.StateSpace3D(trajectories, conditionOf, options);
    }

    private static Figure Training(Random random)
    {
        const int runs = 3;
        var loss = new double[runs][];
        var lambda = new double[runs][];
        for (int r = 0; r < runs; r++)
        {
            int iterations = 40 + 10 * r;
            loss[r] = new double[iterations];
            lambda[r] = new double[iterations];
            double l = 1, lam = 1;
            for (int i = 0; i < iterations; i++)
            {
                l *= Math.Exp(-0.12 - 0.04 * r + 0.08 * Gaussian(random));
                lam *= random.NextDouble() < 0.6 ? 2.0 / 3.0 : 1.5;
                loss[r][i] = 0.2 * l + 1e-4;
                lambda[r][i] = lam;
            }
        }
        return NeuroCharts.TrainingCurves(loss, new TrainingCurveOptions
        {
            Title = "Hessian-free training (3 seeds)",
            RunNames = ["seed 1", "seed 2", "seed 3"],
            Lambda = lambda,
            LossTitle = "training MSE",
        });
    }

    private static Figure Activity(Random random)
    {
        const int units = 60, steps = 100;
        var activity = new double[units, steps];
        for (int u = 0; u < units; u++)
        {
            double peak = random.NextDouble() * steps, width = 5 + 10 * random.NextDouble();
            for (int t = 0; t < steps; t++)
                activity[u, t] = Math.Exp(-0.5 * Math.Pow((t - peak) / width, 2)) + 0.05 * Math.Abs(Gaussian(random));
        }
        return NeuroCharts.ActivityHeatmap(activity, new ActivityHeatmapOptions { SortByPeakTime = true, Title = "Sequence activity (sorted by peak time)" });
    }

    private static Figure Raster(Random random)
    {
        const int trials = 30;
        var spikes = new List<double[]>();
        for (int trial = 0; trial < trials; trial++)
        {
            var times = new List<double>();
            double t = 0;
            while (true)
            {
                // Inhomogeneous Poisson process by thinning: 5 Hz baseline, 40 Hz during the stimulus [0.5, 1.5).
                t += -Math.Log(1 - random.NextDouble()) / 40.0;
                if (t >= 2) break;
                double rate = t >= 0.5 && t < 1.5 ? 40 : 5;
                if (random.NextDouble() < rate / 40.0) times.Add(Math.Round(t, 4));
            }
            spikes.Add(times.ToArray());
        }
        return NeuroCharts.SpikeRaster(spikes, new SpikeRasterOptions { Title = "Spike raster (stimulus 0.5–1.5 s)" });
    }

    private static Figure Connectivity(Random random)
    {
        const int excitatory = 32, inhibitory = 8, n = excitatory + inhibitory;
        var w = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j || random.NextDouble() > 0.3) continue;
                // Dale's law: a column's sign is its presynaptic unit's type; inhibition is stronger to balance.
                w[i, j] = j < excitatory ? 0.1 + 0.1 * random.NextDouble() : -(0.3 + 0.3 * random.NextDouble());
            }
        }
        return NeuroCharts.ConnectivityMatrix(w, new ConnectivityOptions { Title = "Recurrent weights (E/I)", BlockSizes = [excitatory, inhibitory], BlockNames = ["E", "I"] });
    }

    private static Figure Eigenvalues(Random random, DynamicsKind dynamics)
    {
        // Circular law: eigenvalues of a random N×N matrix with entry variance g²/N fill a disc of radius g; complex
        // ones come in conjugate pairs. Synthetic here (this library has no linear algebra).
        const double g = 1.15;
        var values = new List<Complex>();
        for (int k = 0; k < 40; k++)
        {
            double r = g * Math.Sqrt(random.NextDouble()), phi = Math.PI * random.NextDouble();
            values.Add(Complex.FromPolarCoordinates(r, phi));
            values.Add(Complex.Conjugate(values[^1]));
        }
        for (int k = 0; k < 8; k++) values.Add(new Complex(g * (2 * random.NextDouble() - 1), 0));
        if (dynamics == DynamicsKind.ContinuousTime)
        {
            // Jacobian of dx/dt = −x + W r at the origin: eigenvalues shifted by −1.
            for (int i = 0; i < values.Count; i++) values[i] -= 1;
        }
        return NeuroCharts.EigenvalueSpectrum(values, new EigenvalueSpectrumOptions
        {
            Dynamics = dynamics,
            Title = dynamics == DynamicsKind.DiscreteTime ? "Spectrum of W (g = 1.15)" : "Spectrum of the Jacobian −I + W",
        });
    }

    private static Figure Psychometric(Random random)
    {
        var coherence = new[] { -0.5, -0.25, -0.12, -0.05, 0.05, 0.12, 0.25, 0.5 };
        var slopes = new[] { 12.0, 5.0 };
        var biases = new[] { 0.0, 0.06 };
        const int trials = 40;
        var p = new double[2][];
        var counts = new int[2][];
        var fits = new Func<double, double>[2];
        for (int c = 0; c < 2; c++)
        {
            double slope = slopes[c], bias = biases[c];
            fits[c] = x => 1 / (1 + Math.Exp(-slope * (x - bias)));
            p[c] = coherence.Select(x => Enumerable.Range(0, trials).Count(_ => random.NextDouble() < fits[c](x)) / (double)trials).ToArray();
            counts[c] = coherence.Select(_ => trials).ToArray();
        }
        return NeuroCharts.PsychometricCurves(coherence, p, new PsychometricOptions
        {
            Title = "Context-dependent decisions",
            ContextNames = ["motion context", "colour context"],
            TrialCounts = counts,
            Fits = fits,
            CoherenceTitle = "motion coherence",
        });
    }

    private static Figure Subplots(Random random)
    {
        var rates = Enumerable.Range(0, 400).Select(_ => Math.Exp(1.5 + 0.6 * Gaussian(random))).ToArray();
        var areas = new[] { "V1", "LM", "AL", "PM" };
        var means = areas.Select(_ => 5 + 10 * random.NextDouble()).ToArray();
        var sems = means.Select(m => 0.1 * m).ToArray();
        var (x2, y2) = Layout.SubplotAxes(0, 1, 2);
        return new Figure
        {
            Data =
            [
                new HistogramTrace { Name = "rates", Y = rates, Marker = new MarkerStyle { Color = Palette.Color(0) }, Opacity = 0.8 },
                new BarTrace
                {
                    Name = "mean rate", X = areas, Y = means, ErrorY = ErrorBars.Symmetric(sems),
                    Marker = new MarkerStyle { ColorValues = areas.Select((_, i) => Palette.Color(i + 1)).ToArray() },
                    XAxis = x2, YAxis = y2,
                },
            ],
            Layout = new Layout
            {
                Title = "Firing rates",
                ShowLegend = false,
                XAxes = [new Axis { Title = "count" }, new Axis { Title = "area" }],
                YAxes = [new Axis { Title = "rate (Hz)" }, new Axis()],
                Annotations = [new Annotation { Text = "shared y axis", X = 1, Y = 1.06, XRef = "paper", YRef = "paper", XAnchor = "right" }],
            }.WithSubplotGrid(1, 2, shareY: true),
        };
    }
}
