using System.CommandLine;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn data</c> command: generate the synthetic V1 dataset and summarise recording files.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Recordings: generate synthetic data, summarise files (NPZ, NPY, MAT v5/v7.3, NWB, CSV, spike tables).");
        command.Subcommands.Add(CreateGenerateV1());
        command.Subcommands.Add(CreateSummary());
        return command;
    }

    private static Command CreateGenerateV1()
    {
        var defaults = new V1GratingOptions();
        var output = new Option<FileInfo>("--out") { Description = "Output .npz file", Required = true };
        var units = new Option<int>("--units") { Description = "Number of units", DefaultValueFactory = _ => defaults.Units };
        var directions = new Option<int>("--orientations", "--directions") { Description = "Number of drift directions over 360° (12 gives 6 orientations × 2 directions)", DefaultValueFactory = _ => defaults.Directions };
        var trials = new Option<int>("--trials") { Description = "Trials per direction", DefaultValueFactory = _ => defaults.TrialsPerDirection };
        var binMs = new Option<double>("--bin-ms") { Description = "Bin width in ms", DefaultValueFactory = _ => defaults.BinMs };
        var seed = new Option<ulong>("--seed") { Description = "Seed (same seed, same bytes)", DefaultValueFactory = _ => defaults.Seed };
        var expected = new Option<bool>("--expected-counts") { Description = "Write each bin's expected count (no Poisson noise, trial gain 1): the ground-truth mean response to score fits against (neurornn fit --truth)" };
        var spikeTable = new Option<string?>("--spike-table")
        {
            Description = "Also write the counts as spike times: PREFIX-spikes.csv (unit,time_ms on a session clock, trials 3 s apart) and PREFIX-trials.csv (onset_ms + trial columns); read them back with `fit --data PREFIX-spikes.csv --trials-file PREFIX-trials.csv`",
        };
        var command = new Command("generate-v1", "Generate mouse-V1-like spike counts to drifting gratings (with ground-truth tuning) as a recording .npz.");
        foreach (var option in new Option[] { output, units, directions, trials, binMs, seed, expected, spikeTable }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var options = defaults with
            {
                Units = parseResult.GetValue(units),
                Directions = parseResult.GetValue(directions),
                TrialsPerDirection = parseResult.GetValue(trials),
                BinMs = parseResult.GetValue(binMs),
                Seed = parseResult.GetValue(seed),
                ExpectedCounts = parseResult.GetValue(expected),
            };
            var file = parseResult.GetValue(output)!;
            try
            {
                var recording = V1GratingGenerator.Generate(options);
                file.Directory?.Create();
                RecordingNpz.Write(recording, file.FullName);
                if (parseResult.GetValue(spikeTable) is { } prefix)
                {
                    if (options.ExpectedCounts) throw new ArgumentException("--spike-table needs spike counts, not --expected-counts.");
                    SpikeTableWriter.Write(recording, prefix + "-spikes.csv", prefix + "-trials.csv", trialPeriodMs: 3000, seed: options.Seed);
                    Console.WriteLine($"wrote {prefix}-spikes.csv and {prefix}-trials.csv");
                }
                Console.WriteLine(recording.Summary());
                Console.WriteLine($"wrote {file.FullName} ({new FileInfo(file.FullName).Length / 1024.0:0.#} KiB)");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"neurornn data generate-v1: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command CreateSummary()
    {
        var file = new Argument<FileInfo>("FILE") { Description = $"Any recording file: {string.Join(", ", RecordingFormats.Names)} (format sniffed from its first bytes)" };
        var read = new RecordingReadArguments();
        var command = new Command("summary", "Describe a data file: format, shapes, columns, variables, warnings.");
        command.Arguments.Add(file);
        read.AddTo(command);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!.FullName;
            try
            {
                Console.WriteLine(RecordingFormats.Describe(path, read.Bind(parseResult)));
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"neurornn data summary: {e.Message}");
                return 2;
            }
            catch (RecordingFormatException e)
            {
                Console.Error.WriteLine($"neurornn data summary: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
