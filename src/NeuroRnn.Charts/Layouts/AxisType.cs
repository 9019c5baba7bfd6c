namespace NeuroRnn.Charts;

/// <summary>plotly axis <c>type</c>.</summary>
public enum AxisType
{
    /// <summary>Let plotly guess from the data ("-").</summary>
    Auto,

    /// <summary>"linear".</summary>
    Linear,

    /// <summary>"log" (base 10; ranges are given in log10 units).</summary>
    Log,

    /// <summary>"category".</summary>
    Category,

    /// <summary>"date".</summary>
    Date,
}
