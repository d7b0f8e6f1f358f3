using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster.Writes;

/// <summary>The enterprise's handlers, single and batched, in-process on SQLite through the real write pipeline.</summary>
public sealed class EnterpriseWritesTests() : WriteHarnessTests<SqliteClusterDbContext>("cluster")
{
    [Fact]
    public async Task Grant_ALittleGiantWithoutSpecializedSme_IsRefusedAndNothingChanges()
    {
        var uscc = NewUscc();
        await Harness.WriteAsync(new Proto.CreateEnterpriseRequest(), (db, w) => new EnterpriseWrites(db).CreateAsync(w, NewEnterprise(uscc)));
        var grant = new Proto.GrantQualificationRequest { Name = "enterprises/" + uscc, Type = Proto.QualificationType.LittleGiant, Year = 2023 };

        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(grant, (db, w) => new EnterpriseWrites(db).GrantAsync(w, grant)));

        Assert.Equal((ErrorKind.FailedPrecondition, "QUALIFICATION_PREREQUISITE_MISSING"), (error.Kind, error.Reason));
        await using var db = Harness.NewContext();
        Assert.Equal(1L, await db.Enterprises.Select(e => e.Version).SingleAsync());
        Assert.Empty(await db.Qualifications.ToListAsync());
        Assert.Equal(["industry.clusters.v1.EnterpriseCreated"], (await Harness.EventsAsync()).Select(e => e.EventType));
    }

    [Fact]
    public async Task BatchCreate_AllValid_StoresEveryEnterpriseWithItsEventInOneWrite()
    {
        var items = new[] { NewEnterprise(), NewEnterprise() }.Select(e => new Proto.CreateEnterpriseRequest { Enterprise = e }).ToList();

        var response = await Harness.WriteAsync(new Proto.BatchCreateEnterprisesRequest { Requests = { items } }, (db, w) => new EnterpriseWrites(db).BatchCreateAsync(w, items));

        Assert.Equal(items.Select(i => "enterprises/" + i.Enterprise.Uscc), response.Enterprises.Select(e => e.Name));
        await using var db = Harness.NewContext();
        Assert.Equal(2, await db.Enterprises.CountAsync());
        Assert.Equal(
            response.Enterprises.Select(e => ("industry.clusters.v1.EnterpriseCreated", e.Name, 1L)),
            (await Harness.EventsAsync()).Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
    }

    [Fact]
    public async Task BatchCreate_TheSameUsccTwice_FailsTheWholeBatchNamingTheItemAndStoresNothing()
    {
        var uscc = NewUscc();
        var items = new[] { NewEnterprise(uscc), NewEnterprise(NewUscc()), NewEnterprise(uscc) }.Select(e => new Proto.CreateEnterpriseRequest { Enterprise = e }).ToList();

        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            Harness.WriteAsync(new Proto.BatchCreateEnterprisesRequest { Requests = { items } }, (db, w) => new EnterpriseWrites(db).BatchCreateAsync(w, items)));

        Assert.Equal((ErrorKind.AlreadyExists, "2"), (error.Kind, error.Metadata["request_index"]));
        Assert.StartsWith("requests[2]: ", error.Message, StringComparison.Ordinal);
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Enterprises.ToListAsync());
        Assert.Empty(await Harness.EventsAsync());
    }

    // The yearly figures of progress (ADR 0048) kept by the saves on SQLite, one statement per enterprise, as on PostgreSQL.
    [Fact]
    public async Task Writes_KeepTheYearlyFiguresOnSqlite()
    {
        var kept = NewEnterprise();
        var moved = NewEnterprise();
        moved.AboveSizeYear = 2019;
        var items = new[] { kept, moved }.Select(e => new Proto.CreateEnterpriseRequest { Enterprise = e }).ToList();
        await Harness.WriteAsync(new Proto.BatchCreateEnterprisesRequest { Requests = { items } }, (db, w) => new EnterpriseWrites(db).BatchCreateAsync(w, items));
        var grant = new Proto.GrantQualificationRequest { Name = "enterprises/" + moved.Uscc, Type = Proto.QualificationType.InnovativeSme, Year = 2022 };
        await Harness.WriteAsync(grant, (db, w) => new EnterpriseWrites(db).GrantAsync(w, grant));
        var move = new Proto.UpdateEnterpriseRequest
        {
            Enterprise = new Proto.Enterprise { Name = "enterprises/" + moved.Uscc, CountyCode = "340202" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "county_code" } },
        };
        await Harness.WriteAsync(move, (db, w) => new EnterpriseWrites(db).UpdateAsync(w, move.Enterprise, move.UpdateMask));

        await using var db = Harness.NewContext();
        var changes = await db.AboveSizeYearChanges.Where(c => c.NetChange != 0 || c.Entered != 0).OrderBy(c => c.Year).ToListAsync();
        Assert.Equal([(2019, "340200", 1, 1), (2021, "340100", 1, 1)], changes.Select(c => (c.Year, c.CityCode, c.NetChange, c.Entered)));
        var grants = await db.QualificationYearGrants.Where(g => g.Granted != 0).ToListAsync();
        Assert.Equal([(2022, "340200", QualificationType.InnovativeSme, 1)], grants.Select(g => (g.Year, g.CityCode, g.Type, g.Granted)));
    }
}
