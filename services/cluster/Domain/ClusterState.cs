namespace Industry.Clusters.Domain;

/// <summary>A cluster's place in its lifecycle (<see cref="ClusterLifecycle"/>). Numbers as in the proto.</summary>
public enum ClusterState
{
    /// <summary>培育中: being cultivated, not yet recognised.</summary>
    Cultivating = 1,

    /// <summary>已认定: recognised at a level.</summary>
    Recognized = 2,

    /// <summary>撤销: recognition revoked; final.</summary>
    Revoked = 3,
}
