using System.Collections;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Data;

/// <summary>
/// The core carries only the attribute naming its formatter source in NeuroRnn.Interactive; this test project does not
/// reference NeuroRnn.Interactive, so hosts must get a source with no formatters (their default display), not a failure.
/// </summary>
public class RecordingFormatterTests
{
    [Theory]
    [InlineData(typeof(Recording))]
    [InlineData(typeof(ColumnTable))]
    [InlineData(typeof(NeuroRnn.Analysis.TuningCurve))]
    [InlineData(typeof(NeuroRnn.Fitting.RecordingFitResult))]
    [InlineData(typeof(NeuroRnn.Networks.TrainedNetwork))]
    [InlineData(typeof(NeuroRnn.Training.TrainingResult))]
    [InlineData(typeof(NeuroRnn.Training.IterationStatistics))]
    [InlineData(typeof(NeuroRnn.Dynamics.FixedPointResult))]
    public void Without_NeuroRnn_Interactive_the_convention_yields_no_formatters(Type type)
    {
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "NeuroRnn.Interactive");
        var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var name = (string)attribute.GetType().GetProperty("FormatterSourceTypeName")!.GetValue(attribute)!;
        Assert.StartsWith("NeuroRnn.Interactive.Formatting.", name);
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.NotEqual(name, sourceType.FullName);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        Assert.Empty(formatters.Cast<object>());
        Assert.Equal(new[] { "text/html", "text/plain" }, (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
    }
}
