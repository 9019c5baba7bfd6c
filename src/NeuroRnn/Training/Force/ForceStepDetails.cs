namespace NeuroRnn.Training.Force;

/// <summary>What one pass of FORCE or full-FORCE training did besides the common statistics. Errors are mean squares of
/// the a-priori errors (before each update) over the pass, i.e. while the network was learning.</summary>
/// <param name="OutputError">Read-out error: mean of (z − target)² over the output entries whose mask is set.</param>
/// <param name="HintError">Error of the hint read-out (a linear read-out of the hint signals from the rates, trained alongside):
/// mean of (ĥ − hint)² in the hints' own units; NaN without hints.</param>
/// <param name="RecurrentInputError">full-FORCE: mean over units and steps of (J r − (J^D r^D + u_out f_out + u_hint f_hint))²,
/// how well the learner's recurrent input matched the target network's; NaN for FORCE.</param>
/// <param name="RecurrentChangeNorm">‖ΔJ‖_F: Frobenius norm of the change of the recurrent weights over the pass.</param>
/// <param name="ReadoutChangeNorm">Frobenius norm of the change of the read-out weights over the pass.</param>
/// <param name="Updates">RLS updates made in the pass (each a rank-1 update of every P).</param>
/// <param name="Trials">Trials (conditions) simulated in the pass.</param>
public sealed record ForceStepDetails(double OutputError, double HintError, double RecurrentInputError,
    double RecurrentChangeNorm, double ReadoutChangeNorm, int Updates, int Trials) : StepDetails;
