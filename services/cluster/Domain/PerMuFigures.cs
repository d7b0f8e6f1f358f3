namespace Industry.Clusters.Domain;

/// <summary>
/// The editable content of a per-mu evaluation as a caller supplies it: the grade and what it was based on. A null
/// grade is "not given" (the proto's UNSPECIFIED).
/// </summary>
public sealed record PerMuFigures
{
    public PerMuGrade? Grade { get; init; }

    /// <summary>用地面积 in mu (亩), at most two decimals.</summary>
    public decimal LandAreaMu { get; init; }

    /// <summary>实缴税收 in yuan.</summary>
    public long TaxYuan { get; init; }

    /// <summary>营业收入 in yuan.</summary>
    public long RevenueYuan { get; init; }
}
