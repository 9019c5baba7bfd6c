using NeuroRnn.Data;

namespace NeuroRnn.Interactive.Magics;

/// <summary><c>#!load-recording PATH --as rec</c>: reads a recording in any supported format (<see cref="Recording.Read"/>) into a variable.</summary>
internal static class LoadRecordingMagic
{
    public static MagicDefinition Definition { get; } = new(
        "#!load-recording",
        "Reads a recording (NWB, MAT v5/v7.3, NPZ, NPY, CSV, spike tables; the format is sniffed) into a variable: #!load-recording PATH --as rec",
        [
            new MagicOption("--path", "the file to read", typeof(string)) { Required = true, Implicit = true },
            new MagicOption("--as", "the variable to define", typeof(string)) { Default = "recording" },
        ],
        Run);

    private static Task Run(MagicCall call)
    {
        var path = call.Require<string>("--path");
        var name = ToolkitMagics.VariableName(call, "--as");
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new MagicUsageException($"#!load-recording: --path '{path}' does not exist (working directory {Environment.CurrentDirectory}).");
        Recording recording;
        try
        {
            recording = Recording.Read(path);
        }
        catch (Exception e) when (e is RecordingFormatException or IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            throw new MagicUsageException($"#!load-recording: cannot read --path '{path}': {e.Message}", e);
        }
        call.SetVariable(name, recording);
        call.Display($"{name} = {recording}");
        return Task.CompletedTask;
    }
}
