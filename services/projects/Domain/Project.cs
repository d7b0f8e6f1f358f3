namespace Industry.Projects.Domain;

/// <summary>
/// 技改项目: a technology-renovation project, its lifecycle and its cumulative completed investment. The city and
/// the tier are derived from the county and the total investment, never entered.
/// </summary>
public sealed class Project : VersionedResource, ICountyScoped
{
    public const string Collection = "projects";

    private Project()
    {
    }

    /// <summary>The id in <c>projects/{id}</c>.</summary>
    public string Id { get; private set; } = string.Empty;

    public override string Name => Collection + "/" + Id;

    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>项目代码 (GB/T 40058); unique and immutable: the import matches rows by it.</summary>
    public string ProjectCode { get; private set; } = string.Empty;

    public string EnterpriseUscc { get; private set; } = string.Empty;

    public string EnterpriseDisplayName { get; private set; } = string.Empty;

    public string CountyCode { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public string Industry { get; private set; } = string.Empty;

    public string Gbt4754Class { get; private set; } = string.Empty;

    public ProjectNature Nature { get; private set; }

    /// <summary>项目来源; <see cref="ProjectSource.Unspecified"/> when not recorded.</summary>
    public ProjectSource Source { get; private set; }

    public long TotalInvestmentYuan { get; private set; }

    public long EquipmentInvestmentYuan { get; private set; }

    public ProjectTier Tier { get; private set; }

    public DateOnly? PlannedStartDate { get; private set; }

    public DateOnly? PlannedCompletionDate { get; private set; }

    public DateOnly? ActualStartDate { get; private set; }

    public DateOnly? ActualCompletionDate { get; private set; }

    public DateOnly? ActualProductionDate { get; private set; }

    public string Cluster { get; private set; } = string.Empty;

    public string Park { get; private set; } = string.Empty;

    public bool DigitalTransformation { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public ProjectState State { get; private set; }

    /// <summary>The date the project entered its current state.</summary>
    public DateOnly StateDate { get; private set; }

    public string StateReason { get; private set; } = string.Empty;

    /// <summary>累计完成投资: the sum of the project's approved monthly reports.</summary>
    public long CumulativeCompletedInvestmentYuan { get; private set; }

    /// <summary>The latest month reported (<c>YYYY-MM</c>), or empty.</summary>
    public string LatestReportPeriod { get; private set; } = string.Empty;

    /// <summary>
    /// A new project in RESERVE, from a draft that passed <see cref="ProjectRules.Check"/>. Its version follows
    /// <paramref name="previousVersion"/>: the last version of a deleted project of the same id, so that its events'
    /// versions keep rising for consumers (0 for a new id).
    /// </summary>
    public static Project Create(string id, ProjectDraft draft, DateOnly today, DateTime now, string actor, long previousVersion = 0)
    {
        var project = new Project { Id = id, ProjectCode = draft.ProjectCode, State = ProjectState.Reserve, StateDate = today };
        project.Begin(now, previousVersion);
        project.Revise(draft, now, actor);
        return project;
    }

    /// <summary>The project's editable content, as a draft to merge an update into.</summary>
    public ProjectDraft ToDraft() => new()
    {
        DisplayName = DisplayName,
        ProjectCode = ProjectCode,
        EnterpriseUscc = EnterpriseUscc,
        EnterpriseDisplayName = EnterpriseDisplayName,
        CountyCode = CountyCode,
        Industry = Industry,
        Gbt4754Class = Gbt4754Class,
        Nature = Nature,
        TotalInvestmentYuan = TotalInvestmentYuan,
        EquipmentInvestmentYuan = EquipmentInvestmentYuan,
        PlannedStartDate = PlannedStartDate,
        PlannedCompletionDate = PlannedCompletionDate,
        Cluster = Cluster,
        Park = Park,
        DigitalTransformation = DigitalTransformation,
        Description = Description,
        Source = Source,
    };

    /// <summary>
    /// Replaces the editable content with a validated draft (the project code never changes) and returns the proto
    /// names of the fields that changed; an unchanged draft writes nothing. The total may not drop below what has
    /// already been reported.
    /// </summary>
    public IReadOnlyList<string> Revise(ProjectDraft draft, DateTime now, string actor)
    {
        if (draft.TotalInvestmentYuan < CumulativeCompletedInvestmentYuan)
        {
            throw ServiceException.InvalidArgument("project.total_investment_yuan",
                $"must not be below the {CumulativeCompletedInvestmentYuan} yuan already reported as completed.");
        }

        var changed = Revise(now, actor, c => c
            .Set(DisplayName, draft.DisplayName, v => DisplayName = v, "display_name")
            .Set(EnterpriseUscc, draft.EnterpriseUscc, v => EnterpriseUscc = v, "enterprise_uscc")
            .Set(EnterpriseDisplayName, draft.EnterpriseDisplayName, v => EnterpriseDisplayName = v, "enterprise_display_name")
            .Set(CountyCode, draft.CountyCode, v => CountyCode = v, "county_code")
            .Set(Industry, draft.Industry, v => Industry = v, "industry")
            .Set(Gbt4754Class, draft.Gbt4754Class, v => Gbt4754Class = v, "gbt4754_class")
            .Set(Nature, draft.Nature ?? Nature, v => Nature = v, "nature")
            .Set(TotalInvestmentYuan, draft.TotalInvestmentYuan, v => TotalInvestmentYuan = v, "total_investment_yuan")
            .Set(EquipmentInvestmentYuan, draft.EquipmentInvestmentYuan, v => EquipmentInvestmentYuan = v, "equipment_investment_yuan")
            .Set(PlannedStartDate, draft.PlannedStartDate, v => PlannedStartDate = v, "planned_start_date")
            .Set(PlannedCompletionDate, draft.PlannedCompletionDate, v => PlannedCompletionDate = v, "planned_completion_date")
            .Set(Cluster, draft.Cluster, v => Cluster = v, "cluster")
            .Set(Park, draft.Park, v => Park = v, "park")
            .Set(DigitalTransformation, draft.DigitalTransformation, v => DigitalTransformation = v, "digital_transformation")
            .Set(Description, draft.Description, v => Description = v, "description")
            .Set(Source, draft.Source, v => Source = v, "source"));
        CityCode = Divisions.CityOf(CountyCode)?.Code ?? string.Empty;
        Tier = ProjectTiers.Of(TotalInvestmentYuan);
        return changed;
    }

    /// <summary>
    /// Moves the project to <paramref name="target"/> on <paramref name="date"/>: refused with FAILED_PRECONDITION
    /// (and the allowed next states) when the lifecycle forbids it; the date may be neither in the future nor before
    /// the current state's date. Records the actual start, completion and production dates.
    /// </summary>
    public void Transition(ProjectState target, DateOnly date, DateOnly today, string reason, DateTime now, string actor)
    {
        ProjectLifecycle.Workflow.Require(Name, State, target);
        if (date > today)
        {
            throw ServiceException.InvalidArgument("date", "must not be in the future.");
        }

        // RESERVE's date is when the project was registered, often after the fact: it does not bound the start.
        if (State != ProjectState.Reserve && date < StateDate)
        {
            throw ServiceException.InvalidArgument("date", $"must not be before {StateDate:yyyy-MM-dd}, when the project became {ProjectLifecycle.ApiName(State)}.");
        }

        switch (target)
        {
            case ProjectState.UnderConstruction when ActualStartDate is null:
                ActualStartDate = date;
                break;
            case ProjectState.Completed:
                ActualCompletionDate = date;
                break;
            case ProjectState.InProduction:
                ActualProductionDate = date;
                break;
        }

        State = target;
        StateDate = date;
        StateReason = reason;
        Touch(now, actor);
    }

    /// <summary>
    /// Adds the change a report makes in the counted (approved) investment: a month's amount, the difference when a
    /// report is replaced, nothing for a report still in review; every report change versions its project.
    /// </summary>
    public void RecordInvestment(long delta, string period, DateTime now, string actor)
    {
        CumulativeCompletedInvestmentYuan += delta;
        if (string.CompareOrdinal(period, LatestReportPeriod) > 0)
        {
            LatestReportPeriod = period;
        }

        Touch(now, actor);
    }
}
