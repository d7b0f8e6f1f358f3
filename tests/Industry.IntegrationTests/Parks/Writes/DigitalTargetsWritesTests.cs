using Google.Protobuf.WellKnownTypes;
using Industry.Parks.Data;
using Industry.Parks.Domain;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Writes;
using Industry.TestInfrastructure;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks.Writes;

/// <summary>The digital targets' upsert in-process on SQLite, through the real write pipeline (the suite's one yearly-targets upsert).</summary>
public sealed class DigitalTargetsWritesTests() : WriteHarnessTests<SqliteParksDbContext>("parks")
{
    private Task<Proto.DigitalTargets> UpdateAsync(string name, DigitalTargetsDraft values, bool allowMissing = false, string etag = "", FieldMask? mask = null) =>
        Harness.WriteAsync(
            new Proto.UpdateDigitalTargetsRequest(),
            (db, w) => new DigitalTargetsWrites(db).UpdateAsync(w, new TargetsUpdate<DigitalTargetsDraft>("digital_targets", name, etag, values, mask, allowMissing)));

    [Fact]
    public async Task Update_CreatedThenMaskedAbsentTarget_ClearsItWithTheChangedPathsInTheEvents()
    {
        var created = await UpdateAsync("digitalTargets/2030", new(20, null, 300, [new("340200", 2, null, null), new("340100", 3, null, null)]), allowMissing: true);
        var cleared = await UpdateAsync("digitalTargets/2030", new(null, 6000, null, []), etag: created.Etag, mask: new() { Paths = { "parks_certified", "enterprises_transformed" } });

        Assert.Equal(("W/\"1\"", "W/\"2\""), (created.Etag, cleared.Etag));
        Assert.Equal((false, 6000, 300, 2), (cleared.HasParksCertified, cleared.EnterprisesTransformed, cleared.WorkshopsFactoriesLeaders, cleared.CityTargets.Count));
        Assert.Equal(["340100", "340200"], created.CityTargets.Select(c => c.CityCode));
        var masks = (await Harness.EventsAsync()).Select(e => Proto.DigitalTargetsUpdated.Parser.ParseJson(e.Body).UpdateMask.Paths.ToList());
        Assert.Equal([["parks_certified", "workshops_factories_leaders", "city_targets"], ["parks_certified", "enterprises_transformed"]], masks);
    }

    [Fact]
    public async Task Update_UnchangedExistingTargets_WritesNothing()
    {
        var seeded = await UpdateAsync("digitalTargets/2024", new(null, null, null, []));

        Assert.Equal("W/\"1\"", seeded.Etag);
        Assert.Empty(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Update_MissingOrStaleOrOutOfBounds_IsRefusedWithTheRequestFields()
    {
        var missing = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("digitalTargets/2031", new(1, null, null, [])));
        var stale = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync("digitalTargets/2024", new(1, null, null, []), etag: "W/\"9\""));
        var invalid = await Assert.ThrowsAsync<ServiceException>(() => UpdateAsync(
            "digitalTargets/2031", new(-1, null, null, [new("340100", null, 1_000_001, null), new("999999", null, null, null), new("340100", null, null, null)]), allowMissing: true));

        Assert.Equal((ErrorKind.NotFound, ErrorKind.Aborted), (missing.Kind, stale.Kind));
        Assert.Equal(
            ["digital_targets.parks_certified", "digital_targets.city_targets[0].enterprises_transformed", "digital_targets.city_targets[1].city_code", "digital_targets.city_targets[2].city_code"],
            invalid.FieldViolations.Select(v => v.Field));
        Assert.Empty(await Harness.EventsAsync());
    }
}
