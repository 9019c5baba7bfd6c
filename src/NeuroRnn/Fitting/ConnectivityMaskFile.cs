using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Mat;

namespace NeuroRnn.Fitting;

/// <summary>
/// Reads a recurrent connectivity mask (<see cref="FitConstraints.RecurrentMask"/>) from a file a lab already has: an N×N
/// matrix [postsynaptic row, presynaptic column] of 0/1 (or true/false) values, 1 = the connection may exist.
/// Formats, by extension: <c>.npy</c> (any numeric or bool dtype), <c>.npz</c> (its only array, or the one named "mask"),
/// <c>.csv</c>/<c>.txt</c> (N lines of N comma-, semicolon-, tab- or space-separated numbers; no header), <c>.mat</c> (v5–v7.3;
/// its only numeric/logical variable, or the one named "mask"). MATLAB's A(i, j) is row i, column j, as in NumPy.
/// </summary>
public static class ConnectivityMaskFile
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The mask in <paramref name="path"/>; with <paramref name="unitCount"/>, it must be that many units square.</summary>
    /// <exception cref="ArgumentException">The file is missing, of an unknown kind, or does not hold an N×N matrix of 0/1 values
    /// (the message names the file and the problem, e.g. its shape).</exception>
    public static bool[,] Read(string path, int? unitCount = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ArgumentException($"Mask file '{path}' does not exist.", nameof(path));
        string extension = Path.GetExtension(path).ToLowerInvariant();
        (double[] values, int[] shape) = extension switch
        {
            ".npy" => FromNpy(NpyReader.Read(path), path),
            ".npz" => FromNpz(path),
            ".csv" or ".txt" or ".tsv" => FromText(path),
            ".mat" => FromMat(path),
            _ => throw new ArgumentException($"Mask file '{path}' has the extension '{extension}'; a mask is read from .npy, .npz, .csv/.txt/.tsv or .mat.", nameof(path)),
        };
        if (shape.Length != 2 || shape[0] != shape[1])
            throw new ArgumentException($"Mask file '{path}' holds a {string.Join("×", shape)} array; a recurrent mask is a square N×N matrix [postsynaptic, presynaptic].", nameof(path));
        int n = shape[0];
        if (unitCount is { } expected && n != expected)
            throw new ArgumentException($"Mask file '{path}' holds a {n}×{n} matrix, but the network has {expected} units: the mask must be {expected}×{expected}.", nameof(path));
        var mask = new bool[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double v = values[i * n + j];
                mask[i, j] = v switch
                {
                    0 => false,
                    1 => true,
                    _ => throw new ArgumentException(string.Create(Inv, $"Mask file '{path}' has the value {v} at row {i}, column {j}; a mask holds only 0 (no connection) and 1 (connection)."), nameof(path)),
                };
            }
        return mask;
    }

    private static (double[], int[]) FromNpy(NpyArray array, string path)
    {
        if (array.ElementType == NpyElementType.Unicode) throw new ArgumentException($"Mask file '{path}' holds text, not numbers.", nameof(path));
        return (array.ToDoubleArray(), [.. array.Shape]);
    }

    private static (double[], int[]) FromNpz(string path)
    {
        var npz = NpzFile.Read(path);
        if (npz.Contains("mask")) return FromNpy(npz["mask"], path);
        if (npz.Arrays.Count == 1) return FromNpy(npz.Arrays[0].Value, path);
        throw new ArgumentException($"Mask file '{path}' holds {npz.Arrays.Count} arrays ({string.Join(", ", npz.Names)}) and none is named 'mask'.", nameof(path));
    }

    private static (double[], int[]) FromMat(string path)
    {
        var mat = MatFileReader.Read(path);
        var numeric = mat.Variables.Where(v => v.Value is MatNumericArray).ToArray();
        var chosen = mat.Contains("mask") ? mat["mask"]
            : numeric.Length == 1 ? numeric[0].Value
            : throw new ArgumentException($"Mask file '{path}' holds {numeric.Length} numeric variables ({string.Join(", ", numeric.Select(v => v.Key))}) and none is named 'mask'.", nameof(path));
        if (chosen is not MatNumericArray array || array.IsComplex)
            throw new ArgumentException($"Mask file '{path}': the variable holding the mask is a {chosen.Describe()}, not a real numeric or logical matrix.", nameof(path));
        return (array.ToRowMajorArray(), [.. array.Dimensions]);
    }

    private static (double[], int[]) FromText(string path)
    {
        var rows = new List<double[]>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0) continue;
            var cells = line.Split([',', ';', '\t', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var row = new double[cells.Length];
            for (int j = 0; j < cells.Length; j++)
            {
                string cell = cells[j];
                row[j] = cell.ToLowerInvariant() switch
                {
                    "true" => 1,
                    "false" => 0,
                    _ => double.TryParse(cell, NumberStyles.Float, Inv, out double v) ? v
                        : throw new ArgumentException($"Mask file '{path}' line {lineNumber}, column {j + 1}: '{cell}' is not a number (a mask file has no header).", nameof(path)),
                };
            }
            if (rows.Count > 0 && row.Length != rows[0].Length)
                throw new ArgumentException($"Mask file '{path}' line {lineNumber} has {row.Length} values but the first row has {rows[0].Length}; every row of the mask has N values.", nameof(path));
            rows.Add(row);
        }
        if (rows.Count == 0) throw new ArgumentException($"Mask file '{path}' is empty.", nameof(path));
        return ([.. rows.SelectMany(r => r)], [rows.Count, rows[0].Length]);
    }
}
