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

    [Fact]
    public async Task Update_Missing_IsNotFoundWithoutAllowMissing()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("plans/2031", new(1, [], null)));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }
}
