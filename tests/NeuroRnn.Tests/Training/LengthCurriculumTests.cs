using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Training;

public class LengthCurriculumTests
{
    /// <summary>Predicts a fixed fraction of the targets: 1 is perfect, 0 predicts zeros.</summary>
    private sealed class ScaledTargets(double scale) : ICurvatureObjective
    {
        public int ParameterCount => 1;
        public void GetParameters(Span<double> destination) => destination.Clear();
        public void SetParameters(ReadOnlySpan<double> source) { }
        public double Loss(TrialBatch batch) => throw new NotSupportedException();
        public double LossAndGradient(TrialBatch batch, Span<double> gradient) => throw new NotSupportedException();
        public void PrepareCurvature(TrialBatch curvatureBatch) => throw new NotSupportedException();
        public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result) => throw new NotSupportedException();
        public void SquaredGradientSum(TrialBatch batch, Span<double> result) => throw new NotSupportedException();
        public double[] Predict(TrialBatch batch) => batch.Targets.Select(t => double.IsFinite(t) ? scale * t : 0).ToArray();
    }

    [Fact]
    public void A_solved_length_grows_by_the_factor_until_the_final_length()
    {
        var curriculum = new LengthCurriculum(length => new AdditionTask(length), 100, seed: 1);
        Assert.Equal(30, curriculum.CurrentLength);
        var lengths = new List<int>();
        for (int iteration = 0; iteration < 9; iteration++)
        {
            Assert.Equal(0, curriculum.Observe(new ScaledTargets(1), iteration));
            lengths.Add(curriculum.CurrentLength);
        }
        Assert.Equal([38, 48, 60, 75, 94, 100, 100, 100, 100], lengths);
        Assert.Equal([30, 38, 48, 60, 75, 94], curriculum.Stages.Select(s => s.Length));
        Assert.Equal([0, 1, 2, 3, 4, 5], curriculum.Stages.Select(s => s.Iteration));
        Assert.Equal(100, ((AdditionTask)curriculum.CurrentTask).Length);
    }

    [Fact]
    public void An_unsolved_length_stays_and_the_data_follow_the_current_length_deterministically()
    {
        var curriculum = new LengthCurriculum(length => new AdditionTask(length), 100, seed: 4, new LengthCurriculumOptions { StartLength = 20 });
        var data = curriculum.Data(50, 10);
        var first = data(3);
        Assert.Equal(new AdditionTask(20).Steps, first.GradientBatch.Steps);
        Assert.Equal(10, first.CurvatureBatch.BatchSize);
        Assert.Equal(first.GradientBatch.Inputs, data(3).GradientBatch.Inputs);
        Assert.NotEqual(first.GradientBatch.Inputs, data(4).GradientBatch.Inputs);

        double error = curriculum.Observe(new ScaledTargets(0.5), 0); // every answer off by half the target
        Assert.True(error > 0.5, $"error {error}");
        Assert.Equal(20, curriculum.CurrentLength);
        Assert.Empty(curriculum.Stages);

        curriculum.Observe(new ScaledTargets(1), 1);
        Assert.Equal(25, curriculum.CurrentLength);
        Assert.Equal(new AdditionTask(25).Steps, data(5).GradientBatch.Steps);
    }

    [Fact]
    public void Bad_settings_are_rejected_with_the_field_named()
    {
        Func<int, ITask> make = length => new AdditionTask(length);
        Assert.Equal("Growth", Assert.Throws<ArgumentException>(() => new LengthCurriculum(make, 100, 1, new LengthCurriculumOptions { Growth = 1 })).ParamName);
        Assert.Equal("StartLength", Assert.Throws<ArgumentException>(() => new LengthCurriculum(make, 100, 1, new LengthCurriculumOptions { StartLength = 0 })).ParamName);
        Assert.Equal("finalLength", Assert.Throws<ArgumentException>(() => new LengthCurriculum(make, 0, 1)).ParamName);
        var curriculum = new LengthCurriculum(make, 100, 1);
        Assert.Equal("curvatureBatchSize", Assert.Throws<ArgumentException>(() => curriculum.Data(10, 20)).ParamName);
        // A short final length caps the start.
        Assert.Equal(12, new LengthCurriculum(make, 12, 1).CurrentLength);
    }
}
