namespace Industry.Clusters.Domain;

/// <summary>
/// Everything an enterprise's content must satisfy before anything is stored, checked all at once so that the
/// caller sees every bad field in one answer. Field paths are those of the proto under the given prefix.
/// </summary>
public static class EnterpriseRules
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 1000;

    /// <summary>The earliest year a qualification, an above-size entry or a membership may carry.</summary>
    public const int FirstYear = 1949;

    public static IReadOnlyList<FieldViolation> Check(EnterpriseDraft draft, int currentYear, string prefix = "enterprise.")
    {
        var violations = new List<FieldViolation>();
        void Add(string field, string? problem)
        {
            if (problem is not null)
            {
                violations.Add(new FieldViolation(prefix + field, problem));
            }
        }

        Add("display_name", FieldText.Problem(draft.DisplayName, MaxNameLength, required: true));
        Add("county_code", string.IsNullOrEmpty(draft.CountyCode) ? "is required."
            : Divisions.IsCounty(draft.CountyCode) ? null
            : $"'{draft.CountyCode}' is not the code of a county of Anhui (GB/T 2260).");
        Add("gbt4754_class", Gbt4754.Problem(draft.Gbt4754Class));
        Add("industry", draft.Industry.Length == 0 ? null : IndustryProblem(draft.Industry));
        Add("above_size_year", draft.AboveSizeYear switch
        {
            0 when draft.AboveSize => "is required when above_size is set: the year the enterprise entered the above-size statistics.",
            0 => null,
            var year when year < FirstYear || year > currentYear => $"must be 0 (never) or a year from {FirstYear} to {currentYear}.",
            _ => null,
        });
        return violations;
    }

    /// <summary>
    /// The stored 4+10 code: the one given, or else the industry whose GB/T 4754 prefixes match the class (the longest
    /// match); empty when none does. Cross-cutting industries have no prefixes, so they are only ever set explicitly.
    /// </summary>
    public static string IndustryCode(string industry, string gbt4754Class) =>
        industry.Length > 0 ? Industries.CodeOf(industry) : Industries.CodeForClass(gbt4754Class);

    /// <summary>A join year (0 = unknown) of a membership: its problem, or null.</summary>
    public static string? JoinYearProblem(int joinYear, int currentYear) =>
        joinYear == 0 || (joinYear >= FirstYear && joinYear <= currentYear) ? null : $"must be 0 (unknown) or a year from {FirstYear} to {currentYear}.";

    public static string? ReasonProblem(string reason) => FieldText.Problem(reason, MaxReasonLength, required: true);

    private static string? IndustryProblem(string industry) =>
        !industry.StartsWith(ClusterRules.IndustryCollection + "/", StringComparison.Ordinal) || industry.IndexOf('/', ClusterRules.IndustryCollection.Length + 1) >= 0
            ? $"must be empty or a resource name '{ClusterRules.IndustryCollection}/{{code}}', e.g. 'industries/AUTO'."
            : Industries.Find(Industries.CodeOf(industry)) is null ? $"'{Industries.CodeOf(industry)}' is not a 4+10 industry code." : null;
}
