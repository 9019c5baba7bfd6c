namespace NeuroRnn.Models;

/// <summary>What the summed loss (and therefore the gradient and Gauss-Newton matrix) is divided by.</summary>
public enum LossNormalization
{
    /// <summary>
    /// By the sum of the mask weights that count (Σ mask for squared error and logistic outputs; for softmax,
    /// Σ over scored steps of the step weight): the loss is a mean over scored entries. With an all-ones mask and
    /// <see cref="RnnLossOptions.SquaredErrorScale"/> = 1 this is the mean squared error over all entries.
    /// </summary>
    MaskSum,
    /// <summary>By the number of trials B (Martens' "per case" convention).</summary>
    TrialCount,
    /// <summary>Not divided: the plain sum.</summary>
    None,
}
