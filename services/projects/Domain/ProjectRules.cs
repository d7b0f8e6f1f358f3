namespace Industry.Projects.Domain;

/// <summary>
/// Everything a project's content must satisfy before it is stored, checked all at once so that the caller sees
/// every bad field in one answer. Field paths are those of the proto (<c>project.total_investment_yuan</c>) under the
/// given prefix.
/// </summary>
public static class ProjectRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Largest investment accepted: ¥10 trillion, far above any single project, far below overflow.</summary>
    public const long MaxInvestmentYuan = 10_000_000_000_000;

    public static IReadOnlyList<FieldViolation> Check(ProjectDraft draft, string prefix = "project.")
    {
        var industry = Industries.Find(draft.Industry);
        return new Violations(prefix)
            .Add("display_name", FieldText.Problem(draft.DisplayName, MaxNameLength, required: true))
            .Add("enterprise_display_name", FieldText.Problem(draft.EnterpriseDisplayName, MaxNameLength, required: true))
            .Add("description", FieldText.Problem(draft.Description, MaxDescriptionLength, required: false))
            .Add("project_code", Domain.ProjectCode.Problem(draft.ProjectCode))
            .Add("enterprise_uscc", Uscc.Problem(draft.EnterpriseUscc))
            .Add("county_code", Divisions.CountyProblem(draft.CountyCode))
            .Add("industry", industry is not null ? null
                : string.IsNullOrEmpty(draft.Industry) ? "is required." : $"'{draft.Industry}' is not a 4+10 industry code.")
            .Add("gbt4754_class", Gbt4754.Problem(draft.Gbt4754Class)
                ?? (industry is not null && !Gbt4754.BelongsTo(draft.Gbt4754Class, industry)
                    ? $"{draft.Gbt4754Class} is not in industry {industry.Code} (classes starting with {string.Join(", ", industry.Gbt4754Prefixes)})."
                    : null))
            .Add("nature", draft.Nature is null ? "is required." : null)
            .Add("source", Enum.IsDefined(draft.Source) ? null : $"must be a project source; {(int)draft.Source} is not.")
            .Add("total_investment_yuan", draft.TotalInvestmentYuan is <= 0 or > MaxInvestmentYuan
                ? $"must be a positive number of yuan up to {MaxInvestmentYuan}." : null)
            .Add("equipment_investment_yuan", draft.EquipmentInvestmentYuan < 0 ? "must not be negative."
                : draft.EquipmentInvestmentYuan > draft.TotalInvestmentYuan && draft.TotalInvestmentYuan > 0 ? "must not exceed total_investment_yuan." : null)
            .Add("planned_completion_date", draft.PlannedStartDate is { } start && draft.PlannedCompletionDate is { } end && end < start
                ? "must not be before planned_start_date." : null)
            .Add("cluster", ReferenceProblem(draft.Cluster, "clusters"))
            .Add("park", ReferenceProblem(draft.Park, "parks"));
    }

    private static string? ReferenceProblem(string value, string collection) =>
        value.Length == 0 || ResourceName.IsName(value, collection) ? null : $"must be empty or a resource name '{collection}/{{id}}'.";
}
