namespace Industry.Clusters.Domain;

/// <summary>The editable content of an enterprise as a caller supplies it (create or update), before validation.</summary>
public sealed record EnterpriseDraft
{
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>GB/T 2260 code of the county where the enterprise is registered.</summary>
    public string CountyCode { get; init; } = string.Empty;

    /// <summary>GB/T 4754 manufacturing class of the main business, <c>C3841</c>.</summary>
    public string Gbt4754Class { get; init; } = string.Empty;

    /// <summary>The 4+10 industry as a resource name (<c>industries/AUTO</c>), or empty to derive it from the class.</summary>
    public string Industry { get; init; } = string.Empty;

    /// <summary>规上: currently above designated size.</summary>
    public bool AboveSize { get; init; }

    /// <summary>纳规年度: the year it entered the above-size statistics; 0 when never.</summary>
    public int AboveSizeYear { get; init; }

    /// <summary>退规年度: the year it left the above-size statistics; 0 while above size or when not known.</summary>
    public int AboveSizeExitYear { get; init; }
}
