namespace Industry.Parks.Domain;

/// <summary>The editable content of a park as a caller supplies it (create or update), before validation.</summary>
public sealed record ParkDraft
{
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>GB/T 2260 code of the park's county.</summary>
    public string CountyCode { get; init; } = string.Empty;

    /// <summary>Null when not given (<c>PARK_TYPE_UNSPECIFIED</c>).</summary>
    public ParkType? ParkType { get; init; }

    /// <summary>主导产业 as a resource name, <c>industries/AUTO</c>; empty while the application has not chosen one.</summary>
    public string LeadIndustry { get; init; } = string.Empty;

    /// <summary>园区规上工业企业数: the park's above-size industrial enterprises, as reported.</summary>
    public int AboveSizeEnterpriseCount { get; init; }

    public string Description { get; init; } = string.Empty;
}
