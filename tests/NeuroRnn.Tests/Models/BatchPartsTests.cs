using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

/// <summary>
/// The recurrent loops split over parts of the batch (<see cref="BatchParts"/>): the split path gives the derivatives
/// finite differences give, agrees with the unsplit path, and does not depend on the number of threads.
/// </summary>
[Collection(BatchPartsCollection.Name)]
public sealed class BatchPartsTests
{
    private static readonly RateRnnOptions Options = new()
    {
        UnitCount = 24, InputCount = 3, OutputCount = 5, Dt = 1, Tau = 5, Gain = 1.3, Seed = 4, LearnInitialState = true,
        RecurrentNoiseStd = 0.05,
    };

    [Theory]
    [InlineData(95, 1)]
    [InlineData(96, 2)]
    [InlineData(191, 2)]
    [InlineData(192, 4)]
    [InlineData(4096, 4)]
    public void The_batch_is_split_by_its_size_alone(int batch, int parts) => Assert.Equal(parts, BatchParts.PartCount(batch));

    [Fact]
    public void Small_batches_are_not_split() => Assert.Equal(1, BatchParts.PartCount(BatchParts.MinimumColumns * 2 - 1));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Split_gradient_and_Gauss_Newton_product_match_finite_differences_and_the_unsplit_pass(bool unitReadout)
    {
        var options = unitReadout ? Options with { ReadoutUnits = [0, 3, 5, 7, 11], OutputCount = 5 } : Options;
        var batch = RnnTestData.RandomBatch(12, 200, 3, options.OutputCount, OutputKind.LinearSquaredError, 9, partialMask: true);
        var model = new RateRnn(options);
        var theta = model.GetParameters();
        var direction = RnnTestData.RandomVector(theta.Length, 3);
        var loss = new RnnLossOptions { ActivityL2 = 0.02 };

        var (gradient, product, outputs) = Evaluate(options, theta, loss, batch, direction, forcedParts: 4);
        var (gradient1, product1, outputs1) = Evaluate(options, theta, loss, batch, direction, forcedParts: 1);
        Assert.True(RnnTestData.RelativeError(gradient, gradient1) < 1e-12, "gradient: 4 parts vs 1");
        Assert.True(RnnTestData.RelativeError(product, product1) < 1e-12, "GN product: 4 parts vs 1");
        Assert.True(RnnTestData.RelativeError(outputs, outputs1) < 1e-12, "outputs: 4 parts vs 1");

        // gᵀd and dᵀGd against central differences.
        RnnTestData.AssertGradientAlong(new RnnObjective(new RateRnn(options, theta), loss, NumericsBackend.Current), theta, direction, batch, gradient);
        RnnTestData.AssertGaussNewtonAlong(options, theta, direction, batch);
    }

    [Fact]
    public void Results_are_bit_identical_with_one_and_two_back_end_threads() =>
        AssertBitIdentical(parts: 2, mkl => mkl.SetThreadCount(1), mkl => mkl.SetThreadCount(2));

    [Fact]
    public void Parts_run_by_MKLs_OpenMP_team_give_the_numbers_of_parts_run_by_own_workers()
    {
        Assert.True(OpenMpTeam.IsAvailable, "MKL threads with libgomp here, so the parts should run on its OpenMP team");
        AssertBitIdentical(parts: 4, mkl => mkl.SetThreadCount(2), _ => BatchParts.UseOwnWorkers = true);
    }

    /// <summary>Gradient, GN product and outputs after <paramref name="first"/> and after <paramref name="second"/> set MKL up.</summary>
    private static void AssertBitIdentical(int parts, Action<MklBackend> first, Action<MklBackend> second)
    {
        if (!NumericsBackend.IsMklAvailable) throw new InvalidOperationException($"MKL is required here: {NumericsBackend.MklUnavailableReason}");
        var mkl = NumericsBackend.Mkl;
        var batch = RnnTestData.RandomBatch(10, 96, 3, Options.OutputCount, OutputKind.LinearSquaredError, 2);
        var theta = new RateRnn(Options).GetParameters();
        var direction = RnnTestData.RandomVector(theta.Length, 5);
        int previous = mkl.ThreadCount;
        try
        {
            first(mkl);
            var one = Evaluate(Options, theta, new RnnLossOptions(), batch, direction, parts, mkl);
            second(mkl);
            var two = Evaluate(Options, theta, new RnnLossOptions(), batch, direction, parts, mkl);
            Assert.Equal(one.Gradient, two.Gradient);
            Assert.Equal(one.Product, two.Product);
            Assert.Equal(one.Outputs, two.Outputs);
        }
        finally
        {
            BatchParts.UseOwnWorkers = false;
            mkl.SetThreadCount(previous);
        }
    }

    [Fact]
    public void A_split_Gauss_Newton_product_allocates_nothing_on_the_calling_thread()
    {
        var batch = RnnTestData.RandomBatch(10, 96, 3, Options.OutputCount, OutputKind.LinearSquaredError, 2);
        BatchParts.ForcedParts = 2;
        try
        {
            var objective = new RnnObjective(new RateRnn(Options), null, NumericsBackend.Current);
            var direction = RnnTestData.RandomVector(objective.ParameterCount, 5);
            var product = new double[direction.Length];
            objective.PrepareCurvature(batch);
            objective.GaussNewtonProduct(direction, 0.1, product); // warm-up: buffers, workers
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 5; k++) objective.GaussNewtonProduct(direction, 0.1, product);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            BatchParts.ForcedParts = 0;
        }
    }

    private static (double[] Gradient, double[] Product, double[] Outputs) Evaluate(RateRnnOptions options, double[] theta, RnnLossOptions loss,
        TrialBatch batch, double[] direction, int forcedParts, INumericsBackend? backend = null)
    {
        BatchParts.ForcedParts = forcedParts;
        try
        {
            var objective = new RnnObjective(new RateRnn(options, theta), loss, backend ?? NumericsBackend.Current);
            var gradient = new double[theta.Length];
            objective.LossAndGradient(batch, gradient);
            var outputs = objective.Predict(batch);
            objective.PrepareCurvature(batch);
            var product = new double[theta.Length];
            objective.GaussNewtonProduct(direction, 0.2, product);
            return (gradient, product, outputs);
        }
        finally
        {
            BatchParts.ForcedParts = 0;
        }
    }
}

/// <summary>Tests that set <see cref="BatchParts.ForcedParts"/> or the back-end's thread count run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BatchPartsCollection
{
    public const string Name = "BatchParts (process-wide settings)";
}
