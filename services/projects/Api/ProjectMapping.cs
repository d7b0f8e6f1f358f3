using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>Projects and investment reports to and from the wire (proto types stop at Api/).</summary>
internal static class ProjectMapping
{
    /// <summary>UpdateProject's editable fields (the proto's list; not the immutable project code), merged into the stored draft by the field mask.</summary>
    public static readonly EditableFields<ProjectDraft> Editable = EditableFields.Named<ProjectDraft>(
        "display_name", "enterprise_uscc", "enterprise_display_name", "county_code", "industry", "gbt4754_class",
        "nature", "total_investment_yuan", "equipment_investment_yuan", "planned_start_date",
        "planned_completion_date", "cluster", "park", "digital_transformation", "description", "source");

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
    }.FillFrom(project);

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
        Source = (ProjectSource)project.Source,
    };

    public static InvestmentReportDraft ToDraft(this Proto.ReportInvestmentRequest request) =>
        new(request.Parent, request.Period, request.CompletedInvestmentYuan, request.ProgressNote.Trim(), request.Etag, request.CorrectionReason);

    public static Proto.InvestmentReport ToProto(this InvestmentReport report) => new Proto.InvestmentReport
    {
        Name = report.Name,
        Period = report.Period,
        CompletedInvestmentYuan = report.CompletedInvestmentYuan,
        ProgressNote = report.ProgressNote,
    }.FillFrom(report);
}
