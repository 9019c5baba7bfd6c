using System.Numerics;
using NeuroRnn.Dynamics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tests.Numerics;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Dynamics;

[Collection(GlobalNumericsState.Name)]
public class LinearizationTests
{
    /// <summary>Dale's law, two areas with a one-way area connection, excitatory-only projections between areas, a sparse mask, an input mask and no autapses.</summary>
    private static RateRnnOptions ConstrainedOptions(Nonlinearity nonlinearity) => new()
    {
        UnitCount = 30,
        InputCount = 3,
        Nonlinearity = nonlinearity,
        Tau = 20,
        Dt = 2,
        DalesLaw = true,
        ExcitatoryFraction = 0.75,
        Areas = [new NetworkArea("A", 12), new NetworkArea("B", 18)],
        AreaConnections = new[,] { { true, false }, { true, true } },
        InterAreaExcitatoryOnly = true,
        RecurrentMask = Models.RnnTestData.RandomMask(30, 30, 0.6, 3),
        InputMask = Models.RnnTestData.RandomMask(30, 3, 0.7, 4),
        AllowAutapses = false,
        Gain = 1.5,
        Seed = 8,
        LearnInitialState = true,
    };

    public static TheoryData<Nonlinearity> SmoothNonlinearities => new(Nonlinearity.Tanh, Nonlinearity.Softplus, Nonlinearity.Sigmoid, Nonlinearity.Relu, Nonlinearity.SaturatingSoftplus);

    [Theory]
    [MemberData(nameof(SmoothNonlinearities))]
    public void Velocity_is_one_simulator_step_and_the_Jacobian_matches_finite_differences(Nonlinearity nonlinearity)
    {
        var options = ConstrainedOptions(nonlinearity);
        var model = new RateRnn(options);
        var random = new SeededRandom(21);
        // States away from ReLU's kink at 0 (finite differences across it would be meaningless).
        var state = Enumerable.Range(0, 30).Select(_ => { double v = random.NextGaussian(); return Math.Abs(v) < 0.05 ? 0.3 : v; }).ToArray();
        double[] input = [0.4, -1.1, 0.8];

        // The simulator's first step from x₀ = state: x₁ = x₀ + Dt·F(x₀).
        var parameters = model.GetParameters();
        state.CopyTo(model.Layout.Slice(parameters.AsSpan(), ParameterBlock.InitialState));
        model.SetParameters(parameters);
        var builder = new TrialBatchBuilder(1, 1, 3, 1);
        for (int i = 0; i < 3; i++) builder.SetInput(0, 0, i, input[i]);
        var step = model.Run(builder.Build(variableLengths: false));
        var dynamics = RateRnnDynamics.Of(model);
        var velocity = dynamics.Velocity(state, input);
        for (int i = 0; i < 30; i++)
            Assert.Equal((step.State(1, 0, i) - state[i]) / options.Dt, velocity[i], 12);

        var jacobian = dynamics.Jacobian(state);
        double h = 1e-6, errorSquared = 0, normSquared = 0;
        for (int j = 0; j < 30; j++)
        {
            var plus = (double[])state.Clone();
            var minus = (double[])state.Clone();
            plus[j] += h;
            minus[j] -= h;
            var fPlus = dynamics.Velocity(plus, input);
            var fMinus = dynamics.Velocity(minus, input);
            for (int i = 0; i < 30; i++)
            {
                double fd = (fPlus[i] - fMinus[i]) / (2 * h);
                errorSquared += (fd - jacobian[i, j]) * (fd - jacobian[i, j]);
                normSquared += jacobian[i, j] * jacobian[i, j];
            }
        }
        double relative = Math.Sqrt(errorSquared / normSquared);
        Assert.True(relative < 1e-7, $"{nonlinearity}: ‖J − J_fd‖/‖J‖ = {relative:G3}");

        // The structure is the model's: area B projects nothing to area A (AreaConnections[A, B] = false), masked
        // connections stay zero, and under Dale's law every off-diagonal entry has its presynaptic unit's sign.
        var w = model.EffectiveRecurrentWeights();
        for (int j = 0; j < 30; j++)
            for (int i = 0; i < 30; i++)
            {
                if (i == j) continue;
                if (i < 12 && j >= 12) Assert.Equal(0.0, jacobian[i, j]);
                if (w[j * 30 + i] == 0) Assert.Equal(0.0, jacobian[i, j]);
                double sign = model.IsExcitatory(j) ? 1 : -1;
                Assert.True(jacobian[i, j] * sign >= 0, $"J[{i},{j}] = {jacobian[i, j]} has the wrong sign for a {(sign > 0 ? "excitatory" : "inhibitory")} presynaptic unit");
            }
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Mkl)]
    public void Eigenpairs_of_a_network_Jacobian_have_residuals_below_1e_10_on_each_backend(BackendKind backend)
    {
        var model = new RateRnn(ConstrainedOptions(Nonlinearity.Tanh) with { UnitCount = 30 });
        var random = new SeededRandom(2);
        var state = Enumerable.Range(0, 30).Select(_ => random.NextGaussian()).ToArray();
        Linearization lin;
        try
        {
            NumericsBackend.Use(backend);
            lin = RateRnnDynamics.Of(model).Linearize(state, [1, 0, 0]);
        }
        finally
        {
            NumericsBackend.Reset();
        }
        var j = lin.Jacobian;
        for (int k = 0; k < 30; k++)
        {
            var v = lin.RightEigenvectors[k];
            var u = lin.LeftEigenvectors[k];
            double right = 0, left = 0, uNorm = 0;
            for (int r = 0; r < 30; r++)
            {
                Complex jv = 0, jtu = 0;
                for (int c = 0; c < 30; c++) { jv += j[r, c] * v[c]; jtu += j[c, r] * u[c]; }
                right += (jv - lin.Eigenvalues[k] * v[r]).Magnitude * (jv - lin.Eigenvalues[k] * v[r]).Magnitude;
                var leftResidual = jtu - Complex.Conjugate(lin.Eigenvalues[k]) * u[r];
                left += leftResidual.Magnitude * leftResidual.Magnitude;
                uNorm += u[r].Magnitude * u[r].Magnitude;
            }
            Assert.True(Math.Sqrt(right) < 1e-10, $"{backend}: ‖J v − λ v‖ = {Math.Sqrt(right):G3} for λ = {lin.Eigenvalues[k]}");
            Assert.True(Math.Sqrt(left / uNorm) < 1e-10, $"{backend}: ‖Jᴴ u − λ̄ u‖/‖u‖ = {Math.Sqrt(left / uNorm):G3} for λ = {lin.Eigenvalues[k]}");
            Assert.Equal(1 + 2 * lin.Eigenvalues[k], lin.DiscreteEigenvalues[k]);
        }
    }

    [Fact]
    public void Slow_mode_selection_vector_and_time_constants_of_a_designed_linear_network()
    {
        // ReLU at a positive state is linear: J = (−I + W)/τ with W = P diag(d) P⁻¹, so the modes are known exactly:
        // λ_k = (d_k − 1)/τ, right eigenvectors the columns of P, left eigenvectors the rows of P⁻¹.
        double[,] p = { { 1, 1, 0 }, { 1, -1, 1 }, { 0, 1, 2 } };
        double[] d = [0.999, 0.5, 0.2];
        var pInverse = Invert3(p);
        var w = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) w[i, j] += p[i, k] * d[k] * pInverse[k, j];
        double[,] win = { { 1, 0 }, { 0, 1 }, { 2, -1 } };
        const double tau = 10;
        var model = TestNetworks.Build(w, win, [0, 0, 0], Nonlinearity.Relu, tau: tau, dt: 1);

        var lin = RateRnnDynamics.Of(model).Linearize([1, 2, 3], [0.5, 0.5]);

        Assert.Equal(0, lin.SlowestMode);
        Assert.Equal((d[0] - 1) / tau, lin.Eigenvalues[0].Real, 12);
        Assert.Equal(tau / (1 - d[0]), lin.TimeConstants[0], 6);
        Assert.Equal(tau / (1 - d[2]), lin.TimeConstants[2], 9);
        Assert.Equal((1 - d[1]) / (1 - d[0]), lin.SlowModeSeparation, 6);
        double norm = Math.Sqrt(2);
        double[] expectedDirection = [1 / norm, 1 / norm, 0];
        double[] expectedSelection = [pInverse[0, 0] * norm, pInverse[0, 1] * norm, pInverse[0, 2] * norm];
        Numerics.Assertions.Close(expectedDirection, lin.SlowDirection!, 1e-12, "slow direction");
        Numerics.Assertions.Close(expectedSelection, lin.SelectionVector!, 1e-10, "selection vector");
        Assert.Equal(1.0, lin.SelectionVector!.Zip(lin.SlowDirection!, (a, b) => a * b).Sum(), 12);
        double[] expectedProjections =
        [
            expectedSelection[0] * win[0, 0] + expectedSelection[1] * win[1, 0] + expectedSelection[2] * win[2, 0],
            expectedSelection[0] * win[0, 1] + expectedSelection[1] * win[1, 1] + expectedSelection[2] * win[2, 1],
        ];
        Numerics.Assertions.Close(expectedProjections, lin.InputProjections!, 1e-10, "input projections");
        Assert.Equal(0, lin.UnstableModeCount);
        Assert.Contains("3 modes, 0 unstable", lin.ToString());
    }

    [Fact]
    public void An_oscillatory_slowest_mode_has_no_real_selection_vector()
    {
        // W = [[0.99, −0.5], [0.5, 0.99]] has eigenvalues 0.99 ± 0.5i, so J = (−I + W)/τ has λ = (−0.01 ± 0.5i)/τ: a slowly
        // decaying rotation and nothing else.
        var model = TestNetworks.Build(new double[,] { { 0.99, -0.5 }, { 0.5, 0.99 } }, new double[2, 1], [0, 0], Nonlinearity.Relu);
        var lin = RateRnnDynamics.Of(model).Linearize([1, 1]);
        Assert.NotEqual(0, lin.Eigenvalues[lin.SlowestMode].Imaginary);
        Assert.Null(lin.SelectionVector);
        Assert.Null(lin.InputProjections);
        Assert.True(double.IsNaN(lin.SlowModeSeparation), "a single conjugate pair has no 'next' mode");
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("mkl")]
    public void The_Levenberg_Marquardt_loop_allocates_nothing(string backend)
    {
        var model = new RateRnn(new RateRnnOptions { UnitCount = 40, InputCount = 1, Gain = 2, Seed = 3 });
        var dynamics = RateRnnDynamics.Of(model);
        var minimizer = new SpeedMinimizer(dynamics, dynamics.ConstantDrive(null), Backends.Get(backend));
        var random = new SeededRandom(1);
        var starts = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, 40).Select(_ => random.NextGaussian()).ToArray()).ToArray();
        var result = new double[40];
        var options = new FixedPointOptions { MaxIterations = 50 };
        foreach (var s in starts) minimizer.Minimize(s, result, options); // JIT tiering
        int iterations = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in starts) iterations += minimizer.Minimize(s, result, options).Iterations;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(iterations > 40, $"the test should exercise many iterations, ran {iterations}");
        Assert.True(allocated < 24 * 8, $"{backend}: {allocated} bytes allocated over {iterations} Levenberg–Marquardt iterations");
    }

    private static double[,] Invert3(double[,] m)
    {
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        var r = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                r[i, j] = (m[i1, j1] * m[i2, j2] - m[i1, j2] * m[i2, j1]) / det;
            }
        return r;
    }
}
