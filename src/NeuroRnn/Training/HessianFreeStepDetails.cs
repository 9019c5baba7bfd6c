namespace NeuroRnn.Training;

/// <summary>What a Hessian-free iteration did besides the common statistics.</summary>
/// <param name="Rho">Reduction ratio ρ of the chosen step (−∞ when the step made the loss worse or was not computed).</param>
/// <param name="Lambda">Damping λ used in this iteration.</param>
/// <param name="CgIterations">Conjugate-gradient steps taken.</param>
/// <param name="ChosenCgIterate">The CG iteration whose iterate backtracking chose (0 when none).</param>
/// <param name="LineSearchStep">The step multiplier α the line search accepted (0 when rejected).</param>
public sealed record HessianFreeStepDetails(double Rho, double Lambda, int CgIterations, int ChosenCgIterate, double LineSearchStep) : StepDetails;
