using System.Diagnostics;
using NeuroRnn.Kernel.Notebooks;

namespace NeuroRnn.Kernel.Tests.Notebooks;

public sealed class NbformatValidationTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task ExecutedNotebookPassesJupyterNbformatValidation()
    {
        Assert.True(File.Exists(Python), $"{Python} (Debian python3 with python3-nbformat) is required for this test.");
        var result = await NotebookRunner.RunAsync(NotebookFile.Load(SampleNotebooks.Path("mixed.ipynb")));
        Assert.True(result.Succeeded, result.FailureMessage);
        var path = Path.Combine(Path.GetTempPath(), $"neurornn-nbformat-{Guid.NewGuid():N}.ipynb");
        NotebookFile.Save(result.Executed, path);
        try
        {
            var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor)");
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"nbformat validation failed (is python3-nbformat installed?):\n{stderr}");
            Assert.Equal("4 5", stdout.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
