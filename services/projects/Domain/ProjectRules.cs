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
        var violations = new List<FieldViolation>();
        void Add(string field, string description) => violations.Add(new FieldViolation(prefix + field, description));

        Text(draft.DisplayName, "display_name", MaxNameLength, required: true, Add);
        Text(draft.EnterpriseDisplayName, "enterprise_display_name", MaxNameLength, required: true, Add);
        Text(draft.Description, "description", MaxDescriptionLength, required: false, Add);

        if (Domain.ProjectCode.Problem(draft.ProjectCode) is { } code)
        {
            Add("project_code", code);
        }

        if (Uscc.Problem(draft.EnterpriseUscc) is { } uscc)
        {
            Add("enterprise_uscc", uscc);
        }

        if (!Divisions.IsCounty(draft.CountyCode))
        {
            Add("county_code", string.IsNullOrEmpty(draft.CountyCode) ? "is required." : $"'{draft.CountyCode}' is not the code of a county of Anhui (GB/T 2260).");
        }

        var industry = Industries.Find(draft.Industry);
        if (industry is null)
        {
            Add("industry", string.IsNullOrEmpty(draft.Industry) ? "is required." : $"'{draft.Industry}' is not a 4+10 industry code.");
        }

        if (Gbt4754.Problem(draft.Gbt4754Class) is { } classProblem)
        {
            Add("gbt4754_class", classProblem);
        }
        else if (industry is not null && !Gbt4754.BelongsTo(draft.Gbt4754Class, industry))
        {
            Add("gbt4754_class", $"{draft.Gbt4754Class} is not in industry {industry.Code} (classes starting with {string.Join(", ", industry.Gbt4754Prefixes)}).");
        }

        if (draft.Nature is null)
        {
            Add("nature", "is required.");
        }

        if (draft.TotalInvestmentYuan is <= 0 or > MaxInvestmentYuan)
        {
            Add("total_investment_yuan", $"must be a positive number of yuan up to {MaxInvestmentYuan}.");
        }

        if (draft.EquipmentInvestmentYuan < 0)
        {
            Add("equipment_investment_yuan", "must not be negative.");
        }
        else if (draft.EquipmentInvestmentYuan > draft.TotalInvestmentYuan && draft.TotalInvestmentYuan > 0)
        {
            Add("equipment_investment_yuan", "must not exceed total_investment_yuan.");
        }

        if (draft.PlannedStartDate is { } start && draft.PlannedCompletionDate is { } end && end < start)
        {
            Add("planned_completion_date", "must not be before planned_start_date.");
        }

        Reference(draft.Cluster, "clusters", "cluster", Add);
        Reference(draft.Park, "parks", "park", Add);
        return violations;
    }

    private static void Text(string value, string field, int maxLength, bool required, Action<string, string> add)
    {
        if (FieldText.Problem(value, maxLength, required) is { } problem)
        {
            add(field, problem);
        }
    }

    private static void Reference(string value, string collection, string field, Action<string, string> add)
    {
        if (value.Length > 0 && (!value.StartsWith(collection + "/", StringComparison.Ordinal) || value.Length == collection.Length + 1 || value.IndexOf('/', collection.Length + 1) >= 0))
        {
            add(field, $"must be empty or a resource name '{collection}/{{id}}'.");
        }
    }
}
