using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.EndToEndTests.AccessMatrix;
using Industry.History.V1;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 20 across processes: changes made through the gateway reach the history service over the broker and list with
/// their actor and field diff; raw deliveries (duplicated, out of order) are kept once each in version order; the
/// replay resumes without gap or duplicate; a city editor sees its own city's changes only (ADR 0038).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class HistoryTests(SuiteFixture fixture) : IDisposable
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _history = TestTokens.Channel(fixture.Suite.History.GrpcAddress, TestTokens.Viewer);

    private HistoryService.HistoryServiceClient History => new(_history);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task ParkUpdatedThroughTheGateway_ListsWithItsActorAndFieldDiff_NewestFirst()
    {
        var inspector = TestTokens.Mint(Roles.ProvinceAdmin, subject: "history-inspector");
        var parks = new ParkService.ParkServiceClient(fixture.Gateway);
        var park = await parks.CreateParkAsync(new CreateParkRequest { Park = CityResources.NewPark(CityResources.CountyA) }, TestTokens.Bearer(inspector));
        var changed = park.Clone();
        changed.DisplayName = "历史记录示范园区";
        await parks.UpdateParkAsync(new UpdateParkRequest { Park = changed, UpdateMask = new FieldMask { Paths = { "display_name" } } }, TestTokens.Bearer(inspector));

        var gatewayHistory = new HistoryService.HistoryServiceClient(fixture.Gateway);
        var changes = await WaitForChangesAsync(() => gatewayHistory.ListChangesAsync(new ListChangesRequest { Parent = park.Name }, Options).ResponseAsync, 2);

        Assert.Equal(["industry.parks.v1.ParkUpdated", "industry.parks.v1.ParkCreated"], changes.Select(c => c.EventType));
        Assert.Equal([2L, 1L], changes.Select(c => c.SubjectVersion));
        Assert.All(changes, c => Assert.Equal(("history-inspector", "parks", CityResources.CityA), (c.Actor, c.ResourceType, c.CityCode)));
        var displayName = Assert.Single(changes[0].FieldChanges, f => f.Path == "displayName");
        Assert.Equal(("权限矩阵示范园区", "历史记录示范园区"), (displayName.OldValue.StringValue, displayName.NewValue.StringValue));
        Assert.Empty(changes[1].FieldChanges); // the first version has nothing to differ from
        Assert.DoesNotContain(changes[0].FieldChanges, f => f.Path is "countyCode" or "parkType");

        // The same over JSON through the gateway (the record's name in the path, under history/).
        using var json = await fixture.GatewayHttp.GetAsync($"/v1/history/{park.Name}/changes?pageSize=1");
        var text = await json.Content.ReadAsStringAsync();
        Assert.True(json.IsSuccessStatusCode, text);
        Assert.Contains("\"eventType\": \"industry.parks.v1.ParkUpdated\"", text.Replace("\":\"", "\": \"", StringComparison.Ordinal));
        Assert.Contains("\"nextPageToken\"", text);
    }

    [Fact]
    public async Task DuplicateAndOutOfOrderDeliveries_AreKeptOnceEach_AndListInVersionOrder()
    {
        var subject = $"parks/history-raw-{Guid.NewGuid():N}"[..40];
        var first = Guid.NewGuid();
        await using var publisher = await EventPublisher.ConnectAsync(fixture.Suite.Infrastructure.RabbitMqUri);

        // Version 3 arrives first, then 1, then 2 twice, then 1 again: three events, five deliveries.
        await publisher.PublishAsync(RawParkUpdated(subject, 3, "第三版", Guid.NewGuid()));
        await publisher.PublishAsync(RawParkUpdated(subject, 1, "第一版", first));
        var second = RawParkUpdated(subject, 2, "第二版", Guid.NewGuid());
        await publisher.PublishAsync(second);
        await publisher.PublishAsync(second);
        await publisher.PublishAsync(RawParkUpdated(subject, 1, "第一版", first));

        var changes = await WaitForChangesAsync(() => History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options).ResponseAsync, 3);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the duplicates had their chance to land
        changes = (await History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options)).Changes.ToList();

        Assert.Equal([3L, 2L, 1L], changes.Select(c => c.SubjectVersion));
        Assert.Equal(changes.Count, changes.Select(c => c.EventId).Distinct().Count());
        Assert.Equal(["第二版→第三版", "第一版→第二版"], changes.Take(2).Select(c => c.FieldChanges.Single(f => f.Path == "displayName")).Select(f => $"{f.OldValue.StringValue}→{f.NewValue.StringValue}"));
        Assert.Equal("test", changes[0].Actor);

        // A page of one change diffs against the record as it was, not against what the page shows: walking the pages
        // one by one gives every change the diff of the whole list.
        var byOne = new List<Change>();
        var request = new ListChangesRequest { Parent = subject, PageSize = 1 };
        do
        {
            var page = await History.ListChangesAsync(request, Options);
            byOne.AddRange(page.Changes);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(changes, byOne);
    }

    [Fact]
    public async Task StreamEvents_ResumedAfterTheLastPositionReceived_HasNoGapAndNoDuplicate()
    {
        var subject = $"parks/history-stream-{Guid.NewGuid():N}"[..42];
        await using var publisher = await EventPublisher.ConnectAsync(fixture.Suite.Infrastructure.RabbitMqUri);
        for (var version = 1; version <= 6; version++)
        {
            await publisher.PublishAsync(RawParkUpdated(subject, version, $"第{version}版", Guid.NewGuid()));
        }

        await WaitForChangesAsync(() => History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options).ResponseAsync, 6);
        var request = new StreamEventsRequest { EventTypes = { "industry.parks.v1.ParkUpdated" } };

        // The client reads two of the subject's events and disconnects; it resumes after the last position it saw.
        var seen = new List<StoredEvent>();
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            using var call = History.StreamEvents(request, cancellationToken: cancel.Token);
            await foreach (var stored in call.ResponseStream.ReadAllAsync(cancel.Token))
            {
                seen.Add(stored);
                if (seen.Count(s => s.Subject == subject) == 2)
                {
                    break;
                }
            }
        }

        request.AfterPosition = seen[^1].Position;
        using var resumed = History.StreamEvents(request, Options);
        await foreach (var stored in resumed.ResponseStream.ReadAllAsync())
        {
            seen.Add(stored);
        }

        var positions = seen.Select(s => s.Position).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        var ours = seen.Where(s => s.Subject == subject).ToList();
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], ours.Select(s => s.SubjectVersion).Order());
        var body = ours[0].Event.Unpack<ParkUpdated>();
        Assert.Equal((subject, ours[0].Id, "industry.parks.v1.ParkUpdated"), (body.Park.Name, body.Metadata.EventId, ours[0].Type));
        Assert.All(seen, s => Assert.Equal("industry.parks.v1.ParkUpdated", s.Type));
    }

    [Fact]
    public async Task SearchChanges_ACityEditorSeesItsOwnCityOnly_AViewerSeesEveryCity()
    {
        var parks = new ParkService.ParkServiceClient(fixture.Gateway);
        var hefei = await parks.CreateParkAsync(new CreateParkRequest { Park = CityResources.NewPark(CityResources.CountyA) });
        var wuhu = await parks.CreateParkAsync(new CreateParkRequest { Park = CityResources.NewPark("340202") });
        var filter = $"resource_type = \"parks\" AND occur_time >= \"{DateTime.UtcNow.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}\"";

        var viewerSees = await WaitForChangesAsync(
            async () => (await History.SearchChangesAsync(new SearchChangesRequest { Filter = filter, PageSize = 1000 }, Options)).Changes.Where(c => c.Subject == hefei.Name || c.Subject == wuhu.Name).ToList(),
            2);
        var editor = new HistoryService.HistoryServiceClient(fixture.Gateway);
        var editorSees = (await editor.SearchChangesAsync(new SearchChangesRequest { Filter = filter, PageSize = 1000 }, TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, CityResources.CityA)))).Changes;
        var editorList = await editor.ListChangesAsync(new ListChangesRequest { Parent = wuhu.Name }, TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, CityResources.CityA)));

        Assert.Equal(2, viewerSees.Count);
        Assert.Contains(editorSees, c => c.Subject == hefei.Name);
        Assert.DoesNotContain(editorSees, c => c.Subject == wuhu.Name);
        Assert.All(editorSees, c => Assert.Equal(CityResources.CityA, c.CityCode));
        Assert.Empty(editorList.Changes);
    }

    [Fact]
    public async Task ASnapshotOfAVersionTheHistoryHolds_AddsNoChange_AndANewerOneDiffsAgainstTheLast()
    {
        var subject = $"parks/history-snap-{Guid.NewGuid():N}"[..40];
        await using var publisher = await EventPublisher.ConnectAsync(fixture.Suite.Infrastructure.RabbitMqUri);
        await publisher.PublishAsync(RawParkUpdated(subject, 1, "第一版", Guid.NewGuid()));
        await publisher.PublishAsync(RawParkUpdated(subject, 2, "第二版", Guid.NewGuid()));
        await WaitForChangesAsync(() => History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options).ResponseAsync, 2);

        // Two republications of version 2 (each its own event id) and a late snapshot of version 1: all covered.
        await publisher.PublishAsync(RawParkSnapshot(subject, 2, "第二版"));
        await publisher.PublishAsync(RawParkSnapshot(subject, 2, "第二版"));
        await publisher.PublishAsync(RawParkSnapshot(subject, 1, "第一版"));
        // Version 3 reaches the history as a snapshot only (its change was missed): kept, with the diff from version 2.
        await publisher.PublishAsync(RawParkSnapshot(subject, 3, "第三版"));

        var changes = await WaitForChangesAsync(() => History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options).ResponseAsync, 3);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the covered snapshots had their chance to land
        changes = (await History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options)).Changes.ToList();

        Assert.Equal([3L, 2L, 1L], changes.Select(c => c.SubjectVersion));
        Assert.Equal(["industry.parks.v1.ParkSnapshot", "industry.parks.v1.ParkUpdated", "industry.parks.v1.ParkUpdated"], changes.Select(c => c.EventType));
        Assert.Equal(["displayName"], changes[0].FieldChanges.Select(f => f.Path));
        Assert.Equal(("第二版", "第三版"), (changes[0].FieldChanges[0].OldValue.StringValue, changes[0].FieldChanges[0].NewValue.StringValue));
        Assert.Equal(["displayName"], changes[1].FieldChanges.Select(f => f.Path));
    }

    [Fact]
    public async Task ASnapshotOfARecordWithoutHistory_IsItsFirstEntry_WithEveryFieldSet()
    {
        var subject = $"parks/history-seed-{Guid.NewGuid():N}"[..40];
        await using var publisher = await EventPublisher.ConnectAsync(fixture.Suite.Infrastructure.RabbitMqUri);

        await publisher.PublishAsync(RawParkSnapshot(subject, 5, "早于历史服务的园区"));

        var change = Assert.Single(await WaitForChangesAsync(() => History.ListChangesAsync(new ListChangesRequest { Parent = subject }, Options).ResponseAsync, 1));
        Assert.Equal(("industry.parks.v1.ParkSnapshot", 5L, CityResources.CityA), (change.EventType, change.SubjectVersion, change.CityCode));
        Assert.Equal(["cityCode", "countyCode", "displayName", "name"], change.FieldChanges.Select(f => f.Path));
        Assert.All(change.FieldChanges, f => Assert.Null(f.OldValue));
        Assert.Equal("早于历史服务的园区", change.FieldChanges.Single(f => f.Path == "displayName").NewValue.StringValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("projects")]
    [InlineData("projects//x")]
    [InlineData("projects/p 1")]
    public async Task ListChanges_OfAMalformedName_IsInvalidArgumentOnParent(string parent)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => History.ListChangesAsync(new ListChangesRequest { Parent = parent }, Options).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("parent", error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task StreamEvents_OfAnUnknownEventType_IsInvalidArgument()
    {
        using var call = History.StreamEvents(new StreamEventsRequest { EventTypes = { "industry.parks.v1.NoSuchEvent" } }, Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    public void Dispose() => _history.Dispose();

    private static ParkUpdated RawParkUpdated(string subject, long version, string displayName, Guid eventId) => new()
    {
        Metadata = EventPublisher.Metadata<ParkUpdated>(subject, version, eventId),
        Park = new Park { Name = subject, DisplayName = displayName, CountyCode = CityResources.CountyA, CityCode = CityResources.CityA },
        UpdateMask = new FieldMask { Paths = { "display_name" } },
    };

    private static ParkSnapshot RawParkSnapshot(string subject, long version, string displayName) => new()
    {
        Metadata = EventPublisher.Metadata<ParkSnapshot>(subject, version),
        Park = new Park { Name = subject, DisplayName = displayName, CountyCode = CityResources.CountyA, CityCode = CityResources.CityA },
    };

    private static async Task<List<Change>> WaitForChangesAsync(Func<Task<ListChangesResponse>> list, int count) =>
        await WaitForChangesAsync(async () => (await list()).Changes.ToList(), count);

    private static async Task<List<Change>> WaitForChangesAsync(Func<Task<List<Change>>> list, int count)
    {
        var deadline = DateTime.UtcNow + Arrival;
        while (true)
        {
            var changes = await list();
            if (changes.Count >= count || DateTime.UtcNow > deadline)
            {
                return changes;
            }

            await Task.Delay(200);
        }
    }
}
