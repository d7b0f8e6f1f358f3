using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Industry.History.V1;

namespace Industry.IntegrationTests.History;

/// <summary>
/// What the history service answers once its oldest month is archived (ADR 0043): a replay that would begin inside the
/// archive is refused with FAILED_PRECONDITION naming the horizon, never served with a silent gap; from the horizon on
/// it is served in full; a record's history lists the kept changes.
/// </summary>
public sealed class ArchivedReplayApiTests(HistoryServiceFixture fixture) : IClassFixture<HistoryServiceFixture>
{
    private HistoryService.HistoryServiceClient Client => new(fixture.Channel);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task AfterTheOldestMonthIsArchived_ReplayFromBeforeTheHorizonIsRefused_FromItIsServedInFull()
    {
        var database = new HistoryDatabase(fixture.Database);
        var archived = HistoryDatabase.MonthsAgo(2);
        var kept = archived.AddMonths(1);
        await database.EnsureMonthsAsync(archived, 2);
        var first = await database.InsertAsync("projects/p-archive", 1, archived.AddDays(3));
        var horizon = await database.InsertAsync("projects/p-archive", 2, archived.AddDays(9));
        var third = await database.InsertAsync("projects/p-archive", 3, kept.AddDays(1));
        var fourth = await database.InsertAsync("projects/p-other", 1, kept.AddDays(2));
        var table = await database.ScalarAsync<string>("SELECT history_archive_month(@p0::date)", archived.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await database.ScalarAsync<object>($"DROP TABLE {table}");

        foreach (var fromBefore in new[] { new StreamEventsRequest(), new StreamEventsRequest { AfterPosition = first } })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(fromBefore));
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            var status = error.GetRpcStatus()!;
            var info = status.GetDetail<ErrorInfo>();
            Assert.Equal("EVENTS_ARCHIVED", info.Reason);
            Assert.Equal(horizon.ToString(CultureInfo.InvariantCulture), info.Metadata["archived_through_position"]);
            Assert.Equal(kept.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), info.Metadata["kept_from_time"]);
            Assert.Equal("after_position", Assert.Single(status.GetDetail<PreconditionFailure>().Violations).Subject);
        }

        var beforeKept = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(new StreamEventsRequest { StartTime = Timestamp.FromDateTime(kept.AddSeconds(-1)) }));
        Assert.Equal(StatusCode.FailedPrecondition, beforeKept.StatusCode);
        Assert.Equal("start_time", Assert.Single(beforeKept.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);

        Assert.Equal(new[] { third, fourth }, await ReadAllAsync(new StreamEventsRequest { AfterPosition = horizon }));
        Assert.Equal(new[] { third, fourth }, await ReadAllAsync(new StreamEventsRequest { StartTime = Timestamp.FromDateTime(kept) }));
        Assert.Equal(new[] { fourth }, await ReadAllAsync(new StreamEventsRequest { AfterPosition = third }));

        var changes = await Client.ListChangesAsync(new ListChangesRequest { Parent = "projects/p-archive" }, Options);
        Assert.Equal(new[] { 3L }, changes.Changes.Select(c => c.SubjectVersion));
    }

    private async Task<List<long>> ReadAllAsync(StreamEventsRequest request)
    {
        using var call = Client.StreamEvents(request, Options);
        var positions = new List<long>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            positions.Add(call.ResponseStream.Current.Position);
        }

        return positions;
    }
}
