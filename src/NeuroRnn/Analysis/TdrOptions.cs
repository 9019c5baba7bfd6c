namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="TargetedDimensionalityReduction"/>.</summary>
public sealed record TdrOptions
{
    /// <summary>
    /// Principal components the regression vectors are projected onto to denoise them (Mante et al. used 12). Capped at
    /// the number of units and at (conditions × time bins − 1); 0 turns denoising off. Default 12.
    /// </summary>
    public int PrincipalComponents { get; init; } = 12;

    /// <summary>
    /// Z-score each unit with the mean and standard deviation of its single-trial responses over all time bins and
    /// trials before averaging and regressing (a unit that never varies becomes zero). Default true.
    /// </summary>
    public bool ZScore { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (PrincipalComponents < 0)
            throw new ArgumentException($"TdrOptions.PrincipalComponents must be ≥ 0 (0 = no denoising), got {PrincipalComponents}.", nameof(PrincipalComponents));
    }
}
