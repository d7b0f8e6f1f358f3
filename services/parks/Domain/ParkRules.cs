namespace Industry.Parks.Domain;

/// <summary>
/// Everything a park's content and its workflow arguments must satisfy before anything is stored, checked all at once
/// so that the caller sees every bad field in one answer. Field paths are those of the proto under the given prefix.
/// </summary>
public static class ParkRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxReasonLength = 1000;

    /// <summary>More above-size enterprises than any park (the whole province has ~22,000); a bound against typing errors.</summary>
    public const int MaxAboveSizeEnterprises = 100_000;

    /// <summary>Certification batches within a year; the department publishes one or two.</summary>
    public const int MaxBatch = 99;

    /// <summary>The years the suite accepts.</summary>
    public const int FirstYear = 2000;

    public const string IndustryCollection = "industries";

    public static IReadOnlyList<FieldViolation> Check(ParkDraft draft, string prefix = "park.")
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
        Add("county_code", Divisions.IsCounty(draft.CountyCode) ? null
            : string.IsNullOrEmpty(draft.CountyCode) ? "is required."
            : $"'{draft.CountyCode}' is not the code of a county of Anhui (GB/T 2260).");
        Add("park_type", draft.ParkType switch
        {
            null => "is required.",
            { } type when !Enum.IsDefined(type) => $"{(int)type} is not a park type.",
            _ => null,
        });
        Add("lead_industry", LeadIndustryProblem(draft.LeadIndustry));
        Add("above_size_enterprise_count", draft.AboveSizeEnterpriseCount is < 0 or > MaxAboveSizeEnterprises
            ? $"must be from 0 to {MaxAboveSizeEnterprises}." : null);
        Add("description", FieldText.Problem(draft.Description, MaxDescriptionLength, required: false));
        return violations;
    }

    /// <summary>The 4+10 code of a valid <c>industries/{code}</c> name.</summary>
    public static string IndustryCode(string industry) => industry.Length == 0 ? string.Empty : industry[(IndustryCollection.Length + 1)..];

    /// <summary>The arguments of <c>CertifyPark</c>: a year from <see cref="FirstYear"/> to the current year, a batch from 1.</summary>
    public static IReadOnlyList<FieldViolation> CheckCertification(int year, int batch, int currentYear)
    {
        var violations = new List<FieldViolation>();
        if (YearProblem(year, currentYear) is { } yearProblem)
        {
            violations.Add(new("year", yearProblem));
        }

        if (batch is < 1 or > MaxBatch)
        {
            violations.Add(new("batch", batch == 0 ? "is required." : $"must be from 1 to {MaxBatch}."));
        }

        return violations;
    }

    /// <summary>Why <paramref name="year"/> is not one the suite accepts (required, from <see cref="FirstYear"/> to the current year), or null.</summary>
    public static string? YearProblem(int year, int currentYear) =>
        year == 0 ? "is required."
        : year < FirstYear || year > currentYear ? $"must be a year from {FirstYear} to the current year {currentYear}."
        : null;

    /// <summary>The reason of a rejection or revocation, trimmed; INVALID_ARGUMENT on <c>reason</c> when it is not acceptable.</summary>
    public static string RequireReason(string reason)
    {
        var trimmed = reason.Trim();
        return ReasonProblem(trimmed) is { } problem ? throw ServiceException.InvalidArgument("reason", problem) : trimmed;
    }

    /// <summary>Why a rejection or revocation reason is not acceptable, or null.</summary>
    public static string? ReasonProblem(string reason) => FieldText.Problem(reason, MaxReasonLength, required: true);

    /// <summary>Empty is allowed (a draft application may not have chosen yet; certification requires one).</summary>
    private static string? LeadIndustryProblem(string industry) =>
        industry.Length == 0 ? null
        : !industry.StartsWith(IndustryCollection + "/", StringComparison.Ordinal) || industry.Length == IndustryCollection.Length + 1
            ? $"must be empty or a resource name '{IndustryCollection}/{{code}}', e.g. 'industries/AUTO'."
        : Industries.Find(IndustryCode(industry)) is null ? $"'{IndustryCode(industry)}' is not a 4+10 industry code."
        : null;
}
