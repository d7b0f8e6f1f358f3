using System.Net;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>The cluster resource over a real gRPC channel and PostgreSQL: every error code, and nothing stored on rejection.</summary>
public sealed class ClustersApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task CreateCluster_Valid_IsCultivatingWithDerivedCityReadableByNameAndEmitsCreated()
    {
        var id = NewId("hefei-ev");

        var created = await Client.CreateAsync(NewCluster(), id);

        Assert.Equal("clusters/" + id, created.Name);
        Assert.Equal((Proto.ClusterState.Cultivating, Proto.ClusterLevel.Unspecified, 0), (created.State, created.Level, created.RecognitionYear));
        Assert.Equal(("340100", "industries/AUTO", "W/\"1\""), (created.CityCode, created.Industry, created.Etag));
        Assert.Equal(NewCluster().ChainLeaders, created.ChainLeaders);
        Assert.Equal(created, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterCreated'", created.Name));
    }

    [Fact]
    public async Task CreateCluster_WithoutId_GetsAServerAssignedId()
    {
        var created = await Client.CreateClusterAsync(new Proto.CreateClusterRequest { Cluster = NewCluster() }, Deadline);

        Assert.Matches("^clusters/c-[0-9a-f]{32}$", created.Name);
    }

    [Fact]
    public async Task CreateCluster_LowerCaseCodes_AreStoredAsCodes()
    {
        var cluster = NewCluster();
        cluster.Industry = "industries/auto";
        cluster.ChainLeaders[0] = "enterprises/91340000711771143j";

        var created = await Client.CreateAsync(cluster);

        Assert.Equal(("industries/AUTO", "enterprises/91340000711771143J"), (created.Industry, created.ChainLeaders[0]));
    }

    [Fact]
    public async Task CreateCluster_InvalidFields_IsInvalidArgumentWithEveryViolationAndStoresNothing()
    {
        var bad = NewCluster(displayName: "无效的集群 " + Guid.NewGuid());
        bad.Kind = Proto.ClusterKind.Unspecified;
        bad.Industry = "industries/STEEL";
        bad.LeadDivisionCode = "999999";
        bad.HostPark = "合肥高新区";
        bad.ChainLeaders.Add("enterprises/91340000711771143K");

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateClusterAsync(new Proto.CreateClusterRequest { Cluster = bad, ClusterId = "Bad_Id" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["cluster.chain_leaders[2]", "cluster.host_park", "cluster.industry", "cluster.kind", "cluster.lead_division_code", "cluster_id"], fields);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM clusters WHERE display_name = @p0", bad.DisplayName));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE body LIKE @p0", "%" + bad.DisplayName + "%"));
    }

    [Fact]
    public async Task CreateCluster_MissingCluster_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateClusterAsync(new Proto.CreateClusterRequest(), Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CreateCluster_IdTaken_IsAlreadyExistsAndKeepsTheFirst()
    {
        var id = NewId("taken");
        var first = await Client.CreateAsync(NewCluster(), id);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateAsync(NewCluster(displayName: "另一个集群"), id));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(first, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = first.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Theory]
    [InlineData("clusters/no-such-cluster", StatusCode.NotFound)]
    [InlineData("clusters/", StatusCode.InvalidArgument)]
    [InlineData("projects/p-1", StatusCode.InvalidArgument)]
    [InlineData("clusters/a/b", StatusCode.InvalidArgument)]
    public async Task GetCluster_MissingOrMalformedName_IsNotFoundOrInvalidArgument(string name, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetClusterAsync(new Proto.GetClusterRequest { Name = name }, Deadline).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task UpdateCluster_Mask_ChangesOnlyTheMaskedFieldsAndEmitsUpdatedWithThem()
    {
        var created = await Client.CreateAsync(NewCluster());

        var updated = await Client.UpdateClusterAsync(new Proto.UpdateClusterRequest
        {
            Cluster = new Proto.Cluster { Name = created.Name, LeadDivisionCode = "340207", DisplayName = "不在掩码中", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "leadDivisionCode", "chain_leaders" } },
        }, Deadline);

        Assert.Equal(("340207", "340200", created.DisplayName), (updated.LeadDivisionCode, updated.CityCode, updated.DisplayName));
        Assert.Empty(updated.ChainLeaders); // in the mask and absent: cleared
        Assert.Equal("W/\"2\"", updated.Etag);
        Assert.Equal(updated, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterUpdated' AND body::jsonb ->> 'updateMask' = 'leadDivisionCode,chainLeaders'",
            created.Name));
    }

    [Fact]
    public async Task UpdateCluster_NoMask_UpdatesTheFieldsSetAndNothingWhenUnchanged()
    {
        var created = await Client.CreateAsync(NewCluster());

        var same = await Client.UpdateClusterAsync(new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, DisplayName = created.DisplayName } }, Deadline);
        var renamed = await Client.UpdateClusterAsync(new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, DisplayName = "更名后的集群" } }, Deadline);

        Assert.Equal(created.Etag, same.Etag);
        Assert.Equal(("更名后的集群", created.Description), (renamed.DisplayName, renamed.Description));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterUpdated'", created.Name));
    }

    [Fact]
    public async Task UpdateCluster_StaleEtag_IsAbortedAndChangesNothing()
    {
        var created = await Client.CreateAsync(NewCluster());
        await Client.UpdateClusterAsync(new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, DisplayName = "第一次修改" } }, Deadline);

        var stale = new Proto.Cluster { Name = created.Name, DisplayName = "过期的修改", Etag = created.Etag };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterAsync(new Proto.UpdateClusterRequest { Cluster = stale }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("第一次修改", (await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline)).DisplayName);
    }

    [Theory]
    [InlineData("kind", "cluster.kind")]          // immutable
    [InlineData("state", "update_mask")]          // output only
    [InlineData("industry", "cluster.industry")]  // an invalid value
    public async Task UpdateCluster_NotEditableOrInvalid_IsInvalidArgumentAndChangesNothing(string change, string field)
    {
        var created = await Client.CreateAsync(NewCluster());
        var request = change switch
        {
            "kind" => new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, Kind = Proto.ClusterKind.SmeCharacteristic } },
            "state" => new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name }, UpdateMask = new FieldMask { Paths = { "state" } } },
            _ => new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, Industry = "industries/NOPE" } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterAsync(request, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(created, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
    }

    [Fact]
    public async Task UpdateCluster_Missing_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterAsync(
            new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = "clusters/" + NewId("missing"), DisplayName = "x" } }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RecognizeCluster_ProvincialThenNational_RecordsBothAndEmitsRecognizedWithThePreviousLevel()
    {
        var created = await Client.CreateAsync(NewCluster());

        var provincial = await Client.RecognizeClusterAsync(new Proto.RecognizeClusterRequest { Name = created.Name, Level = Proto.ClusterLevel.Provincial, Year = 2022, Etag = created.Etag }, Deadline);
        var national = await Client.RecognizeAsync(provincial, Proto.ClusterLevel.National, 2023);

        Assert.Equal((Proto.ClusterState.Recognized, Proto.ClusterLevel.National, 2023), (national.State, national.Level, national.RecognitionYear));
        Assert.Equal([(Proto.ClusterLevel.Provincial, 2022), (Proto.ClusterLevel.National, 2023)], national.Recognitions.Select(r => (r.Level, r.Year)));
        Assert.Equal(national, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
        Assert.Equal(2, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterRecognized'", created.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 3 AND body::jsonb ->> 'previousLevel' = 'CLUSTER_LEVEL_PROVINCIAL' AND body::jsonb ->> 'previousState' = 'CLUSTER_STATE_RECOGNIZED'", created.Name));
    }

    [Fact]
    public async Task RecognizeCluster_AlreadyNational_IsFailedPreconditionWithTheAllowedTransitionsAndChangesNothing()
    {
        var national = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.National, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecognizeAsync(national, Proto.ClusterLevel.Provincial, 2024));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("ILLEGAL_STATE_TRANSITION", "RevokeCluster"), (info.Reason, info.Metadata["allowed_transitions"]));
        Assert.Equal(national, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = national.Name }, Deadline));
    }

    [Theory]
    [InlineData(Proto.ClusterLevel.Unspecified, 2023, "level")]
    [InlineData(Proto.ClusterLevel.Provincial, 0, "year")]
    [InlineData(Proto.ClusterLevel.Provincial, 2099, "year")] // in the future
    public async Task RecognizeCluster_BadLevelOrYear_IsInvalidArgumentAndChangesNothing(Proto.ClusterLevel level, int year, string field)
    {
        var created = await Client.CreateAsync(NewCluster());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecognizeAsync(created, level, year));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(created, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_recognitions WHERE cluster_id = @p0", created.Name["clusters/".Length..]));
    }

    [Fact]
    public async Task RecognizeCluster_StaleEtag_IsAborted()
    {
        var created = await Client.CreateAsync(NewCluster());
        await Client.UpdateClusterAsync(new Proto.UpdateClusterRequest { Cluster = new Proto.Cluster { Name = created.Name, Description = "新的描述" } }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecognizeClusterAsync(
            new Proto.RecognizeClusterRequest { Name = created.Name, Level = Proto.ClusterLevel.Provincial, Year = 2023, Etag = created.Etag }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(Proto.ClusterState.Cultivating, (await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline)).State);
    }

    [Fact]
    public async Task RevokeCluster_Recognized_IsRevokedKeepingItsLevelAndEmitsRevoked()
    {
        var recognized = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, 2023);

        var revoked = await Client.RevokeClusterAsync(new Proto.RevokeClusterRequest { Name = recognized.Name, Reason = "  复核不合格  ", Etag = recognized.Etag }, Deadline);

        Assert.Equal((Proto.ClusterState.Revoked, Proto.ClusterLevel.Provincial, "复核不合格"), (revoked.State, revoked.Level, revoked.RevocationReason));
        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(revoked, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = recognized.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterRevoked'", recognized.Name));
    }

    [Fact]
    public async Task RevokeCluster_Cultivating_IsFailedPreconditionAndChangesNothing()
    {
        var created = await Client.CreateAsync(NewCluster());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeClusterAsync(new Proto.RevokeClusterRequest { Name = created.Name, Reason = "放弃" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(
            "RecognizeCluster(CLUSTER_LEVEL_PROVINCIAL),RecognizeCluster(CLUSTER_LEVEL_NATIONAL)",
            error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["allowed_transitions"]);
        Assert.Equal(created, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
    }

    [Fact]
    public async Task RevokeCluster_WithoutReason_IsInvalidArgumentAndChangesNothing()
    {
        var recognized = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeClusterAsync(new Proto.RevokeClusterRequest { Name = recognized.Name, Reason = " " }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(recognized, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = recognized.Name }, Deadline));
    }

    [Fact]
    public async Task DeleteCluster_Recognized_IsGoneWithItsRecognitionsAndSecondDeleteIsNotFound()
    {
        var recognized = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.National, 2023);

        await Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = recognized.Name, Etag = recognized.Etag }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = recognized.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_recognitions WHERE cluster_id = @p0", recognized.Name["clusters/".Length..]));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterDeleted' AND subject_version = 3", recognized.Name));
    }

    [Fact]
    public async Task CreateCluster_SameRequestIdTwice_CreatesOneClusterAndReturnsTheFirstResponse()
    {
        // Without a cluster_id the server picks a random one: only the request id keeps a retry from creating a second.
        var request = new Proto.CreateClusterRequest { Cluster = NewCluster(), RequestId = Guid.NewGuid().ToString() };

        var first = await Client.CreateClusterAsync(request, Deadline);
        var repeat = await Client.CreateClusterAsync(request, Deadline);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = 'industry.clusters.v1.ClusterCreated' AND subject = @p0", first.Name));
    }

    [Fact]
    public async Task RecognizeCluster_SameRequestIdTwice_RecognizesOnce()
    {
        var created = await Client.CreateAsync(NewCluster());
        var request = new Proto.RecognizeClusterRequest { Name = created.Name, Level = Proto.ClusterLevel.Provincial, Year = 2023, Etag = created.Etag, RequestId = Guid.NewGuid().ToString() };

        var first = await Client.RecognizeClusterAsync(request, Deadline);
        var repeat = await Client.RecognizeClusterAsync(request, Deadline); // the etag is stale by now: only the replay answers OK

        Assert.Equal(first, repeat);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = 'industry.clusters.v1.ClusterRecognized' AND subject = @p0", created.Name));
    }

    [Fact]
    public async Task CreateCluster_UnderTheIdOfADeletedCluster_ContinuesItsVersions()
    {
        var recognized = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, 2023);
        await Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = recognized.Name, Etag = recognized.Etag }, Deadline);

        var again = await Client.CreateAsync(NewCluster(), recognized.Name["clusters/".Length..]);

        // Deleted as version 3: consumers that applied the deletion apply the new cluster only as version 4.
        Assert.Equal((recognized.Name, Proto.ClusterState.Cultivating), (again.Name, again.State));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterCreated' AND subject_version = 4", again.Name));
    }

    [Fact]
    public async Task DeleteCluster_StaleEtag_IsAbortedAndKeepsIt()
    {
        var created = await Client.CreateAsync(NewCluster());
        var recognized = await Client.RecognizeAsync(created, Proto.ClusterLevel.Provincial, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = created.Name, Etag = created.Etag }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(recognized, await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline));
    }

    [Fact]
    public async Task DeleteCluster_WithRevenueReports_NeedsForceWhichDeletesAndAnnouncesThemToo()
    {
        var created = await Client.CreateAsync(NewCluster());
        await Client.ReportClusterRevenueAsync(new Proto.ReportClusterRevenueRequest { Parent = created.Name, Period = "2023-12", YearToDateRevenueYuan = 1_000_000 }, Deadline);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = created.Name }, Deadline).ResponseAsync);
        var kept = await Client.GetClusterAsync(new Proto.GetClusterRequest { Name = created.Name }, Deadline);
        await Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = created.Name, Force = true }, Deadline);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("CLUSTER_HAS_REVENUE_REPORTS", refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(created, kept);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM revenue_reports WHERE cluster_id = @p0", created.Name["clusters/".Length..]));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterRevenueReportDeleted' AND subject_version = 2", created.Name + "/revenueReports/2023-12"));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM subject_tombstones WHERE subject = @p0 AND version = 2", created.Name + "/revenueReports/2023-12"));
    }

    [Fact]
    public async Task GetCluster_OverJsonRest_ReturnsTheClusterWithEnumNames()
    {
        var created = await Client.CreateAsync(NewCluster());

        using var response = await service.Http.GetAsync(new Uri("/v1/" + created.Name, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(created.Name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal("CLUSTER_KIND_ADVANCED_MANUFACTURING", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("CLUSTER_STATE_CULTIVATING", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("chainLeaders").GetArrayLength());
    }
}
