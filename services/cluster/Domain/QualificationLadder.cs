namespace Industry.Clusters.Domain;

/// <summary>
/// 梯度培育: the national cultivation ladder of qualifications. An enterprise holds each type at most once; a
/// LITTLE_GIANT (小巨人) must already be a SPECIALIZED_SME (专精特新), granted in the same year or earlier, and a
/// SPECIALIZED_SME cannot be revoked while the LITTLE_GIANT built on it is held. The other types stand alone. Only
/// held qualifications count here: a revoked one is history.
/// </summary>
public static class QualificationLadder
{
    /// <summary>The type an enterprise must hold before <paramref name="type"/> can be granted, if any.</summary>
    public static QualificationType? Prerequisite(QualificationType type) =>
        type == QualificationType.LittleGiant ? QualificationType.SpecializedSme : null;

    /// <summary>The types granted on top of <paramref name="type"/>, which keep it from being revoked.</summary>
    public static IEnumerable<QualificationType> Dependents(QualificationType type) =>
        Enum.GetValues<QualificationType>().Where(t => Prerequisite(t) == type);

    /// <summary>
    /// The arguments of <c>GrantQualification</c> on their own: a type, a year not in the future, and a validity that
    /// starts in the year granted or later and does not end before it starts.
    /// </summary>
    public static IReadOnlyList<FieldViolation> CheckGrant(QualificationType type, int year, int currentYear, DateOnly? validFrom = null, DateOnly? validUntil = null)
    {
        var from = validFrom ?? (year is >= 1 and <= 9999 ? new DateOnly(year, 1, 1) : DateOnly.MinValue);
        return new Violations()
            .Add("type", Enum.IsDefined(type) ? null : $"must be a qualification type; {ApiName(type)} is not.")
            .Add("year", year < EnterpriseRules.FirstYear || year > currentYear ? $"must be a year from {EnterpriseRules.FirstYear} to {currentYear} (the current year)." : null)
            .Add("valid_from", validFrom is { } f && f.Year < year ? $"must not be before 1 January {year}, the year granted." : null)
            .Add("valid_until", validUntil is { } u && u < from ? $"must not be before valid_from ({from:yyyy-MM-dd})." : null);
    }

    /// <summary>
    /// Why <paramref name="type"/> cannot be granted in <paramref name="year"/> to an enterprise holding
    /// <paramref name="held"/> (arguments already checked by <see cref="CheckGrant"/>): ALREADY_EXISTS for a type held,
    /// FAILED_PRECONDITION for a missing rung of the ladder, INVALID_ARGUMENT for a year before that rung's. Null when it can.
    /// </summary>
    public static ServiceException? GrantProblem(string enterprise, IReadOnlyCollection<Qualification> held, QualificationType type, int year)
    {
        if (held.Any(q => q.Type == type))
        {
            return ServiceException.AlreadyExists($"{enterprise} qualification {ApiName(type)}");
        }

        if (Prerequisite(type) is not { } prerequisite)
        {
            return null;
        }

        if (held.FirstOrDefault(q => q.Type == prerequisite) is not { } rung)
        {
            return new ServiceException(ErrorKind.FailedPrecondition, "QUALIFICATION_PREREQUISITE_MISSING",
                $"{enterprise} is not {ApiName(prerequisite)}, which {ApiName(type)} requires; grant it first.",
                new Dictionary<string, string> { ["resource"] = enterprise, ["requested"] = ApiName(type), ["required"] = ApiName(prerequisite) },
                preconditionViolations: [new("QUALIFICATION_PREREQUISITE", ApiName(prerequisite), $"{ApiName(type)} is granted only to a {ApiName(prerequisite)} enterprise.")]);
        }

        return year < rung.Year
            ? ServiceException.InvalidArgument("year", $"must not be before {rung.Year}, the year the enterprise became {ApiName(prerequisite)}.")
            : null;
    }

    /// <summary>
    /// Why <paramref name="type"/> cannot be revoked from an enterprise holding <paramref name="held"/>: NOT_FOUND when
    /// not held, FAILED_PRECONDITION while a type built on it is held. Null when it can.
    /// </summary>
    public static ServiceException? RevokeProblem(string enterprise, IReadOnlyCollection<Qualification> held, QualificationType type)
    {
        if (held.All(q => q.Type != type))
        {
            return ServiceException.NotFound($"{enterprise} qualification {ApiName(type)}");
        }

        var blocking = Dependents(type).Where(d => held.Any(q => q.Type == d)).ToList();
        return blocking.Count == 0
            ? null
            : new ServiceException(ErrorKind.FailedPrecondition, "QUALIFICATION_REQUIRED_BY_ANOTHER",
                $"{enterprise} holds {string.Join(", ", blocking.Select(ApiName))}, which requires {ApiName(type)}; revoke that first.",
                new Dictionary<string, string> { ["resource"] = enterprise, ["requested"] = ApiName(type), ["blocking"] = string.Join(",", blocking.Select(ApiName)) },
                preconditionViolations: [.. blocking.Select(b => new PreconditionViolation("QUALIFICATION_REQUIRED", ApiName(b), $"{ApiName(b)} requires {ApiName(type)}."))]);
    }

    /// <summary>The type as the proto names it; a number that is no type is <c>QUALIFICATION_TYPE_UNSPECIFIED</c>.</summary>
    public static string ApiName(QualificationType type) => Enum.IsDefined(type) ? ApiEnumNames.Of(type, "QUALIFICATION_TYPE_") : "QUALIFICATION_TYPE_UNSPECIFIED";
}
