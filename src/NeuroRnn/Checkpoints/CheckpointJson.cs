using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NeuroRnn.Models;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Checkpoints;

/// <summary>
/// JSON conventions of checkpoints: enums as strings, NaN/±Infinity as named literals, rectangular bool masks as
/// arrays of rows, and each optimizer's <see cref="StepDetails"/> tagged with the optimizer's name. Used for model, loss
/// and optimizer options and for statistics so they round-trip exactly.
/// </summary>
public static class CheckpointJson
{
    /// <summary>The serializer options used for every JSON part of a checkpoint.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            IgnoreReadOnlyProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TagStepDetails } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new BoolMatrixConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serialises <paramref name="value"/> with the checkpoint conventions.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserialises <paramref name="json"/> with the checkpoint conventions.</summary>
    /// <exception cref="JsonException">The text is not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"The JSON text is null where a {typeof(T).Name} was expected.");

    /// <summary>The rate-RNN options stored in <paramref name="checkpoint"/>.</summary>
    /// <exception cref="ArgumentException">The checkpoint holds another model type.</exception>
    public static RateRnnOptions RateRnnOptions(this Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.ModelType != nameof(RateRnn))
            throw new ArgumentException($"The checkpoint holds a '{checkpoint.ModelType}' model, not a {nameof(RateRnn)}.", nameof(checkpoint));
        return Deserialize<RateRnnOptions>(checkpoint.ModelOptionsJson);
    }

    /// <summary>Rebuilds the network stored in <paramref name="checkpoint"/> with its parameters.</summary>
    public static RateRnn RateRnn(this Checkpoint checkpoint) => new(checkpoint.RateRnnOptions(), checkpoint.Parameters);

    /// <summary>Statistics details are written with an "Optimizer" tag naming their type, so a reader can rebuild them.</summary>
    private static void TagStepDetails(JsonTypeInfo info)
    {
        if (info.Type != typeof(StepDetails)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "Optimizer",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(HessianFreeStepDetails), HessianFreeTrainer.OptimizerName),
                new JsonDerivedType(typeof(AdamStepDetails), AdamTrainer.OptimizerName),
                // FORCE and full-FORCE report the same kind of details.
                new JsonDerivedType(typeof(ForceStepDetails), ForceTrainer.OptimizerName),
            },
        };
    }

    private sealed class BoolMatrixConverter : JsonConverter<bool[,]>
    {
        public override bool[,] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var rows = JsonSerializer.Deserialize<bool[][]>(ref reader, options) ?? throw new JsonException("A boolean matrix is null.");
            int columns = rows.Length == 0 ? 0 : rows[0].Length;
            var matrix = new bool[rows.Length, columns];
            for (int i = 0; i < rows.Length; i++)
            {
                if (rows[i].Length != columns) throw new JsonException($"Row {i} of a boolean matrix has {rows[i].Length} entries, row 0 has {columns}.");
                for (int j = 0; j < columns; j++) matrix[i, j] = rows[i][j];
            }
            return matrix;
        }

        public override void Write(Utf8JsonWriter writer, bool[,] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (int i = 0; i < value.GetLength(0); i++)
            {
                writer.WriteStartArray();
                for (int j = 0; j < value.GetLength(1); j++) writer.WriteBooleanValue(value[i, j]);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }
}
