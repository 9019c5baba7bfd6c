namespace NeuroRnn.Sweeps;

/// <summary>The type of a job kind's parameter; spec values are checked against it before anything runs.</summary>
public enum SweepParameterType
{
    /// <summary>A whole number (a JSON number without fraction).</summary>
    Integer,

    /// <summary>Any finite number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A string (e.g. a task name).</summary>
    Text,

    /// <summary>A file path; a relative path is relative to the spec file's folder.</summary>
    Path,
}
