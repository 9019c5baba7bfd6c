using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;
using NeuroRnn.Kernel.Tests.Protocol;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// The kernel on a machine without libzmq: in a private mount namespace every libzmq.so.5 on the machine is hidden
/// behind /dev/null (loading it fails there, which the test checks first), then <c>neurornn kernel install</c>,
/// a headless <c>neurornn run</c> and <c>neurornn kernel start</c> run inside it. The Jupyter client stays outside
/// (pyzmq needs libzmq) and talks to the kernel over TCP, as a front end on another machine would.
/// </summary>
public sealed class WithoutLibzmqTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void KernelInstallRunAndStart_WorkWhereLibzmqCannotBeLoaded()
    {
        var work = Directory.CreateTempSubdirectory("neurornn-nozmq-").FullName;
        Process? kernel = null;
        try
        {
            var ports = InProcessKernel.FreePorts(5);
            var connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], "nozmq-key-0123", ConnectionInfo.HmacSha256);
            var connectionFile = Path.Combine(work, "kernel.json");
            File.WriteAllText(connectionFile, InProcessKernel.ToJson(connection));
            var notebook = Path.Combine(work, "two-languages.ipynb");
            File.WriteAllText(notebook, TwoLanguageNotebook);

            var cli = $"'{NeuroRnnCli.DotnetHost}' '{NeuroRnnCli.DllPath}'";
            var hidden = LibzmqFiles();
            output.WriteLine($"hidden: {string.Join(", ", hidden)}");
            var script = string.Join("\n",
            [
                "set -e",
                .. hidden.Select(file => $"mount --bind /dev/null '{file}'"),
                // Prove the mask: loading libzmq must fail in here.
                "if /usr/bin/python3 -c \"import ctypes; ctypes.CDLL('libzmq.so.5')\" 2>/dev/null; then echo 'libzmq still loads' >&2; exit 97; fi",
                $"{cli} kernel install --prefix '{work}/prefix' --name nozmq >&2",
                $"{cli} run '{notebook}' --output '{work}/executed.ipynb' >&2",
                $"exec {cli} kernel start -f '{connectionFile}' --language csharp",
            ]);
            var start = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "--mount", "--propagation", "private", "/bin/sh", "-c", script })
            {
                start.ArgumentList.Add(argument);
            }

            var errors = new System.Text.StringBuilder();
            kernel = Process.Start(start) ?? throw new InvalidOperationException("could not start unshare");
            kernel.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
            kernel.OutputDataReceived += (_, _) => { };
            kernel.BeginErrorReadLine();
            kernel.BeginOutputReadLine();

            // install and run finish before the kernel starts; wait for the kernelspec and the executed notebook.
            var watch = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(work, "executed.ipynb")) && !kernel.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                Thread.Sleep(200);
            }

            Assert.False(kernel.HasExited, $"exited with {(kernel.HasExited ? kernel.ExitCode : 0)} before the kernel started (97: libzmq was not hidden; unshare needs root):\n{errors}");
            Assert.True(File.Exists(Path.Combine(work, "prefix", "share", "jupyter", "kernels", "nozmq-csharp", "kernel.json")), errors.ToString());
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "executed.ipynb")))!;
            var outputs = executed["cells"]!.AsArray().Select(c => c!["outputs"]!.ToJsonString()).ToArray();
            Assert.Contains("42", outputs[0]);
            Assert.Contains("F# says hi", outputs[1]);

            var reports = JupyterClientScript.Run(
                $"--connection-file {connectionFile} --dialect csharp --checks kernel_info,streams,execute_result,errors,completion,state",
                TimeSpan.FromMinutes(4));
            Assert.Equal(6, reports.Count);
            var maps = File.ReadAllText($"/proc/{kernel.Id}/maps");
            Assert.DoesNotContain("libzmq", maps);
            Assert.Contains("NetMQ.dll", maps);
        }
        finally
        {
            if (kernel is { HasExited: false })
            {
                kernel.Kill(entireProcessTree: true);
                kernel.WaitForExit(10_000);
            }

            kernel?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every file the dynamic loader could open as libzmq.so.5 (the soname link and its target), from ldconfig's cache.</summary>
    private static IReadOnlyList<string> LibzmqFiles()
    {
        var start = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
        using var ldconfig = Process.Start(start)!;
        var cache = ldconfig.StandardOutput.ReadToEnd();
        ldconfig.WaitForExit();
        return cache.Split('\n')
            .Where(line => line.Contains("libzmq.so", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf("=> ", StringComparison.Ordinal) + 3)..].Trim())
            .Where(File.Exists)
            .Select(path => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path)
            .Distinct()
            .ToArray();
    }

    private const string TwoLanguageNotebook = """
        {
          "cells": [
            {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["6 * 7"]},
            {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["#!fsharp\n", "printfn \"F# says hi\""]}
          ],
          "metadata": {"kernelspec": {"name": "neurornn-csharp", "display_name": "C# (NeuroRnn)", "language": "csharp"}},
          "nbformat": 4,
          "nbformat_minor": 5
        }
        """;
}
