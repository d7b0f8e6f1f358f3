using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Writes;
using Industry.TestInfrastructure;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>The plan's upsert in-process on SQLite, through the real write pipeline (the suite's one yearly-targets upsert).</summary>
public sealed class PlanWritesTests() : WriteHarnessTests<SqliteProjectsDbContext>("projects")
{
    private Task<Proto.Plan> UpdateAsync(string name, PlanDraft values, bool allowMissing = false, string etag = "", FieldMask? mask = null) =>
        Harness.WriteAsync(
            new Proto.UpdatePlanRequest(),
            (db, w) => new PlanWrites(db).UpdateAsync(w, new TargetsUpdate<PlanDraft>("plan", name, etag, values, mask, allowMissing)));

    [Fact]
    public async Task Update_TheSeededPlan_ChangesItsTargetsInDeclaredOrderAndKeepsTheRest()
    {
        var updated = await UpdateAsync("plans/2024", new(null, [new("340200", 100), new("340100", 300)], 8.5), etag: "W/\"1\"");

        Assert.Equal(("W/\"2\"", 1200, 8.5), (updated.Etag, updated.TargetKeyProjectsUnderImplementation, updated.TargetInvestmentGrowthPercent));
        Assert.Equal(["340100", "340200"], updated.CityTargets.Select(c => c.CityCode));
        var updatedEvent = Proto.PlanUpdated.Parser.ParseJson(Assert.Single(await Harness.EventsAsync()).Body);
        Assert.Equal(["city_targets", "target_investment_growth_percent"], updatedEvent.UpdateMask.Paths);
    }

    [Fact]
    public async Task Update_OutOfBounds_NamesTheNumbersFirstThenTheCities()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("plans/2030", new(-1, [new("340100", -5)], double.NaN), allowMissing: true));

        Assert.Equal(
            ["plan.target_key_projects_under_implementation", "plan.target_investment_growth_percent", "plan.city_targets[0].target_key_projects_under_implementation"],
            error.FieldViolations.Select(v => v.Field));
        Assert.Empty(await Harness.EventsAsync());
    }

    [Theory]
    [InlineData(0, 10.0, "plan.reporting_deadline_day")]
    [InlineData(29, 10.0, "plan.reporting_deadline_day")]
    [InlineData(-5, 10.0, "plan.reporting_deadline_day")]
    [InlineData(5, -0.5, "plan.schedule_lag_tolerance_points")]
    [InlineData(5, 100.5, "plan.schedule_lag_tolerance_points")]
    [InlineData(5, double.NaN, "plan.schedule_lag_tolerance_points")]
    [InlineData(5, double.PositiveInfinity, "plan.schedule_lag_tolerance_points")]
    public async Task Update_ReportingSettingOutOfRange_IsRefusedOnItsFieldAndNothingStored(int deadlineDay, double tolerance, string field)
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("plans/2024", new(null, [], null, deadlineDay, tolerance)));

        Assert.Equal(field, Assert.Single(error.FieldViolations).Field);
        Assert.Empty(await Harness.EventsAsync());
        var stored = await UpdateAsync("plans/2024", new(null, [], null));
        Assert.False(stored.HasReportingDeadlineDay || stored.HasScheduleLagTolerancePoints);
    }

    [Fact]
    public async Task Update_ReportingSettings_AreStoredAndMaskedLikeTheTargets()
    {
        var set = await UpdateAsync("plans/2024", new(null, [], null, 10, 15));

        Assert.Equal((10, 15.0, 1200), (set.ReportingDeadlineDay, set.ScheduleLagTolerancePoints, set.TargetKeyProjectsUnderImplementation));
        var cleared = await UpdateAsync("plans/2024", new(null, [], null), mask: new FieldMask { Paths = { "reporting_deadline_day" } });
        Assert.False(cleared.HasReportingDeadlineDay);
        Assert.Equal(15.0, cleared.ScheduleLagTolerancePoints);
        var events = await Harness.EventsAsync();
        Assert.Equal(["reporting_deadline_day"], Proto.PlanUpdated.Parser.ParseJson(events[^1].Body).UpdateMask.Paths);
    }

    [Fact]
    public async Task Update_Missing_IsNotFoundWithoutAllowMissing()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("plans/2031", new(1, [], null)));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }
}
