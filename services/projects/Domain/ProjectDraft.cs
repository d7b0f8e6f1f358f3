namespace Industry.Projects.Domain;

/// <summary>
/// The editable content of a project as a caller supplies it (create, update or an import row), before validation.
/// Dates are calendar dates (China Standard Time); money is whole yuan.
/// </summary>
public sealed record ProjectDraft
{
    public string DisplayName { get; init; } = string.Empty;

    public string ProjectCode { get; init; } = string.Empty;

    public string EnterpriseUscc { get; init; } = string.Empty;

    public string EnterpriseDisplayName { get; init; } = string.Empty;

    public string CountyCode { get; init; } = string.Empty;

    public string Industry { get; init; } = string.Empty;

    public string Gbt4754Class { get; init; } = string.Empty;

    public ProjectNature? Nature { get; init; }

    public long TotalInvestmentYuan { get; init; }

    public long EquipmentInvestmentYuan { get; init; }

    public DateOnly? PlannedStartDate { get; init; }

    public DateOnly? PlannedCompletionDate { get; init; }

    /// <summary>The cluster's resource name (<c>clusters/{cluster}</c>), or empty.</summary>
    public string Cluster { get; init; } = string.Empty;

    /// <summary>The park's resource name (<c>parks/{park}</c>), or empty.</summary>
    public string Park { get; init; } = string.Empty;

    public bool DigitalTransformation { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>项目来源; <see cref="ProjectSource.Unspecified"/> when not recorded.</summary>
    public ProjectSource Source { get; init; }
}
