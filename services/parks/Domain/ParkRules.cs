namespace Industry.Parks.Domain;

/// <summary>
/// Everything a park's content and its workflow arguments must satisfy before anything is stored, checked all at once
/// so that the caller sees every bad field in one answer. Field paths are those of the proto under the given prefix.
/// </summary>
public static class ParkRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    /// <summary>More above-size enterprises than any park (the whole province has ~22,000); a bound against typing errors.</summary>
    public const int MaxAboveSizeEnterprises = 100_000;

    /// <summary>Certification batches within a year; the department publishes one or two.</summary>
    public const int MaxBatch = 99;

    /// <summary>The years the suite accepts.</summary>
    public const int FirstYear = 2000;

    /// <summary>A draft application may leave the lead industry empty (certification requires one).</summary>
    public static IReadOnlyList<FieldViolation> Check(ParkDraft draft, string prefix = "park.") => new Violations(prefix)
        .Add("display_name", FieldText.Problem(draft.DisplayName, MaxNameLength, required: true))
        .Add("county_code", Divisions.CountyProblem(draft.CountyCode))
        .Add("park_type", draft.ParkType switch
        {
            null => "is required.",
            { } type when !Enum.IsDefined(type) => $"{(int)type} is not a park type.",
            _ => null,
        })
        .Add("lead_industry", Industries.NameProblem(draft.LeadIndustry, required: false))
        .Add("above_size_enterprise_count", draft.AboveSizeEnterpriseCount is < 0 or > MaxAboveSizeEnterprises
            ? $"must be from 0 to {MaxAboveSizeEnterprises}." : null)
        .Add("description", FieldText.Problem(draft.Description, MaxDescriptionLength, required: false));

    /// <summary>The arguments of <c>CertifyPark</c>: a year from <see cref="FirstYear"/> to the current year, a batch from 1.</summary>
    public static IReadOnlyList<FieldViolation> CheckCertification(int year, int batch, int currentYear) => new Violations()
        .Add("year", YearProblem(year, currentYear))
        .Add("batch", batch is < 1 or > MaxBatch ? (batch == 0 ? "is required." : $"must be from 1 to {MaxBatch}.") : null);

    /// <summary>Why <paramref name="year"/> is not one the suite accepts (required, from <see cref="FirstYear"/> to the current year), or null.</summary>
    public static string? YearProblem(int year, int currentYear) =>
        year == 0 ? "is required."
        : year < FirstYear || year > currentYear ? $"must be a year from {FirstYear} to the current year {currentYear}."
        : null;
}
