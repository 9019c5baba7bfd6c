using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>The precision-independent face of <see cref="RateRnnEngine{T}"/>; see it for the semantics.</summary>
internal interface IRateRnnEngine
{
    int Steps { get; }
    int BatchSize { get; }
    double Normalization { get; }
    void LoadParameters(ReadOnlySpan<double> theta);
    void Bind(TrialBatch batch, long noiseIndex);
    void Forward();
    double Loss(bool writeError);
    void Backward(bool gaussNewton, double structuralDamping);
    void ExportGradient(Span<double> destination);
    void GaussNewtonForward(ReadOnlySpan<double> v);
    void AccumulateSquaredTrialGradients(ReadOnlySpan<double> regularisationGradient, Span<double> result);
    double[] CopyOutputs();
    double[] CopyOutputPreactivations();
    double[] CopyStates();
    double[] CopyRates();
    void SetInterventions(UnitInterventions? interventions);
}

/// <summary>Creates the engine of the model's precision.</summary>
internal static class RateRnnEngineFactory
{
    public static IRateRnnEngine Create(RateRnnStructure structure, INumericsBackend backend, RnnLossOptions loss) =>
        structure.Options.Precision == RnnPrecision.Float32
            ? new RateRnnEngine<float>(structure, backend, loss)
            : new RateRnnEngine<double>(structure, backend, loss);
}
