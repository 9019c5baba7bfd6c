using System.Text;

namespace NeuroRnn.Data.Mat;

/// <summary>The variables of a MAT v5 file, by name and in file order, plus any warnings from reading it.</summary>
public sealed class MatFile
{
    private readonly KeyValuePair<string, MatValue>[] variables;

    /// <summary>Creates a file model.</summary>
    public MatFile(string headerText, IEnumerable<KeyValuePair<string, MatValue>> variables, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(headerText);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(warnings);
        HeaderText = headerText;
        this.variables = variables.ToArray();
        Warnings = warnings.ToArray();
    }

    /// <summary>The descriptive text of the 128-byte header (e.g. "MATLAB 5.0 MAT-file, written by Octave…").</summary>
    public string HeaderText { get; }

    /// <summary>The variables in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, MatValue>> Variables => variables;

    /// <summary>The variable names in file order.</summary>
    public IReadOnlyList<string> Names => variables.Select(v => v.Key).ToArray();

    /// <summary>What was skipped or approximated while reading (unsupported classes, complex parts dropped…).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when a variable named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => variables.Any(v => v.Key == name);

    /// <summary>The variable named <paramref name="name"/> (the last one if the name repeats, as MATLAB's load does).</summary>
    /// <exception cref="KeyNotFoundException">No such variable (the message lists the names present).</exception>
    public MatValue this[string name]
    {
        get
        {
            for (int i = variables.Length - 1; i >= 0; i--) if (variables[i].Key == name) return variables[i].Value;
            throw new KeyNotFoundException($"No variable '{name}'; the file holds {string.Join(", ", variables.Select(v => v.Key))}.");
        }
    }

    /// <summary>A listing of the variables (name, size, class) and warnings.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine(HeaderText.Trim());
        foreach (var (name, value) in variables) sb.AppendLine($"  {name}: {value.Describe()}");
        foreach (var warning in Warnings) sb.AppendLine($"  warning: {warning}");
        return sb.ToString().TrimEnd();
    }
}
