namespace Industry.Clusters.Domain;

/// <summary>The editable content of a cluster as a caller supplies it (create or update), before validation.</summary>
public sealed record ClusterDraft
{
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>Null when not given (<c>CLUSTER_KIND_UNSPECIFIED</c>).</summary>
    public ClusterKind? Kind { get; init; }

    /// <summary>The 4+10 industry as a resource name, <c>industries/AUTO</c>.</summary>
    public string Industry { get; init; } = string.Empty;

    /// <summary>牵头市/县: GB/T 2260 code of the lead city or county.</summary>
    public string LeadDivisionCode { get; init; } = string.Empty;

    /// <summary>载体园区: the host zone's name, free text.</summary>
    public string HostParkDisplayName { get; init; } = string.Empty;

    /// <summary>The host park in the parks service (<c>parks/{park}</c>), or empty.</summary>
    public string HostPark { get; init; } = string.Empty;

    /// <summary>链主企业: chain-leader enterprises as <c>enterprises/{uscc}</c>, in the caller's order.</summary>
    public IReadOnlyList<string> ChainLeaders { get; init; } = [];

    public string Description { get; init; } = string.Empty;
}
