namespace Industry.Clusters.Domain;

/// <summary>
/// Everything an enterprise's content must satisfy before anything is stored, checked all at once so that the
/// caller sees every bad field in one answer. Field paths are those of the proto under the given prefix.
/// </summary>
public static class EnterpriseRules
{
    public const int MaxNameLength = 200;

    /// <summary>The earliest year a qualification, an above-size entry or a membership may carry.</summary>
    public const int FirstYear = 1949;

    public static IReadOnlyList<FieldViolation> Check(EnterpriseDraft draft, int currentYear, string prefix = "enterprise.") => new Violations(prefix)
        .Add("display_name", FieldText.Problem(draft.DisplayName, MaxNameLength, required: true))
        .Add("county_code", Divisions.CountyProblem(draft.CountyCode))
        .Add("gbt4754_class", Gbt4754.Problem(draft.Gbt4754Class))
        .Add("industry", Industries.NameProblem(draft.Industry, required: false))
        .Add("above_size_year", draft.AboveSizeYear switch
        {
            0 when draft.AboveSize => "is required when above_size is set: the year the enterprise entered the above-size statistics.",
            0 => null,
            var year when year < FirstYear || year > currentYear => $"must be 0 (never) or a year from {FirstYear} to {currentYear}.",
            _ => null,
        })
        .Add("above_size_exit_year", ExitYearProblem(draft, currentYear));

    /// <summary>
    /// 退规: an enterprise that stops being above size in an update without an exit year leaves in the current year, so
    /// that the years before keep their totals and the current one counts the exit; any other draft is as given.
    /// </summary>
    public static EnterpriseDraft WithExit(EnterpriseDraft stored, EnterpriseDraft merged, int currentYear) =>
        stored.AboveSize && !merged.AboveSize && merged.AboveSizeYear > 0 && merged.AboveSizeExitYear == 0
            ? merged with { AboveSizeExitYear = currentYear }
            : merged;

    /// <summary>An exit year is a year from the entry to now, and only of an enterprise that entered and is no longer above size.</summary>
    private static string? ExitYearProblem(EnterpriseDraft draft, int currentYear) => draft.AboveSizeExitYear switch
    {
        0 => null,
        var year when year < FirstYear || year > currentYear => $"must be 0 (not left) or a year from {FirstYear} to {currentYear}.",
        _ when draft.AboveSize => "must be 0 while above_size is set; an enterprise that enters again takes its new above_size_year.",
        _ when draft.AboveSizeYear == 0 => "must be 0 for an enterprise that never entered the above-size statistics (above_size_year 0).",
        var year when year < draft.AboveSizeYear => $"must not be before above_size_year ({draft.AboveSizeYear}).",
        _ => null,
    };

    /// <summary>
    /// The stored 4+10 code: the one given, or else the industry whose GB/T 4754 prefixes match the class (the longest
    /// match); empty when none does. Cross-cutting industries have no prefixes, so they are only ever set explicitly.
    /// </summary>
    public static string IndustryCode(string industry, string gbt4754Class) =>
        industry.Length > 0 ? Industries.CodeOf(industry) : Industries.CodeForClass(gbt4754Class);

    /// <summary>A join year (0 = unknown) of a membership: its problem, or null.</summary>
    public static string? JoinYearProblem(int joinYear, int currentYear) =>
        joinYear == 0 || (joinYear >= FirstYear && joinYear <= currentYear) ? null : $"must be 0 (unknown) or a year from {FirstYear} to {currentYear}.";
}
