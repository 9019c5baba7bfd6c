using System.Globalization;
using System.Runtime.InteropServices;

namespace NeuroRnn.Numerics;

/// <summary>
/// The facts <c>neurornn info</c> prints and benchmark reports embed: back-end, MKL, threads, instruction set,
/// .NET and CPU, as ordered key/value pairs with stable keys.
/// </summary>
public static class NumericsEnvironment
{
    /// <summary>Describes <paramref name="active"/> and the machine; MKL facts are included whenever MKL loads.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(INumericsBackend active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var facts = new List<KeyValuePair<string, string>>
        {
            new("backend", active.Name),
            new("description", active.Description),
            new("threads", active.ThreadCount.ToString(CultureInfo.InvariantCulture)),
        };
        if (NumericsBackend.IsMklAvailable)
        {
            var mkl = NumericsBackend.Mkl;
            facts.Add(new("mkl-version", mkl.Version));
            facts.Add(new("mkl-library", mkl.LibraryName));
            facts.Add(new("mkl-threading", mkl.ThreadingLayer));
            facts.Add(new("mkl-code-path", mkl.MklCodePath));
        }
        else
        {
            facts.Add(new("mkl-version", $"not available ({NumericsBackend.MklUnavailableReason})"));
        }
        facts.Add(new("instruction-set", HardwareInfo.InstructionSet));
        facts.Add(new("dotnet", RuntimeInformation.FrameworkDescription));
        facts.Add(new("os", RuntimeInformation.OSDescription));
        facts.Add(new("cpu", HardwareInfo.CpuModel));
        facts.Add(new("physical-cores", HardwareInfo.PhysicalCoreCount.ToString(CultureInfo.InvariantCulture)));
        facts.Add(new("logical-processors", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)));
        return facts;
    }

    /// <summary>The facts as <c>key: value</c> lines.</summary>
    public static string Format(IReadOnlyList<KeyValuePair<string, string>> facts) =>
        string.Join(Environment.NewLine, facts.Select(f => $"{f.Key}: {f.Value}"));
}
