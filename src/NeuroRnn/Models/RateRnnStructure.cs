namespace NeuroRnn.Models;

/// <summary>
/// Everything about a rate RNN that does not change with its parameters: sizes, α, the excitatory/inhibitory
/// assignment, the connectivity masks and which parameters are trainable. Built once from validated options.
/// </summary>
internal sealed class RateRnnStructure
{
    public RateRnnStructure(RateRnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        N = options.UnitCount; I = options.InputCount; O = options.OutputCount;
        Alpha = options.Dt / options.Tau;
        Layout = RateRnnParameterLayout.For(options);
        AreaOfUnit = BuildAreas(options);
        if (options.DalesLaw)
        {
            Excitatory = new bool[N];
            ColumnSign = new double[N];
            var areas = options.Areas ?? [new NetworkArea("all", N)];
            int start = 0;
            foreach (var area in areas)
            {
                int excitatory = (int)Math.Round(options.ExcitatoryFraction * area.Size, MidpointRounding.AwayFromZero);
                for (int k = 0; k < area.Size; k++) Excitatory[start + k] = k < excitatory;
                start += area.Size;
            }
            for (int j = 0; j < N; j++) ColumnSign[j] = Excitatory[j] ? 1.0 : -1.0;
        }
        RecurrentMask = BuildRecurrentMask(options);
        InputMask = ToColumnMajor(options.InputMask, N, I);
        if (options.ReadoutFromExcitatoryOnly || options.OutputMask is not null)
        {
            OutputMask = new double[O * N];
            for (int j = 0; j < N; j++)
                for (int o = 0; o < O; o++)
                    OutputMask[j * O + o] = (!options.ReadoutFromExcitatoryOnly || Excitatory![j]) && (options.OutputMask?[o, j] ?? true) ? 1 : 0;
        }
        if (options.ReadoutUnits is { } units)
        {
            ReadoutUnits = [.. units];
            IdentityReadout = O == N && ReadoutUnits.Select((u, k) => u == k).All(x => x);
        }
        (Trainable, DecayMask) = BuildTrainable(options);
    }

    public RateRnnOptions Options { get; }
    public int N { get; }
    public int I { get; }
    public int O { get; }
    public double Alpha { get; }
    public RateRnnParameterLayout Layout { get; }
    public int ParameterCount => Layout.Count;
    public int[] AreaOfUnit { get; }
    public bool[]? Excitatory { get; }
    /// <summary>+1/−1 per presynaptic unit under Dale's law, else null.</summary>
    public double[]? ColumnSign { get; }
    /// <summary>N×N column-major 0/1 connectivity, or null when every connection exists.</summary>
    public double[]? RecurrentMask { get; }
    /// <summary>N×I column-major 0/1, or null.</summary>
    public double[]? InputMask { get; }
    /// <summary>O×N column-major 0/1, or null.</summary>
    public double[]? OutputMask { get; }
    public int[]? ReadoutUnits { get; }
    /// <summary>Unit readout of units 0…N−1 in order: outputs alias the rates, no gather needed.</summary>
    public bool IdentityReadout { get; }
    /// <summary>Per-parameter 0/1: 0 where masked or frozen (zero gradient and curvature), or null when all train.</summary>
    public double[]? Trainable { get; }
    /// <summary>Per-parameter 0/1: 1 on trainable weight entries (W̃_rec, W_in, W_out) that weight decay acts on.</summary>
    public double[] DecayMask { get; }

    private static int[] BuildAreas(RateRnnOptions options)
    {
        var area = new int[options.UnitCount];
        if (options.Areas is null) return area;
        int start = 0;
        for (int a = 0; a < options.Areas.Count; a++)
        {
            for (int k = 0; k < options.Areas[a].Size; k++) area[start + k] = a;
            start += options.Areas[a].Size;
        }
        return area;
    }

    private double[]? BuildRecurrentMask(RateRnnOptions options)
    {
        bool any = false;
        var mask = new double[N * N];
        for (int j = 0; j < N; j++)
            for (int i = 0; i < N; i++)
            {
                bool connected = options.RecurrentMask?[i, j] ?? true;
                if (i == j && !options.AllowAutapses) connected = false;
                int target = AreaOfUnit[i], source = AreaOfUnit[j];
                if (options.AreaConnections is { } areas && !areas[target, source]) connected = false;
                if (options.InterAreaExcitatoryOnly && target != source && !Excitatory![j]) connected = false;
                mask[j * N + i] = connected ? 1 : 0;
                any |= !connected;
            }
        return any ? mask : null;
    }

    private static double[]? ToColumnMajor(bool[,]? mask, int rows, int columns)
    {
        if (mask is null) return null;
        var result = new double[rows * columns];
        for (int j = 0; j < columns; j++)
            for (int i = 0; i < rows; i++) result[j * rows + i] = mask[i, j] ? 1 : 0;
        return result;
    }

    private (double[]? Trainable, double[] Decay) BuildTrainable(RateRnnOptions options)
    {
        int p = Layout.Count;
        var trainable = new double[p];
        Array.Fill(trainable, 1.0);
        CopyMask(RecurrentMask, trainable, ParameterBlock.RecurrentWeights);
        CopyMask(InputMask, trainable, ParameterBlock.InputWeights);
        CopyMask(OutputMask, trainable, ParameterBlock.OutputWeights);
        if (options.FrozenParameters is { } frozen)
            for (int k = 0; k < p; k++) if (frozen[k]) trainable[k] = 0;
        var decay = new double[p];
        foreach (var block in new[] { ParameterBlock.RecurrentWeights, ParameterBlock.InputWeights, ParameterBlock.OutputWeights })
        {
            int offset = Layout.Offset(block), length = Layout.Length(block);
            for (int k = offset; k < offset + length; k++) decay[k] = trainable[k];
        }
        return (trainable.All(v => v == 1.0) ? null : trainable, decay);
    }

    private void CopyMask(double[]? mask, double[] trainable, ParameterBlock block)
    {
        if (mask is null) return;
        mask.CopyTo(trainable, Layout.Offset(block));
    }
}
