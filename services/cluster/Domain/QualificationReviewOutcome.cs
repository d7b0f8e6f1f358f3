namespace Industry.Clusters.Domain;

/// <summary>复核结果: the outcome of a qualification's re-review. Numbers as in the proto.</summary>
public enum QualificationReviewOutcome
{
    /// <summary>复核通过: kept, its validity extended.</summary>
    Passed = 1,

    /// <summary>复核未通过: revoked.</summary>
    Failed = 2,
}
