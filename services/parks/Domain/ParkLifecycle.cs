using System.Collections.Frozen;

namespace Industry.Parks.Domain;

/// <summary>
/// The certification workflow of a park: APPLIED or REJECTED → <c>SubmitPark</c> → UNDER_REVIEW → <c>CertifyPark</c> →
/// CERTIFIED → <c>RevokePark</c> → REVOKED (final); UNDER_REVIEW → <c>RejectPark</c> → REJECTED. Anything else is
/// refused. Transitions are named by their methods, as callers act on them.
/// </summary>
public static class ParkLifecycle
{
    private static readonly FrozenDictionary<ParkTransition, (ParkState[] From, ParkState To)> Steps = new Dictionary<ParkTransition, (ParkState[], ParkState)>
    {
        [ParkTransition.Submit] = ([ParkState.Applied, ParkState.Rejected], ParkState.UnderReview),
        [ParkTransition.Certify] = ([ParkState.UnderReview], ParkState.Certified),
        [ParkTransition.Reject] = ([ParkState.UnderReview], ParkState.Rejected),
        [ParkTransition.Revoke] = ([ParkState.Certified], ParkState.Revoked),
    }.ToFrozenDictionary();

    public static bool CanApply(ParkState state, ParkTransition transition) => Steps[transition].From.Contains(state);

    /// <summary>The state <paramref name="transition"/> leads to.</summary>
    public static ParkState Target(ParkTransition transition) => Steps[transition].To;

    /// <summary>The transitions open to a park in <paramref name="state"/>, in a stable order.</summary>
    public static IReadOnlyList<ParkTransition> AllowedFrom(ParkState state) =>
        [.. Enum.GetValues<ParkTransition>().Where(t => CanApply(state, t))];

    /// <summary>Whether transformations may be recorded in a park in <paramref name="state"/> (not REJECTED or REVOKED).</summary>
    public static bool AcceptsTransformations(ParkState state) => state is ParkState.Applied or ParkState.UnderReview or ParkState.Certified;

    /// <summary>Whether the park may be deleted: certifications are history, so never once CERTIFIED or REVOKED.</summary>
    public static bool IsDeletable(ParkState state) => state is not (ParkState.Certified or ParkState.Revoked);

    /// <summary>The transition as the API names it: its method, <c>CertifyPark</c>.</summary>
    public static string ApiName(ParkTransition transition) => transition + "Park";

    /// <summary>The state as the API names it, <c>PARK_STATE_UNDER_REVIEW</c>.</summary>
    public static string ApiName(ParkState state) => "PARK_STATE_" + ApiNames.UpperSnake(state.ToString());
}

/// <summary>The custom methods that move a park through its workflow.</summary>
public enum ParkTransition
{
    Submit,
    Certify,
    Reject,
    Revoke,
}

/// <summary>Enum members in the proto's UPPER_SNAKE spelling.</summary>
internal static class ApiNames
{
    public static string UpperSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
