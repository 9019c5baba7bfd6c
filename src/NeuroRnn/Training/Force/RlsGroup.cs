using NeuroRnn.Numerics;

namespace NeuroRnn.Training.Force;

/// <summary>
/// Units that receive input from the same presynaptic set share one RLS problem: the regressors are the rates of that
/// set, the outputs the units' recurrent inputs (and, for the group that sees every unit, the read-out and hint rows
/// after them). A dense network is one group with one N×N P; a random mask gives one group (and one small P) per unit.
/// Weights are held compactly (rows × inputs) in the group's <see cref="RecursiveLeastSquares"/>.
/// </summary>
internal sealed class RlsGroup
{
    public RlsGroup(int[] units, int[] inputs, int unitCount, int readoutRows)
    {
        Units = units;
        Inputs = inputs;
        ReadoutRows = readoutRows;
        AllInputs = inputs.Length == unitCount;
        AllUnitsInOrder = units.Length == unitCount;
        Regressor = AllInputs ? [] : new double[inputs.Length];
        Error = new double[Rows];
        Prediction = new double[units.Length];
    }

    /// <summary>Postsynaptic units whose incoming weights this group trains (ascending).</summary>
    public int[] Units { get; }

    /// <summary>Presynaptic units (ascending): the regressors.</summary>
    public int[] Inputs { get; }

    /// <summary>Read-out and hint rows after the unit rows (only in the read-out's group).</summary>
    public int ReadoutRows { get; }

    /// <summary>Inputs are all units 0…N−1: the rates are the regressors as they are.</summary>
    public bool AllInputs { get; }

    /// <summary>Units are all units 0…N−1: predictions are the recurrent inputs as they are.</summary>
    public bool AllUnitsInOrder { get; }

    public int Rows => Units.Length + ReadoutRows;

    public RecursiveLeastSquares Rls { get; private set; } = null!;

    public double[] Regressor { get; }

    public double[] Error { get; }

    public double[] Prediction { get; }

    public int PLength => Inputs.Length * Inputs.Length;

    public void Start(double regularization, INumericsBackend backend) =>
        Rls = new RecursiveLeastSquares(Inputs.Length, Rows, regularization, backend);

    /// <summary>Continues from <paramref name="p"/> (the group's part of a saved state); weights are loaded separately.</summary>
    public void Continue(ReadOnlySpan<double> p, INumericsBackend backend) =>
        Rls = new RecursiveLeastSquares(Inputs.Length, Rows, new double[Rows * Inputs.Length], p.ToArray(), backend);

    /// <summary>The rates of <see cref="Inputs"/>: the rates themselves or a gathered copy.</summary>
    public ReadOnlySpan<double> Gather(ReadOnlySpan<double> rates)
    {
        if (AllInputs) return rates;
        for (int c = 0; c < Inputs.Length; c++) Regressor[c] = rates[Inputs[c]];
        return Regressor;
    }

    /// <summary>
    /// Partitions units by presynaptic set (effective mask <paramref name="mask"/>, N×N column-major [post, pre], null = dense)
    /// and attaches <paramref name="readoutRows"/> to the first group that sees every unit, or to a group of its own.
    /// </summary>
    public static RlsGroup[] Build(int n, double[]? mask, int readoutRows, out RlsGroup readout)
    {
        var byInputs = new Dictionary<string, (List<int> Units, int[] Inputs)>(StringComparer.Ordinal);
        var order = new List<string>();
        var row = new char[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) row[j] = mask is null || mask[j * n + i] != 0 ? '1' : '0';
            string key = new(row);
            if (!key.Contains('1')) continue; // no recurrent input: nothing to train
            if (!byInputs.TryGetValue(key, out var group))
            {
                var inputs = Enumerable.Range(0, n).Where(j => key[j] == '1').ToArray();
                byInputs[key] = group = ([], inputs);
                order.Add(key);
            }
            group.Units.Add(i);
        }
        var groups = new List<RlsGroup>();
        RlsGroup? withReadout = null;
        foreach (var key in order)
        {
            var (units, inputs) = byInputs[key];
            bool takesReadout = withReadout is null && inputs.Length == n;
            var group = new RlsGroup([.. units], inputs, n, takesReadout ? readoutRows : 0);
            if (takesReadout) withReadout = group;
            groups.Add(group);
        }
        if (withReadout is null)
        {
            withReadout = new RlsGroup([], Enumerable.Range(0, n).ToArray(), n, readoutRows);
            groups.Add(withReadout);
        }
        readout = withReadout;
        return [.. groups];
    }
}
