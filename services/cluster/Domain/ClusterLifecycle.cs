namespace Industry.Clusters.Domain;

/// <summary>
/// The recognition ladder of a cluster: created CULTIVATING; <c>RecognizeCluster</c> at PROVINCIAL or NATIONAL from
/// CULTIVATING, or PROVINCIAL → NATIONAL (an upgrade); <c>RevokeCluster</c> from RECOGNIZED, which is final. Never a
/// recognition at the same or a lower level. A rung of the ladder is a state and a level together
/// (<see cref="ClusterPosition"/>); the API names its state, and the refusal's message its level too.
/// </summary>
public static class ClusterLifecycle
{
    public static readonly Lifecycle<ClusterPosition, ClusterTransition> Ladder = new Lifecycle<ClusterPosition, ClusterTransition>(ApiName, ApiName)
        .Allow(ClusterTransition.RecognizeProvincial, ClusterPosition.Provincial, ClusterPosition.Cultivating)
        .Allow(ClusterTransition.RecognizeNational, ClusterPosition.National, ClusterPosition.Cultivating, ClusterPosition.Provincial)
        .Allow(ClusterTransition.Revoke, ClusterPosition.Revoked, ClusterPosition.Provincial, ClusterPosition.National);

    /// <summary>The rung of a cluster in <paramref name="state"/> at <paramref name="level"/>.</summary>
    public static ClusterPosition Position(ClusterState state, ClusterLevel level) => state switch
    {
        ClusterState.Cultivating => ClusterPosition.Cultivating,
        ClusterState.Revoked => ClusterPosition.Revoked,
        _ => level == ClusterLevel.Provincial ? ClusterPosition.Provincial : ClusterPosition.National,
    };

    /// <summary>Where the cluster stands, as the refusal's message words it: <c>CLUSTER_STATE_RECOGNIZED at CLUSTER_LEVEL_NATIONAL</c>.</summary>
    public static string PositionText(ClusterState state, ClusterLevel level) =>
        level == ClusterLevel.None ? ApiName(state) : $"{ApiName(state)} at {ApiName(level)}";

    /// <summary>The recognition at <paramref name="level"/>; null for no level.</summary>
    public static ClusterTransition? Recognize(ClusterLevel level) => level switch
    {
        ClusterLevel.Provincial => ClusterTransition.RecognizeProvincial,
        ClusterLevel.National => ClusterTransition.RecognizeNational,
        _ => null,
    };

    public static bool CanRecognize(ClusterState state, ClusterLevel level, ClusterLevel target) =>
        Recognize(target) is { } transition && Ladder.CanApply(Position(state, level), transition);

    public static bool CanRevoke(ClusterState state) => state == ClusterState.Recognized;

    /// <summary>Every transition open to the cluster, in API terms: <c>RecognizeCluster(CLUSTER_LEVEL_NATIONAL)</c>, <c>RevokeCluster</c>.</summary>
    public static IReadOnlyList<string> AllowedTransitions(ClusterState state, ClusterLevel level) =>
        [.. Ladder.AllowedFrom(Position(state, level)).Select(ApiName)];

    public static string ApiName(ClusterPosition position) => position switch
    {
        ClusterPosition.Cultivating => ApiName(ClusterState.Cultivating),
        ClusterPosition.Revoked => ApiName(ClusterState.Revoked),
        _ => ApiName(ClusterState.Recognized),
    };

    public static string ApiName(ClusterTransition transition) => transition switch
    {
        ClusterTransition.RecognizeProvincial => $"RecognizeCluster({ApiName(ClusterLevel.Provincial)})",
        ClusterTransition.RecognizeNational => $"RecognizeCluster({ApiName(ClusterLevel.National)})",
        _ => "RevokeCluster",
    };

    public static string ApiName(ClusterState state) => ApiEnumNames.Of(state, "CLUSTER_STATE_");

    /// <summary>The level as the proto names it; no level is <c>CLUSTER_LEVEL_UNSPECIFIED</c>.</summary>
    public static string ApiName(ClusterLevel level) => level == ClusterLevel.None ? "CLUSTER_LEVEL_UNSPECIFIED" : ApiEnumNames.Of(level, "CLUSTER_LEVEL_");

    public static string ApiName(ClusterKind kind) => ApiEnumNames.Of(kind, "CLUSTER_KIND_");
}

/// <summary>A rung of the recognition ladder: the state, and while recognised the level.</summary>
public enum ClusterPosition
{
    Cultivating,
    Provincial,
    National,
    Revoked,
}

/// <summary>The custom methods that move a cluster up its ladder or off it.</summary>
public enum ClusterTransition
{
    RecognizeProvincial,
    RecognizeNational,
    Revoke,
}
