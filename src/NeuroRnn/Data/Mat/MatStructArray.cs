namespace NeuroRnn.Data.Mat;

/// <summary>A MATLAB struct array (or object, read as a struct): field names and, per element, one value per field.</summary>
public sealed class MatStructArray : MatValue
{
    private readonly string[] fieldNames;
    private readonly MatValue[][] elements;

    /// <summary>Creates a struct array; <paramref name="elements"/> holds one value per field for each element (column-major).</summary>
    public MatStructArray(IReadOnlyList<int> dimensions, IReadOnlyList<string> fieldNames, IReadOnlyList<IReadOnlyList<MatValue>> elements, string? className = null)
        : base(dimensions)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(elements);
        this.fieldNames = fieldNames.ToArray();
        this.elements = elements.Select(e => e.ToArray()).ToArray();
        if (this.elements.LongLength != ElementCount) throw new ArgumentException($"{this.elements.Length} elements for dimensions {string.Join("x", dimensions)}.", nameof(elements));
        if (this.elements.Any(e => e.Length != this.fieldNames.Length)) throw new ArgumentException("Every element needs one value per field.", nameof(elements));
        ClassName = className;
    }

    /// <inheritdoc />
    public override MatClass Class => ClassName is null ? MatClass.Struct : MatClass.Object;

    /// <summary>For objects, the class name; otherwise null.</summary>
    public string? ClassName { get; }

    /// <summary>The field names, in file order.</summary>
    public IReadOnlyList<string> FieldNames => fieldNames;

    /// <summary>True when the struct has a field named <paramref name="field"/>.</summary>
    public bool HasField(string field) => Array.IndexOf(fieldNames, field) >= 0;

    /// <summary>The value of <paramref name="field"/> in element <paramref name="index"/> (zero-based, column-major).</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public MatValue Get(int index, string field)
    {
        int f = Array.IndexOf(fieldNames, field);
        if (f < 0) throw new KeyNotFoundException($"The struct has no field '{field}'; fields: {string.Join(", ", fieldNames)}.");
        if ((uint)index >= (uint)elements.Length) throw new ArgumentOutOfRangeException(nameof(index), $"Element {index} is outside 0..{elements.Length - 1}.");
        return elements[index][f];
    }

    /// <summary>The value of <paramref name="field"/> of a 1×1 struct.</summary>
    public MatValue this[string field] => Get(0, field);

    /// <inheritdoc />
    public override string Describe() => $"{base.Describe()}{(ClassName is null ? "" : $" ({ClassName})")} with fields {string.Join(", ", fieldNames)}";
}
