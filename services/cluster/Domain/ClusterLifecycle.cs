namespace Industry.Clusters.Domain;

/// <summary>
/// The recognition ladder of a cluster: created CULTIVATING; <c>RecognizeCluster</c> at PROVINCIAL or NATIONAL from
/// CULTIVATING, or PROVINCIAL → NATIONAL (an upgrade); <c>RevokeCluster</c> from RECOGNIZED, which is final. Never a
/// recognition at the same or a lower level. Transitions are named in API terms, for the errors callers act on.
/// </summary>
public static class ClusterLifecycle
{
    /// <summary>The transition <c>RevokeCluster</c>, in API terms.</summary>
    public const string Revoke = "RevokeCluster";

    /// <summary>The levels a cluster in <paramref name="state"/> at <paramref name="level"/> may be recognised at next.</summary>
    public static IReadOnlyList<ClusterLevel> RecognitionsFrom(ClusterState state, ClusterLevel level) => (state, level) switch
    {
        (ClusterState.Cultivating, _) => [ClusterLevel.Provincial, ClusterLevel.National],
        (ClusterState.Recognized, ClusterLevel.Provincial) => [ClusterLevel.National],
        _ => [],
    };

    public static bool CanRecognize(ClusterState state, ClusterLevel level, ClusterLevel target) => RecognitionsFrom(state, level).Contains(target);

    public static bool CanRevoke(ClusterState state) => state == ClusterState.Recognized;

    /// <summary>Every transition open to the cluster, in API terms: <c>RecognizeCluster(CLUSTER_LEVEL_NATIONAL)</c>, <c>RevokeCluster</c>.</summary>
    public static IReadOnlyList<string> AllowedTransitions(ClusterState state, ClusterLevel level) =>
        [.. RecognitionsFrom(state, level).Select(Recognize), .. CanRevoke(state) ? [Revoke] : Array.Empty<string>()];

    /// <summary>The transition <c>RecognizeCluster</c> at a level, in API terms.</summary>
    public static string Recognize(ClusterLevel level) => $"RecognizeCluster({ApiName(level)})";

    public static string ApiName(ClusterState state) => state switch
    {
        ClusterState.Cultivating => "CLUSTER_STATE_CULTIVATING",
        ClusterState.Recognized => "CLUSTER_STATE_RECOGNIZED",
        ClusterState.Revoked => "CLUSTER_STATE_REVOKED",
        _ => "CLUSTER_STATE_UNSPECIFIED",
    };

    public static string ApiName(ClusterLevel level) => level switch
    {
        ClusterLevel.Provincial => "CLUSTER_LEVEL_PROVINCIAL",
        ClusterLevel.National => "CLUSTER_LEVEL_NATIONAL",
        _ => "CLUSTER_LEVEL_UNSPECIFIED",
    };

    public static string ApiName(ClusterKind kind) => kind switch
    {
        ClusterKind.AdvancedManufacturing => "CLUSTER_KIND_ADVANCED_MANUFACTURING",
        ClusterKind.SmeCharacteristic => "CLUSTER_KIND_SME_CHARACTERISTIC",
        _ => "CLUSTER_KIND_UNSPECIFIED",
    };
}
