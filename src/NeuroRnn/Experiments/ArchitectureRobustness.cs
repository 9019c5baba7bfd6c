using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Dynamics;
using NeuroRnn.Models;

namespace NeuroRnn.Experiments;

/// <summary>
/// Do networks with different architectures and learning rules end up with the same dynamics (Maheswaranathan et al.
/// 2019)? Every combination of nonlinearity, size and optimizer of <see cref="RobustnessOptions"/> is trained on the
/// reaching circuit's muscle outputs (<see cref="EmbedderTraining"/>, no hints); the result holds each network's output
/// error, its SVCCA with the circuit, the pairwise SVCCA matrix of all networks (time × condition samples of their unit
/// rates) and, optionally, the number and stability of the fixed points of its autonomous dynamics
/// (<see cref="FixedPointFinder"/>).
/// </summary>
public static class ArchitectureRobustness
{
    /// <summary>Trains and compares the networks.</summary>
    /// <param name="options">Settings; null = defaults.</param>
    /// <param name="onNetwork">Called after every trained (and analysed) network.</param>
    /// <param name="cancellationToken">Stops between and inside training runs.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static RobustnessResult Run(RobustnessOptions? options = null, Action<RobustnessNetwork>? onNetwork = null, CancellationToken cancellationToken = default)
    {
        options ??= new RobustnessOptions();
        options.Validate();
        var session = new ReachingCircuit(options.Circuit).Generate();
        var task = session.TaskBatch();
        var svcca = new SvccaOptions { Components = options.SvccaComponents, TopK = options.SvccaComponents };
        var networks = new List<RobustnessNetwork>();
        var rates = new List<Recording?>();
        foreach (var nonlinearity in options.Nonlinearities)
            foreach (int size in options.Sizes)
                foreach (var optimizer in options.Optimizers)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var embedder = EmbedderTraining.Train(session, null, optimizer, options.Seed,
                        options.Embedder with { UnitCount = size, Nonlinearity = nonlinearity }, null, cancellationToken);
                    var r = embedder.Rates(session);
                    bool finite = AllFinite(r.Data);
                    rates.Add(finite ? r : null);
                    double withCircuit = finite ? Similarity(session.Neurons, r, svcca) : double.NaN;
                    int? fixedCount = null, stable = null, slow = null;
                    if (options.FixedPoints is { } fp && finite)
                    {
                        var found = FixedPointFinder.Find(embedder.Model, embedder.Model.Run(task), null, fp with { Trials = null });
                        var fixedPoints = found.FixedPoints;
                        fixedCount = fixedPoints.Count;
                        stable = fixedPoints.Count(p => p.Linearize().Eigenvalues.All(e => e.Real < 0));
                        slow = found.SlowPoints.Count;
                    }
                    string label = string.Create(CultureInfo.InvariantCulture, $"{nonlinearity.ToString().ToLowerInvariant()}-{size}-{optimizer}");
                    var row = new RobustnessNetwork(label, nonlinearity, size, optimizer, finite ? embedder.OutputError(task) : double.NaN, withCircuit,
                        fixedCount, stable, slow, embedder.TrainSeconds, embedder.Iterations, embedder.Training.StopReason.Description);
                    networks.Add(row);
                    onNetwork?.Invoke(row);
                }
        int count = networks.Count;
        var similarity = new double[count, count];
        for (int i = 0; i < count; i++)
        {
            similarity[i, i] = rates[i] is null ? double.NaN : 1;
            for (int j = i + 1; j < count; j++)
            {
                double s = rates[i] is { } a && rates[j] is { } b ? Similarity(a, b, svcca) : double.NaN;
                similarity[i, j] = similarity[j, i] = s;
            }
        }
        return new RobustnessResult(options, networks, similarity);
    }

    /// <summary>SVCCA, or NaN when a network's units are all constant (e.g. every ReLU unit silent): a real outcome, not an error.</summary>
    private static double Similarity(Recording a, Recording b, SvccaOptions options)
    {
        try
        {
            return Svcca.Compare(a, b, options).Similarity;
        }
        catch (ArgumentException e) when (e.Message.Contains("no variance", StringComparison.Ordinal))
        {
            return double.NaN;
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
