using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>Projects and investment reports to and from the wire (proto types stop at Api/).</summary>
internal static class ProjectMapping
{
    /// <summary>UpdateProject's editable fields (the proto's list; not the immutable project code), merged into the stored draft by the field mask.</summary>
    public static readonly EditableFields<ProjectDraft> Editable = new EditableFields<ProjectDraft>()
        .Field("display_name", r => r.DisplayName.Length > 0, (d, r) => d with { DisplayName = r.DisplayName })
        .Field("enterprise_uscc", r => r.EnterpriseUscc.Length > 0, (d, r) => d with { EnterpriseUscc = r.EnterpriseUscc })
        .Field("enterprise_display_name", r => r.EnterpriseDisplayName.Length > 0, (d, r) => d with { EnterpriseDisplayName = r.EnterpriseDisplayName })
        .Field("county_code", r => r.CountyCode.Length > 0, (d, r) => d with { CountyCode = r.CountyCode })
        .Field("industry", r => r.Industry.Length > 0, (d, r) => d with { Industry = r.Industry })
        .Field("gbt4754_class", r => r.Gbt4754Class.Length > 0, (d, r) => d with { Gbt4754Class = r.Gbt4754Class })
        .Field("nature", r => r.Nature is not null, (d, r) => d with { Nature = r.Nature })
        .Field("total_investment_yuan", r => r.TotalInvestmentYuan != 0, (d, r) => d with { TotalInvestmentYuan = r.TotalInvestmentYuan })
        .Field("equipment_investment_yuan", r => r.EquipmentInvestmentYuan != 0, (d, r) => d with { EquipmentInvestmentYuan = r.EquipmentInvestmentYuan })
        .Field("planned_start_date", r => r.PlannedStartDate is not null, (d, r) => d with { PlannedStartDate = r.PlannedStartDate })
        .Field("planned_completion_date", r => r.PlannedCompletionDate is not null, (d, r) => d with { PlannedCompletionDate = r.PlannedCompletionDate })
        .Field("cluster", r => r.Cluster.Length > 0, (d, r) => d with { Cluster = r.Cluster })
        .Field("park", r => r.Park.Length > 0, (d, r) => d with { Park = r.Park })
        .Field("digital_transformation", r => r.DigitalTransformation, (d, r) => d with { DigitalTransformation = r.DigitalTransformation })
        .Field("description", r => r.Description.Length > 0, (d, r) => d with { Description = r.Description });

    public static Proto.Project ToProto(this Project project) => new Proto.Project
    {
        Name = project.Name,
        DisplayName = project.DisplayName,
        ProjectCode = project.ProjectCode,
        EnterpriseUscc = project.EnterpriseUscc,
        EnterpriseDisplayName = project.EnterpriseDisplayName,
        CountyCode = project.CountyCode,
        CityCode = project.CityCode,
        Industry = Industries.NameOf(project.Industry),
        Gbt4754Class = project.Gbt4754Class,
        Nature = (Proto.ProjectNature)project.Nature,
        TotalInvestmentYuan = project.TotalInvestmentYuan,
        EquipmentInvestmentYuan = project.EquipmentInvestmentYuan,
        Tier = (Proto.ProjectTier)project.Tier,
        PlannedStartDate = project.PlannedStartDate.ToProtoDate(),
        PlannedCompletionDate = project.PlannedCompletionDate.ToProtoDate(),
        ActualStartDate = project.ActualStartDate.ToProtoDate(),
        ActualCompletionDate = project.ActualCompletionDate.ToProtoDate(),
        ActualProductionDate = project.ActualProductionDate.ToProtoDate(),
        Cluster = project.Cluster,
        Park = project.Park,
        DigitalTransformation = project.DigitalTransformation,
        Description = project.Description,
        State = (Proto.ProjectState)project.State,
        StateDate = ((DateOnly?)project.StateDate).ToProtoDate(),
        StateReason = project.StateReason,
        CumulativeCompletedInvestmentYuan = project.CumulativeCompletedInvestmentYuan,
        LatestReportPeriod = project.LatestReportPeriod,
    }.WithEnvelope(project);

    /// <summary>The state a <c>TransitionProject</c> moves to; INVALID_ARGUMENT for UNSPECIFIED or a value this service does not know.</summary>
    public static ProjectState ToTarget(this Proto.ProjectState state) =>
        state != Proto.ProjectState.Unspecified && Enum.IsDefined((ProjectState)state) ? (ProjectState)state : throw ServiceException.InvalidArgument("state", "must be a project state.");

    /// <summary>The editable content of a proto project; <c>UNSPECIFIED</c> nature is "not given".</summary>
    public static ProjectDraft ToDraft(this Proto.Project project) => new()
    {
        DisplayName = project.DisplayName.Trim(),
        ProjectCode = project.ProjectCode.Trim(),
        EnterpriseUscc = project.EnterpriseUscc.Trim().ToUpperInvariant(),
        EnterpriseDisplayName = project.EnterpriseDisplayName.Trim(),
        CountyCode = project.CountyCode.Trim(),
        Industry = Industries.CodeOf(project.Industry),
        Gbt4754Class = project.Gbt4754Class.Trim().ToUpperInvariant(),
        Nature = project.Nature == Proto.ProjectNature.Unspecified ? null : (ProjectNature)project.Nature,
        TotalInvestmentYuan = project.TotalInvestmentYuan,
        EquipmentInvestmentYuan = project.EquipmentInvestmentYuan,
        PlannedStartDate = project.PlannedStartDate.ToDateOnly("project.planned_start_date"),
        PlannedCompletionDate = project.PlannedCompletionDate.ToDateOnly("project.planned_completion_date"),
        Cluster = project.Cluster.Trim(),
        Park = project.Park.Trim(),
        DigitalTransformation = project.DigitalTransformation,
        Description = project.Description,
    };

    public static InvestmentReportDraft ToDraft(this Proto.ReportInvestmentRequest request) =>
        new(request.Parent, request.Period, request.CompletedInvestmentYuan, request.ProgressNote.Trim(), request.Etag);

    public static Proto.InvestmentReport ToProto(this InvestmentReport report) => new Proto.InvestmentReport
    {
        Name = report.Name,
        Period = report.Period,
        CompletedInvestmentYuan = report.CompletedInvestmentYuan,
        ProgressNote = report.ProgressNote,
    }.WithEnvelope(report);
}
