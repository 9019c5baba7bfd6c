using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Tasks;

namespace NeuroRnn.Networks;

/// <summary>
/// The same trials run twice — unperturbed (control) and perturbed — as recordings of rates and outputs with identical
/// tables, and a summary of what the perturbation did to the network's behaviour.
/// </summary>
/// <remarks>
/// The rate recordings are simulated again when first read (from the batch and a copy of the parameters taken by
/// <see cref="TrainedNetwork.Perturb"/>; the same simulation, so the same numbers), then kept. A result that is only
/// scored therefore holds outputs, not units × steps × trials rates: repeated perturbation experiments on large batches
/// would otherwise hold gigabytes per result (0.5 GB per recording for the Mante network on 2,880 trials).
/// </remarks>
public sealed class PerturbationResult
{
    private readonly Lazy<Recording> _control, _perturbed;

    internal PerturbationResult(IReadOnlyList<Perturbation> perturbations, Func<Recording> control, Func<Recording> perturbed,
        Recording controlOutputs, Recording perturbedOutputs, TaskScore controlScore, TaskScore perturbedScore, double outputChange,
        double? choiceFlipFraction, IReadOnlyList<PsychometricPoint>? controlPsychometric, IReadOnlyList<PsychometricPoint>? perturbedPsychometric)
    {
        Perturbations = perturbations;
        _control = new Lazy<Recording>(control);
        _perturbed = new Lazy<Recording>(perturbed);
        ControlOutputs = controlOutputs;
        PerturbedOutputs = perturbedOutputs;
        ControlScore = controlScore;
        PerturbedScore = perturbedScore;
        OutputChange = outputChange;
        ChoiceFlipFraction = choiceFlipFraction;
        ControlPsychometric = controlPsychometric;
        PerturbedPsychometric = perturbedPsychometric;
    }

    /// <summary>The perturbations applied (in order).</summary>
    public IReadOnlyList<Perturbation> Perturbations { get; }

    /// <summary>Rates without the perturbation (trials table with the control run's <c>choice</c> for decision tasks); simulated on first read.</summary>
    public Recording Control => _control.Value;

    /// <summary>Rates with the perturbation (trials table with the perturbed run's <c>choice</c>); simulated on first read.</summary>
    public Recording Perturbed => _perturbed.Value;

    /// <summary>Outputs without the perturbation.</summary>
    public Recording ControlOutputs { get; }

    /// <summary>Outputs with the perturbation.</summary>
    public Recording PerturbedOutputs { get; }

    /// <summary>The task's score without the perturbation.</summary>
    public TaskScore ControlScore { get; }

    /// <summary>The task's score with the perturbation.</summary>
    public TaskScore PerturbedScore { get; }

    /// <summary>Root-mean-square difference of the outputs over all steps, outputs and trials.</summary>
    public double OutputChange { get; }

    /// <summary>Decision tasks: the fraction of trials whose choice the perturbation changed (null otherwise).</summary>
    public double? ChoiceFlipFraction { get; }

    /// <summary>Decision tasks: psychometric functions without the perturbation (null otherwise).</summary>
    public IReadOnlyList<PsychometricPoint>? ControlPsychometric { get; }

    /// <summary>Decision tasks: psychometric functions with the perturbation (null otherwise).</summary>
    public IReadOnlyList<PsychometricPoint>? PerturbedPsychometric { get; }

    /// <summary>A one-line summary.</summary>
    public override string ToString()
    {
        string flips = ChoiceFlipFraction is { } f ? string.Create(CultureInfo.InvariantCulture, $", {f:P1} of choices changed") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Perturbations.Count} perturbation(s): accuracy {ControlScore.Accuracy:P1} → {PerturbedScore.Accuracy:P1}, output RMS change {OutputChange:G3}{flips}");
    }
}
