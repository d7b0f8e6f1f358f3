namespace Industry.Clusters.Domain;

/// <summary>
/// 复核: the re-review of a qualification an enterprise holds, an outcome of its own. A pass extends the term of
/// validity (有效期) to a new last day; a failure revokes the qualification like <c>RevokeQualification</c>, so the
/// year it was granted in keeps its count unless it fails in that same year (ADR 0041).
/// </summary>
public static class QualificationReview
{
    /// <summary>The revocation reason of a failed re-review, as the department words it.</summary>
    public const string FailedReason = "复核未通过";

    /// <summary>
    /// The arguments of <c>ReviewQualification</c> on their own: a type, an outcome, and a new last day of validity with
    /// a pass only.
    /// </summary>
    public static IReadOnlyList<FieldViolation> Check(QualificationType type, QualificationReviewOutcome outcome, DateOnly? validUntil) => new Violations()
        .Add("type", Enum.IsDefined(type) ? null : $"must be a qualification type; {QualificationLadder.ApiName(type)} is not.")
        .Add("outcome", Enum.IsDefined(outcome) ? null : "must be QUALIFICATION_REVIEW_OUTCOME_PASSED or QUALIFICATION_REVIEW_OUTCOME_FAILED.")
        .Add("valid_until", (outcome, validUntil) switch
        {
            (QualificationReviewOutcome.Passed, null) => "is required when the re-review passed: the new last day of validity.",
            (QualificationReviewOutcome.Failed, not null) => "must be unset when the re-review failed: the qualification is revoked.",
            _ => null,
        });

    /// <summary>
    /// Why <paramref name="type"/> cannot be re-reviewed with <paramref name="outcome"/> for an enterprise with
    /// <paramref name="qualifications"/> (held and revoked): NOT_FOUND when it never held the type, FAILED_PRECONDITION
    /// <c>QUALIFICATION_REVOKED</c> when it lost it and does not hold it again, for a failure what a revocation meets
    /// (<see cref="QualificationLadder.RevokeProblem"/>), for a pass INVALID_ARGUMENT when the new last day does not
    /// extend the term. Null when it can.
    /// </summary>
    public static ServiceException? Problem(string enterprise, IReadOnlyCollection<Qualification> qualifications, QualificationType type, QualificationReviewOutcome outcome, DateOnly? validUntil)
    {
        var held = qualifications.Where(q => q.Held).ToList();
        if (held.FirstOrDefault(q => q.Type == type) is not { } current)
        {
            var lost = qualifications.Where(q => q.Type == type).MaxBy(q => q.RevokeTime);
            return lost is null
                ? ServiceException.NotFound($"{enterprise} qualification {QualificationLadder.ApiName(type)}")
                : new ServiceException(ErrorKind.FailedPrecondition, "QUALIFICATION_REVOKED",
                    $"{enterprise} lost {QualificationLadder.ApiName(type)} on {lost.RevokeTime:yyyy-MM-dd} ({lost.RevokeReason}); a revoked qualification is not re-reviewed: grant it again instead.",
                    new Dictionary<string, string> { ["resource"] = enterprise, ["type"] = QualificationLadder.ApiName(type) },
                    preconditionViolations: [new("QUALIFICATION_HELD", QualificationLadder.ApiName(type), "Only a qualification the enterprise holds is re-reviewed.")]);
        }

        if (outcome == QualificationReviewOutcome.Failed)
        {
            return QualificationLadder.RevokeProblem(enterprise, held, type);
        }

        var floor = current.ValidUntil ?? current.ValidFrom.AddDays(-1);
        return validUntil is { } until && until <= floor
            ? ServiceException.InvalidArgument("valid_until", current.ValidUntil is { } end
                ? $"must be after the current valid_until ({end:yyyy-MM-dd}): a passed re-review extends the term."
                : $"must not be before valid_from ({current.ValidFrom:yyyy-MM-dd}).")
            : null;
    }
}
