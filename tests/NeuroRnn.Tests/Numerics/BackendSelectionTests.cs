using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

/// <summary>Tests of <see cref="NumericsBackend"/>; they change process-wide state, so they run in one collection.</summary>
[Collection(GlobalNumericsState.Name)]
public class BackendSelectionTests
{
    [Theory]
    [InlineData(null, BackendKind.Auto)]
    [InlineData("", BackendKind.Auto)]
    [InlineData("  ", BackendKind.Auto)]
    [InlineData("mkl", BackendKind.Mkl)]
    [InlineData("MKL", BackendKind.Mkl)]
    [InlineData(" managed ", BackendKind.Managed)]
    [InlineData("Auto", BackendKind.Auto)]
    public void Environment_values_are_parsed(string? value, BackendKind expected) =>
        Assert.Equal(expected, NumericsBackend.ParseKind(value));

    [Theory]
    [InlineData("openblas")]
    [InlineData("mkl2")]
    public void Invalid_environment_value_names_the_variable(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => NumericsBackend.ParseKind(value));
        Assert.Contains("NEURORNN_BACKEND", e.Message);
        Assert.Contains($"'{value}'", e.Message);
        Assert.Contains("'mkl', 'managed'", e.Message);
    }

    [Fact]
    public void Mkl_is_available_on_this_machine()
    {
        // CI installs libmkl-rt; a failure here means MKL could not be loaded, and says why.
        Assert.True(NumericsBackend.IsMklAvailable, $"MKL not available: {NumericsBackend.MklUnavailableReason}");
        var mkl = NumericsBackend.Mkl;
        Assert.Equal("mkl", mkl.Name);
        Assert.Contains("Math Kernel Library", mkl.Version);
        Assert.True(mkl.ThreadCount >= 1);
        Assert.Contains(mkl.Version, mkl.Description);
    }

    [Fact]
    public void Code_level_choice_overrides_and_reset_returns_to_automatic()
    {
        try
        {
            Assert.Same(NumericsBackend.Managed, NumericsBackend.Use(BackendKind.Managed));
            Assert.Same(NumericsBackend.Managed, NumericsBackend.Current);
            Assert.Same(NumericsBackend.Mkl, NumericsBackend.Use(BackendKind.Mkl));
            Assert.Equal("mkl", NumericsBackend.Current.Name);
            // Automatic choice prefers MKL when it loads.
            Assert.Equal("mkl", NumericsBackend.Use(BackendKind.Auto).Name);
        }
        finally
        {
            NumericsBackend.Reset();
        }
    }

    [Fact]
    public void Missing_library_error_names_the_package_and_the_non_free_component()
    {
        var e = Assert.Throws<MklNotAvailableException>(() => NumericsBackend.LoadMkl(["libdefinitely_not_mkl_rt.so"]));
        Assert.Contains("libmkl-rt", e.Message);
        Assert.Contains("non-free", e.Message);
        Assert.Contains("apt-get install libmkl-rt", e.Message);
        Assert.Contains("NEURORNN_BACKEND=managed", e.Message);
        Assert.Contains("libdefinitely_not_mkl_rt.so", e.Reason);
        Assert.IsAssignableFrom<InvalidOperationException>(e);
    }

    [Fact]
    public void Automatic_choice_without_MKL_falls_back_to_managed_with_a_one_line_install_notice()
    {
        var notice = new StringWriter();
        var chosen = NumericsBackend.ChooseAutomatically(null, "none of libmkl_rt.so could be loaded", notice);
        Assert.Same(NumericsBackend.Managed, chosen);
        var text = notice.ToString().TrimEnd();
        Assert.DoesNotContain('\n', text);
        Assert.Contains("apt-get install libmkl-rt", text);
        Assert.Contains("non-free", text);
        Assert.Contains("libmkl_rt.so", text);

        var silent = new StringWriter();
        Assert.Same(NumericsBackend.Mkl, NumericsBackend.ChooseAutomatically(NumericsBackend.Mkl, null, silent));
        Assert.Equal("", silent.ToString());
    }

    [Fact]
    public void Thread_counts_can_be_changed()
    {
        var mkl = NumericsBackend.Mkl;
        int before = mkl.ThreadCount;
        try
        {
            mkl.SetThreadCount(1);
            Assert.Equal(1, mkl.ThreadCount);
        }
        finally
        {
            mkl.SetThreadCount(before);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => mkl.SetThreadCount(0));
        var managed = new ManagedBackend(3);
        Assert.Equal(3, managed.ThreadCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedBackend(0));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalNumericsState
{
    public const string Name = "Global numerics state";
}
