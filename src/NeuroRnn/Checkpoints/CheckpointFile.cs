using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Training;

namespace NeuroRnn.Checkpoints;

/// <summary>
/// Reads and writes <see cref="Checkpoint"/>s: an 8-byte magic, a version, a UTF-8 JSON header, raw little-endian
/// float64 arrays and an FNV-1a 64 checksum (layout in FORMAT.md). Writes are atomic: the file is written under a
/// temporary name in the same folder, flushed to disk and renamed over the target, so a crash never leaves a
/// half-written checkpoint under the real name.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The first 8 bytes of every checkpoint.</summary>
    public static ReadOnlySpan<byte> Magic => "NRNNCKPT"u8;

    /// <summary>The format version this code writes. It also reads version 1 (statistics with Hessian-free's fields in
    /// every entry instead of per-optimizer details).</summary>
    public const int FormatVersion = 2;

    /// <summary>The oldest format version this code reads.</summary>
    public const int OldestReadableVersion = 1;

    private const int PrefixLength = 16; // magic, version, header length

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> atomically (format version <see cref="FormatVersion"/>).</summary>
    /// <exception cref="ArgumentException">The checkpoint is inconsistent (e.g. a state vector's length differs from the parameters')
    /// or holds the state of an optimizer checkpoints do not know.</exception>
    public static void Save(string path, Checkpoint checkpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(checkpoint.Optimizer);
        var (scalars, vectors) = OptimizerStateCodec.Encode(checkpoint.Optimizer, checkpoint.Parameters.Length);
        var arrays = new List<(string Name, double[] Values)> { ("parameters", checkpoint.Parameters) };
        foreach (var (name, values) in vectors) arrays.Add(("optimizer/" + name, values));

        var header = new JsonObject
        {
            ["format"] = "neurornn-checkpoint",
            ["version"] = FormatVersion,
            ["createdUtc"] = DateTime.UtcNow.ToString("O"),
            ["modelType"] = checkpoint.ModelType,
            ["modelOptions"] = ParseObject(checkpoint.ModelOptionsJson, "ModelOptionsJson"),
            ["lossOptions"] = checkpoint.LossOptionsJson is null ? null : ParseObject(checkpoint.LossOptionsJson, "LossOptionsJson"),
            ["seed"] = checkpoint.Seed,
            ["taskName"] = checkpoint.TaskName,
            ["taskLength"] = checkpoint.TaskLength,
            ["optimizer"] = new JsonObject
            {
                ["name"] = checkpoint.Optimizer.Optimizer,
                ["iteration"] = checkpoint.Optimizer.Iteration,
                ["scalars"] = JsonSerializer.SerializeToNode(scalars, CheckpointJson.Options),
                ["options"] = checkpoint.OptimizerOptionsJson is null ? null : ParseObject(checkpoint.OptimizerOptionsJson, "OptimizerOptionsJson"),
            },
            ["statistics"] = JsonSerializer.SerializeToNode(checkpoint.Statistics, CheckpointJson.Options),
            ["metadata"] = JsonSerializer.SerializeToNode(checkpoint.Metadata, CheckpointJson.Options),
            ["arrays"] = new JsonArray([.. arrays.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["length"] = a.Values.Length })]),
        };
        byte[] headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString(CheckpointJson.Options));
        int padding = Pad(PrefixLength + headerBytes.Length);
        long dataBytes = arrays.Sum(a => 8L * a.Values.Length);
        long total = PrefixLength + headerBytes.Length + padding + dataBytes + 8;
        if (total > int.MaxValue) throw new ArgumentException($"The checkpoint would be {total} bytes; the format is limited to 2 GiB.", nameof(checkpoint));

        var buffer = new byte[total];
        Magic.CopyTo(buffer);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(12), headerBytes.Length);
        headerBytes.CopyTo(buffer, PrefixLength);
        int at = PrefixLength + headerBytes.Length + padding;
        foreach (var (_, values) in arrays)
            foreach (double v in values)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), v);
                at += 8;
            }
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(at), Fnv1a64(buffer.AsSpan(0, at)));

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(buffer);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Reads the checkpoint at <paramref name="path"/>, verifying its structure and checksum.</summary>
    /// <exception cref="CheckpointException">The file is missing, truncated, corrupt or of another format (the message says which).</exception>
    public static Checkpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"cannot be read ({e.Message}).", e);
        }
        if (bytes.Length < PrefixLength + 8)
            throw new CheckpointException(path, $"is truncated: {bytes.Length} bytes is shorter than the smallest checkpoint.");
        if (!bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new CheckpointException(path, "is not a NeuroRnn checkpoint (the file does not start with NRNNCKPT).");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version < OldestReadableVersion || version > FormatVersion)
            throw new CheckpointException(path, $"has format version {version}; this version of NeuroRnn reads versions {OldestReadableVersion} to {FormatVersion}.");
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (headerLength <= 0 || (long)PrefixLength + headerLength + 8 > bytes.Length)
            throw new CheckpointException(path, $"is truncated or corrupt: its header claims {headerLength} bytes but the file has {bytes.Length}.");

        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(PrefixLength, headerLength)) as JsonObject
                ?? throw new CheckpointException(path, "has a header that is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new CheckpointException(path, $"has a corrupt JSON header ({e.Message}).", e);
        }

        try
        {
            var arrays = (header["arrays"] as JsonArray ?? throw Missing("arrays"))
                .Select(a => (Name: (string)a!["name"]!, Length: (int)a!["length"]!)).ToList();
            int at = PrefixLength + headerLength + Pad(PrefixLength + headerLength);
            long expected = at + arrays.Sum(a => 8L * a.Length) + 8;
            if (bytes.Length != expected)
                throw new CheckpointException(path, bytes.Length < expected
                    ? $"is truncated: the header describes {expected} bytes but the file has {bytes.Length}."
                    : $"has {bytes.Length - expected} unexpected bytes after the data described by its header.");
            ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8));
            ulong actual = Fnv1a64(bytes.AsSpan(0, bytes.Length - 8));
            if (stored != actual)
                throw new CheckpointException(path, $"is corrupt: checksum mismatch (stored {stored:x16}, computed {actual:x16}).");

            var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
            foreach (var (name, length) in arrays)
            {
                var array = new double[length];
                for (int k = 0; k < length; k++, at += 8) array[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(at));
                values[name] = array;
            }
            var optimizer = header["optimizer"] as JsonObject ?? throw Missing("optimizer");
            string optimizerName = (string?)optimizer["name"] ?? throw Missing("optimizer.name");
            var scalars = optimizer["scalars"]?.Deserialize<Dictionary<string, double>>(CheckpointJson.Options) ?? [];
            var vectors = values.Where(p => p.Key.StartsWith("optimizer/", StringComparison.Ordinal))
                .ToDictionary(p => p.Key["optimizer/".Length..], p => p.Value);
            var state = OptimizerStateCodec.Decode(path, optimizerName, (int?)optimizer["iteration"] ?? throw Missing("optimizer.iteration"), scalars, vectors);
            var statistics = version == 1
                ? (header["statistics"]?.Deserialize<List<LegacyStatistics>>(CheckpointJson.Options) ?? []).Select(s => s.Upgrade(optimizerName)).ToList()
                : header["statistics"]?.Deserialize<List<IterationStatistics>>(CheckpointJson.Options) ?? [];
            return new Checkpoint
            {
                ModelType = (string?)header["modelType"] ?? throw Missing("modelType"),
                ModelOptionsJson = header["modelOptions"]?.ToJsonString(CheckpointJson.Options) ?? throw Missing("modelOptions"),
                LossOptionsJson = header["lossOptions"]?.ToJsonString(CheckpointJson.Options),
                Parameters = values.TryGetValue("parameters", out var p) ? p : throw Missing("parameters array"),
                Optimizer = state,
                OptimizerOptionsJson = optimizer["options"]?.ToJsonString(CheckpointJson.Options),
                Seed = (int?)header["seed"] ?? 0,
                TaskName = (string?)header["taskName"],
                TaskLength = (int?)header["taskLength"],
                Statistics = statistics,
                Metadata = header["metadata"]?.Deserialize<Dictionary<string, string>>(CheckpointJson.Options) ?? [],
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new CheckpointException(path, $"has a malformed header ({e.Message}).", e);
        }

        CheckpointException Missing(string field) => new(path, $"has no '{field}' in its header.");
    }

    private static int Pad(int length) => (8 - length % 8) % 8;

    private static JsonNode ParseObject(string json, string field)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException($"Checkpoint.{field} must be a JSON object.", field);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Checkpoint.{field} is not valid JSON: {e.Message}", field, e);
        }
    }

    /// <summary>FNV-1a, 64-bit: a simple, fully specified checksum (detects truncation and bit rot, not tampering).</summary>
    internal static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        ulong hash = 0xcbf29ce484222325UL;
        foreach (byte b in data)
        {
            hash ^= b;
            hash *= 0x100000001b3UL;
        }
        return hash;
    }
}
