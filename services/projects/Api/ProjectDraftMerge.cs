using System.Collections.Frozen;
using Industry.Projects.Domain;

namespace Industry.Projects.Api;

/// <summary>UpdateProject's field mask applied to a draft: the masked fields from the request, the rest as stored.</summary>
internal static class ProjectDraftMerge
{
    private static readonly FrozenDictionary<string, Func<ProjectDraft, ProjectDraft, ProjectDraft>> Fields =
        new Dictionary<string, Func<ProjectDraft, ProjectDraft, ProjectDraft>>
        {
            ["display_name"] = (d, r) => d with { DisplayName = r.DisplayName },
            ["enterprise_uscc"] = (d, r) => d with { EnterpriseUscc = r.EnterpriseUscc },
            ["enterprise_display_name"] = (d, r) => d with { EnterpriseDisplayName = r.EnterpriseDisplayName },
            ["county_code"] = (d, r) => d with { CountyCode = r.CountyCode },
            ["industry"] = (d, r) => d with { Industry = r.Industry },
            ["gbt4754_class"] = (d, r) => d with { Gbt4754Class = r.Gbt4754Class },
            ["nature"] = (d, r) => d with { Nature = r.Nature },
            ["total_investment_yuan"] = (d, r) => d with { TotalInvestmentYuan = r.TotalInvestmentYuan },
            ["equipment_investment_yuan"] = (d, r) => d with { EquipmentInvestmentYuan = r.EquipmentInvestmentYuan },
            ["planned_start_date"] = (d, r) => d with { PlannedStartDate = r.PlannedStartDate },
            ["planned_completion_date"] = (d, r) => d with { PlannedCompletionDate = r.PlannedCompletionDate },
            ["cluster"] = (d, r) => d with { Cluster = r.Cluster },
            ["park"] = (d, r) => d with { Park = r.Park },
            ["digital_transformation"] = (d, r) => d with { DigitalTransformation = r.DigitalTransformation },
            ["description"] = (d, r) => d with { Description = r.Description },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Editable => Fields.Keys;

    /// <summary>Whether the request set a field (AIP-134 without a mask: fields with a non-default value).</summary>
    public static bool IsSet(ProjectDraft request, string field) => field switch
    {
        "display_name" => request.DisplayName.Length > 0,
        "enterprise_uscc" => request.EnterpriseUscc.Length > 0,
        "enterprise_display_name" => request.EnterpriseDisplayName.Length > 0,
        "county_code" => request.CountyCode.Length > 0,
        "industry" => request.Industry.Length > 0,
        "gbt4754_class" => request.Gbt4754Class.Length > 0,
        "nature" => request.Nature is not null,
        "total_investment_yuan" => request.TotalInvestmentYuan != 0,
        "equipment_investment_yuan" => request.EquipmentInvestmentYuan != 0,
        "planned_start_date" => request.PlannedStartDate is not null,
        "planned_completion_date" => request.PlannedCompletionDate is not null,
        "cluster" => request.Cluster.Length > 0,
        "park" => request.Park.Length > 0,
        "digital_transformation" => request.DigitalTransformation,
        "description" => request.Description.Length > 0,
        _ => false,
    };

    public static ProjectDraft Merge(ProjectDraft stored, ProjectDraft request, IEnumerable<string> paths) =>
        paths.Aggregate(stored, (draft, path) => Fields[path](draft, request));
}
