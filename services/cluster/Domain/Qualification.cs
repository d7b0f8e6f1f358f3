namespace Industry.Clusters.Domain;

/// <summary>
/// A qualification an enterprise was granted, with the year granted, so that progress counts the grants of a year in
/// SQL, and its validity (有效期). A revocation marks it (<see cref="RevokeTime"/>) instead of deleting it, so that
/// the year it was granted in keeps its count; a type revoked can be granted again, as a row of its own.
/// </summary>
public sealed class Qualification(string uscc, QualificationType type, int year, DateTime grantTime, DateOnly validFrom, DateOnly? validUntil)
{
    /// <summary>Surrogate key: an enterprise may hold a type, lose it and be granted it again.</summary>
    public long Id { get; private set; }

    public string Uscc { get; private set; } = uscc;

    public QualificationType Type { get; private set; } = type;

    /// <summary>认定年度: the year granted.</summary>
    public int Year { get; private set; } = year;

    public DateTime GrantTime { get; private set; } = grantTime;

    /// <summary>有效期起.</summary>
    public DateOnly ValidFrom { get; private set; } = validFrom;

    /// <summary>有效期至; null for no fixed term.</summary>
    public DateOnly? ValidUntil { get; private set; } = validUntil;

    /// <summary>撤销时间; null while held.</summary>
    public DateTime? RevokeTime { get; private set; }

    /// <summary>Year of <see cref="RevokeTime"/>, stored so that progress filters "not revoked in the year granted" in SQL.</summary>
    public int? RevokeYear { get; private set; }

    public string RevokeReason { get; private set; } = string.Empty;

    /// <summary>复核时间: the last re-review; null when never re-reviewed.</summary>
    public DateTime? ReviewTime { get; private set; }

    public bool Held => RevokeTime is null;

    internal void MarkRevoked(DateTime now, string reason)
    {
        RevokeTime = now;
        RevokeYear = now.Year;
        RevokeReason = reason;
    }

    /// <summary>A passed re-review: the term runs to <paramref name="validUntil"/> now.</summary>
    internal void MarkReviewPassed(DateTime now, DateOnly validUntil)
    {
        ReviewTime = now;
        ValidUntil = validUntil;
    }

    /// <summary>A failed re-review: revoked at the time of the review, with <see cref="QualificationReview.FailedReason"/>.</summary>
    internal void MarkReviewFailed(DateTime now)
    {
        ReviewTime = now;
        MarkRevoked(now, QualificationReview.FailedReason);
    }
}
