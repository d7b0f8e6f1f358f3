using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.Parks.Domain;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks.Writes;

/// <summary>The transformations' handlers in-process on SQLite, through the real write pipeline: no service process.</summary>
public sealed class TransformationWritesTests() : WriteHarnessTests<SqliteParksDbContext>("parks")
{
    private const string Park = "parks/hefei-t";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.WriteAsync(new Proto.CreateParkRequest(), (db, w) => new ParkWrites(db).CreateAsync(w, "hefei-t", NewPark().ToDraft()));
    }

    private static TransformationReport Report(string uscc, TransformationLevel level, int year = 2023, string displayName = "安徽示范制造有限公司", string parent = Park) =>
        new(parent, uscc, level, year, displayName, string.Empty, string.Empty);

    private Task<Proto.Transformation> RecordAsync(TransformationReport report, ServiceDefaults.Security.Caller? caller = null) =>
        Harness.WriteAsync(
            new Proto.RecordTransformationRequest { Parent = report.Parent, EnterpriseUscc = report.EnterpriseUscc },
            (db, w) => new TransformationWrites(db).RecordAsync(w, report),
            caller);

    [Fact]
    public async Task Record_NewThenHigherThenTheSameAgain_RaisesALevelOnceAndWritesNothingForTheRepeat()
    {
        var uscc = NewUscc();
        var first = await RecordAsync(Report(uscc, TransformationLevel.DigitallyTransformed, 2022));
        var raised = await RecordAsync(Report(uscc, TransformationLevel.SmartFactory));
        var repeated = await RecordAsync(Report(uscc, TransformationLevel.SmartFactory));

        Assert.Equal(("W/\"1\"", "W/\"2\""), (first.Etag, raised.Etag));
        Assert.Equal(raised, repeated);
        var events = await Harness.EventsAsync();
        Assert.Equal(
            [("industry.parks.v1.TransformationRecorded", first.Name, 1L), ("industry.parks.v1.TransformationRecorded", first.Name, 2L)],
            events.Where(e => e.Subject == first.Name).Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
        await using var db = Harness.NewContext();
        Assert.Equal(2, await db.TransformationMilestones.CountAsync());
    }

    [Fact]
    public async Task Record_ACityEditorOfAnotherCity_IsRefusedBeforeThePark()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            RecordAsync(Report(NewUscc(), TransformationLevel.DigitalWorkshop), WriteHarness.CityEditor("340200")));

        Assert.Equal((ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY"), (error.Kind, error.Reason));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Transformations.ToListAsync());
    }

    [Fact]
    public async Task BatchRecord_AFailingItem_IsNamedAndNothingOfTheBatchIsStored()
    {
        var uscc = NewUscc();
        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.BatchRecordTransformationsRequest { Parent = Park },
            (db, w) => new TransformationWrites(db).BatchRecordAsync(w, Park, [Report(uscc, TransformationLevel.SmartFactory, parent: string.Empty), Report(uscc, TransformationLevel.DigitalWorkshop, parent: string.Empty)])));

        Assert.Equal((ErrorKind.FailedPrecondition, "TRANSFORMATION_LEVEL_NOT_HIGHER", "1"), (error.Kind, error.Reason, error.Metadata["request_index"]));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Transformations.ToListAsync());
        Assert.Single(await Harness.EventsAsync()); // the park's creation
    }

    [Fact]
    public async Task BatchRecord_TheSameEnterpriseTwice_RecordsItOnceAtTheHigherLevel()
    {
        var uscc = NewUscc();
        var response = await Harness.WriteAsync(
            new Proto.BatchRecordTransformationsRequest { Parent = Park },
            (db, w) => new TransformationWrites(db).BatchRecordAsync(w, Park, [Report(uscc, TransformationLevel.DigitalWorkshop, parent: string.Empty), Report(uscc, TransformationLevel.DigitalLeader, parent: Park)]));

        Assert.Equal([Proto.TransformationLevel.DigitalWorkshop, Proto.TransformationLevel.DigitalLeader], response.Transformations.Select(t => t.Level));
        await using var db = Harness.NewContext();
        Assert.Equal((TransformationLevel.DigitalLeader, 2L), await db.Transformations.Select(t => ValueTuple.Create(t.Level, t.Version)).SingleAsync());
    }

    [Fact]
    public async Task Update_TheNote_RaisesUpdatedWithThePathThatChanged()
    {
        var recorded = await RecordAsync(Report(NewUscc(), TransformationLevel.DigitalWorkshop));

        var updated = await Harness.WriteAsync(
            new Proto.UpdateTransformationRequest(),
            (db, w) => new TransformationWrites(db).UpdateAsync(w, recorded.Name, recorded.Etag, string.Empty, "新的说明", null));

        Assert.Equal(("新的说明", recorded.EnterpriseDisplayName, "W/\"2\""), (updated.Note, updated.EnterpriseDisplayName, updated.Etag));
        var last = (await Harness.EventsAsync())[^1];
        Assert.Equal(("industry.parks.v1.TransformationUpdated", 2L), (last.EventType, last.SubjectVersion));
        Assert.Equal(["note"], Proto.TransformationUpdated.Parser.ParseJson(last.Body).UpdateMask.Paths);
    }

    [Fact]
    public async Task Delete_ThenRecordAgain_GoesOnFromTheDeletedVersion()
    {
        var uscc = NewUscc();
        var recorded = await RecordAsync(Report(uscc, TransformationLevel.DigitalWorkshop));

        await Harness.WriteAsync(
            new Proto.DeleteTransformationRequest { Name = recorded.Name },
            (db, w) => new TransformationWrites(db).DeleteAsync(w, recorded.Name, recorded.Etag));
        var again = await RecordAsync(Report(uscc, TransformationLevel.DigitallyTransformed));

        Assert.Equal("W/\"3\"", again.Etag);
        Assert.Equal(
            ["industry.parks.v1.TransformationRecorded", "industry.parks.v1.TransformationDeleted", "industry.parks.v1.TransformationRecorded"],
            (await Harness.EventsAsync()).Where(e => e.Subject == recorded.Name).Select(e => e.EventType));
    }
}
