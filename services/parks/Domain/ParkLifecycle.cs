namespace Industry.Parks.Domain;

/// <summary>
/// The certification workflow of a park: APPLIED or REJECTED → <c>SubmitPark</c> → UNDER_REVIEW → <c>CertifyPark</c> →
/// CERTIFIED → <c>RevokePark</c> → REVOKED (final); UNDER_REVIEW → <c>RejectPark</c> → REJECTED. Anything else is
/// refused. Transitions are named by their methods, as callers act on them.
/// </summary>
public static class ParkLifecycle
{
    public static readonly Lifecycle<ParkState, ParkTransition> Workflow = new Lifecycle<ParkState, ParkTransition>(ApiName, t => t + "Park")
        .Allow(ParkTransition.Submit, ParkState.UnderReview, ParkState.Applied, ParkState.Rejected)
        .Allow(ParkTransition.Certify, ParkState.Certified, ParkState.UnderReview)
        .Allow(ParkTransition.Reject, ParkState.Rejected, ParkState.UnderReview)
        .Allow(ParkTransition.Revoke, ParkState.Revoked, ParkState.Certified);

    /// <summary>Whether transformations may be recorded in a park in <paramref name="state"/> (not REJECTED or REVOKED).</summary>
    public static bool AcceptsTransformations(ParkState state) => state is ParkState.Applied or ParkState.UnderReview or ParkState.Certified;

    /// <summary>Whether the park may be deleted: certifications are history, so never once CERTIFIED or REVOKED.</summary>
    public static bool IsDeletable(ParkState state) => state is not (ParkState.Certified or ParkState.Revoked);

    /// <summary>The state as the API names it, <c>PARK_STATE_UNDER_REVIEW</c>.</summary>
    public static string ApiName(ParkState state) => ApiEnumNames.Of(state, "PARK_STATE_");
}

/// <summary>The custom methods that move a park through its workflow.</summary>
public enum ParkTransition
{
    Submit,
    Certify,
    Reject,
    Revoke,
}
