using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.UnitTests;

public sealed class ProjectTests
{
    private static readonly DateTime Now = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2024, 5, 20);

    private static readonly ProjectDraft Draft = new()
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000123",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 300_000_000,
        EquipmentInvestmentYuan = 100_000_000,
    };

    [Fact]
    public void Create_Draft_IsReserveWithDerivedCityAndTier()
    {
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        Assert.Equal(ProjectState.Reserve, project.State);
        Assert.Equal("340100", project.CityCode);
        Assert.Equal(ProjectTier.Key, project.Tier);
        Assert.Equal(1, project.Version);
        Assert.Equal("alice", project.UpdateActor);
    }

    [Fact]
    public void Revise_SameDraft_ChangesNothing()
    {
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        Assert.Empty(project.Revise(Draft, Now.AddDays(1), "bob"));
        Assert.Equal(1, project.Version);
        Assert.Equal("alice", project.UpdateActor);
    }

    [Fact]
    public void Revise_NewTotalAndCounty_ReturnsChangedFieldsAndRederives()
    {
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        var changed = project.Revise(Draft with { TotalInvestmentYuan = 1_200_000_000, CountyCode = "341882" }, Now, "bob");

        Assert.Equal(["county_code", "total_investment_yuan"], changed.Order());
        Assert.Equal((ProjectTier.Major, "341800", 2L), (project.Tier, project.CityCode, project.Version));
    }

    [Fact]
    public void Transition_ThroughTheLifecycle_RecordsActualDates()
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");

        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 1), Today, "", Now, "alice");
        project.Transition(ProjectState.Suspended, new DateOnly(2024, 3, 1), Today, "funding", Now, "alice");
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 4, 1), Today, "", Now, "alice");
        project.Transition(ProjectState.Completed, new DateOnly(2024, 5, 1), Today, "", Now, "alice");
        project.Transition(ProjectState.InProduction, new DateOnly(2024, 5, 20), Today, "", Now, "alice");

        Assert.Equal(new DateOnly(2024, 2, 1), project.ActualStartDate); // the first start, not the resumption
        Assert.Equal(new DateOnly(2024, 5, 1), project.ActualCompletionDate);
        Assert.Equal(new DateOnly(2024, 5, 20), project.ActualProductionDate);
        Assert.Equal(6, project.Version);
    }

    [Fact]
    public void Transition_Illegal_IsFailedPreconditionNamingTheAllowedStates()
    {
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        var error = Assert.Throws<ServiceException>(() => project.Transition(ProjectState.Completed, Today, Today, "", Now, "alice"));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("ILLEGAL_STATE_TRANSITION", error.Reason);
        Assert.Equal("PROJECT_STATE_UNDER_CONSTRUCTION,PROJECT_STATE_CANCELLED", error.Metadata["allowed_states"]);
        Assert.Equal(ProjectState.Reserve, project.State);
        Assert.Equal(1, project.Version);
    }

    [Fact]
    public void Transition_DateInTheFutureOrBeforeTheCurrentState_IsInvalid()
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 3, 1), Today, "", Now, "alice");

        Assert.Throws<ServiceException>(() => project.Transition(ProjectState.Suspended, Today.AddDays(1), Today, "", Now, "alice"));
        Assert.Throws<ServiceException>(() => project.Transition(ProjectState.Suspended, new DateOnly(2024, 2, 28), Today, "", Now, "alice"));
        Assert.Equal(ProjectState.UnderConstruction, project.State);
    }

    [Fact]
    public void Transition_StartBeforeTheProjectWasRegistered_IsAllowed()
    {
        // Projects are often registered after construction began; the registration date does not bound the start.
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        project.Transition(ProjectState.UnderConstruction, new DateOnly(2022, 7, 1), Today, "", Now, "alice");

        Assert.Equal(new DateOnly(2022, 7, 1), project.ActualStartDate);
    }

    [Fact]
    public void Revise_TotalBelowReportedInvestment_IsRejected()
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 1), Today, "", Now, "alice");
        project.RecordInvestment(250_000_000, "2024-03", Now, "alice");

        var error = Assert.Throws<ServiceException>(() => project.Revise(Draft with { TotalInvestmentYuan = 200_000_000 }, Now, "alice"));

        Assert.Equal("project.total_investment_yuan", error.FieldViolations.Single().Field);
        Assert.Equal(300_000_000, project.TotalInvestmentYuan);
    }

    [Fact]
    public void RecordInvestment_AccumulatesAndKeepsTheLatestPeriod()
    {
        var project = Project.Create("p1", Draft, Today, Now, "alice");

        project.RecordInvestment(10, "2024-03", Now, "alice");
        project.RecordInvestment(20, "2024-01", Now, "alice");
        project.RecordInvestment(-5, "2024-03", Now, "alice"); // a replaced report's difference

        Assert.Equal(25, project.CumulativeCompletedInvestmentYuan);
        Assert.Equal("2024-03", project.LatestReportPeriod);
    }
}
