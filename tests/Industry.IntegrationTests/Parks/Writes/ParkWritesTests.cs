using System.Data.Common;
using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.Parks.Domain;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Idempotency;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks.Writes;

/// <summary>The park's handlers in-process on SQLite, through the real write pipeline: no service process.</summary>
public sealed class ParkWritesTests() : WriteHarnessTests<SqliteParksDbContext>("parks")
{
    private Task<Proto.Park> CreateAsync(string id, Proto.Park park, string requestId = "", ServiceDefaults.Security.Caller? caller = null) =>
        Harness.WriteAsync(
            new Proto.CreateParkRequest { ParkId = id, Park = park, RequestId = requestId },
            (db, w) => new ParkWrites(db).CreateAsync(w, id, park.ToDraft()),
            caller);

    [Fact]
    public async Task Create_StoresTheParkWithItsCreatedEventInOneSave()
    {
        var created = await CreateAsync("hefei-a", NewPark());

        await using var db = Harness.NewContext();
        var stored = await db.Parks.SingleAsync();
        Assert.Equal(("parks/hefei-a", 1L, "340100"), (stored.Name, stored.Version, stored.CityCode));
        var events = await Harness.EventsAsync();
        Assert.Equal([("industry.parks.v1.ParkCreated", created.Name, 1L)], events.Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
    }

    [Fact]
    public async Task Create_ARepeatedRequestId_ReturnsTheFirstResponseAndWritesOnce()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await CreateAsync("hefei-b", NewPark(), requestId);
        var again = await CreateAsync("hefei-b", NewPark(), requestId);

        Assert.Equal(first, again);
        Assert.Single(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Create_ACityEditorOfAnotherCity_IsRefusedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => CreateAsync("hefei-c", NewPark(), caller: WriteHarness.CityEditor("340200")));

        Assert.Equal((ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY"), (error.Kind, error.Reason));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Parks.ToListAsync());
        Assert.Empty(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Certify_FromApplied_IsTheOneIllegalTransitionShapeAndChangesNothing()
    {
        await CreateAsync("hefei-d", NewPark(leadIndustry: "industries/AUTO"));

        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.CertifyParkRequest { Name = "parks/hefei-d", Year = 2024, Batch = 1 },
            (db, w) => new ParkWrites(db).CertifyAsync(w, "parks/hefei-d", string.Empty, 2024, 1)));

        Assert.Equal("ILLEGAL_STATE_TRANSITION", error.Reason);
        Assert.Equal(
            ["resource", "current_state", "requested_transition", "requested_state", "allowed_transitions", "allowed_states"],
            error.Metadata.Keys);
        Assert.Equal(("CertifyPark", "PARK_STATE_CERTIFIED", "SubmitPark"), (error.Metadata["requested_transition"], error.Metadata["requested_state"], error.Metadata["allowed_transitions"]));
        await using var db = Harness.NewContext();
        Assert.Equal((ParkState.Applied, 1L), await db.Parks.Select(p => ValueTuple.Create(p.State, p.Version)).SingleAsync());
        Assert.Single(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Update_MovingTheParkToAnotherCity_CommitsTheMoveWithItsEvent()
    {
        await CreateAsync("hefei-e", NewPark());
        var updated = await Harness.WriteAsync(
            new Proto.UpdateParkRequest(),
            (db, w) => new ParkWrites(db).UpdateAsync(w, "parks/hefei-e", string.Empty, new ParkDraft { CountyCode = "340207" }, new() { Paths = { "county_code" } }));

        Assert.Equal(("340200", "W/\"2\""), (updated.CityCode, updated.Etag));
        Assert.Equal(["industry.parks.v1.ParkCreated", "industry.parks.v1.ParkUpdated"], (await Harness.EventsAsync()).Select(e => e.EventType));
    }

    [Fact]
    public async Task Update_MovingToAnotherCity_WhenTheSaveFailsAfterTheBulkMove_LeavesTheParkAndItsTransformationsWhereTheyWere()
    {
        await CreateAsync("hefei-f", NewPark());
        await Harness.WriteAsync(
            new Proto.RecordTransformationRequest(),
            (db, w) => new TransformationWrites(db).RecordAsync(w, new TransformationReport("parks/hefei-f", NewUscc(), TransformationLevel.DigitalWorkshop, 2023, "安徽示范制造有限公司", string.Empty, string.Empty)));
        Harness.Interceptors.Add(new FailingParkUpdate());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Harness.WriteAsync(
            new Proto.UpdateParkRequest(),
            (db, w) => new ParkWrites(db).UpdateAsync(w, "parks/hefei-f", string.Empty, new ParkDraft { CountyCode = "340207" }, new() { Paths = { "county_code" } })));

        Assert.Contains(FailingParkUpdate.Message, error.ToString(), StringComparison.Ordinal);
        Harness.Interceptors.Clear();
        await using var db = Harness.NewContext();
        Assert.Equal(("340104", "340100", 1L), await db.Parks.Select(p => ValueTuple.Create(p.CountyCode, p.CityCode, p.Version)).SingleAsync());
        Assert.Equal(["340100"], await db.Transformations.Select(t => t.CityCode).ToListAsync());
        Assert.Equal(["340100"], await db.TransformationMilestones.Select(m => m.CityCode).ToListAsync());
        Assert.Equal(["industry.parks.v1.ParkCreated", "industry.parks.v1.TransformationRecorded"], (await Harness.EventsAsync()).Select(e => e.EventType));
        Assert.Empty(await db.Set<IdempotentRequest>().ToListAsync());
    }

    [Fact]
    public async Task DeleteForced_AnnouncesEachTransformationAtItsNextVersionThenThePark_AndARecordAgainGoesOn()
    {
        await CreateAsync("hefei-cas", NewPark());
        var usccs = new[] { NewUscc(), NewUscc() }.Order(StringComparer.Ordinal).ToList();
        await RecordAsync("parks/hefei-cas", usccs[0], TransformationLevel.DigitallyTransformed);
        await RecordAsync("parks/hefei-cas", usccs[1], TransformationLevel.DigitallyTransformed);
        await RecordAsync("parks/hefei-cas", usccs[1], TransformationLevel.DigitalWorkshop);
        var before = (await Harness.EventsAsync()).Count;

        await Harness.WriteAsync(new Proto.DeleteParkRequest { Force = true }, (db, w) => new ParkWrites(db).DeleteAsync(w, "parks/hefei-cas", string.Empty, force: true));

        var events = await Harness.EventsAsync();
        Assert.Equal(
            [
                ("industry.parks.v1.TransformationDeleted", $"parks/hefei-cas/transformations/{usccs[0]}", 2L),
                ("industry.parks.v1.TransformationDeleted", $"parks/hefei-cas/transformations/{usccs[1]}", 3L),
                ("industry.parks.v1.ParkDeleted", "parks/hefei-cas", 2L),
            ],
            events.Skip(before).Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
        var deleted = Proto.TransformationDeleted.Parser.ParseJson(events[before + 1].Body).Transformation;
        Assert.Equal((2, "W/\"3\""), (deleted.Milestones.Count, deleted.Etag));
        await using (var db = Harness.NewContext())
        {
            Assert.Empty(await db.Transformations.ToListAsync());
            Assert.Empty(await db.TransformationMilestones.ToListAsync());
        }

        await CreateAsync("hefei-cas", NewPark());
        var again = await RecordAsync("parks/hefei-cas", usccs[1], TransformationLevel.DigitallyTransformed);

        Assert.Equal("W/\"4\"", again.Etag);
        var last = (await Harness.EventsAsync())[^1];
        Assert.Equal(("industry.parks.v1.TransformationRecorded", 4L), (last.EventType, last.SubjectVersion));
    }

    private Task<Proto.Transformation> RecordAsync(string parent, string uscc, TransformationLevel level) =>
        Harness.WriteAsync(
            new Proto.RecordTransformationRequest { Parent = parent, EnterpriseUscc = uscc },
            (db, w) => new TransformationWrites(db).RecordAsync(w, new TransformationReport(parent, uscc, level, 2023, "安徽示范制造有限公司", string.Empty, string.Empty)));

    /// <summary>The database refusing the park's own UPDATE, in the final save: after the write's bulk statements ran in its transaction.</summary>
    private sealed class FailingParkUpdate : DbCommandInterceptor
    {
        public const string Message = "injected fault: the park's UPDATE fails";

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Refuse(command) ? throw new InvalidOperationException(Message) : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Refuse(command) ? throw new InvalidOperationException(Message) : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

        private static bool Refuse(DbCommand command) => command.CommandText.Contains("UPDATE \"parks\"", StringComparison.Ordinal);
    }
}
