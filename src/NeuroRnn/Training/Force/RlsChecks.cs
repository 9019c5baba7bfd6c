namespace NeuroRnn.Training.Force;

/// <summary>Validation shared by the FORCE and full-FORCE options and trainers.</summary>
internal static class RlsChecks
{
    /// <summary>Checks the settings both option records have, then each named positive scale.</summary>
    public static void Common(string record, double regularization, int updateInterval, double initialStateStd,
        params (string Name, double Value)[] positive)
    {
        static void Check(bool ok, string record, string name, string message)
        {
            if (!ok) throw new ArgumentException($"{record}.{name} {message}", name);
        }
        Check(regularization > 0 && double.IsFinite(regularization), record, "Regularization", $"must be positive and finite, got {regularization}.");
        Check(updateInterval >= 1, record, "UpdateInterval", $"must be ≥ 1, got {updateInterval}.");
        Check(initialStateStd >= 0 && double.IsFinite(initialStateStd), record, "InitialStateStd", $"must be ≥ 0 and finite, got {initialStateStd}.");
        foreach (var (name, value) in positive)
            Check(value > 0 && double.IsFinite(value), record, name, $"must be positive and finite, got {value}.");
    }
}
