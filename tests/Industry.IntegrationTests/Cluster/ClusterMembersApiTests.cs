using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>Cluster memberships over gRPC: create, get, list, delete, every error code, and the enterprise's clusters.</summary>
public sealed class ClusterMembersApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task CreateClusterMember_Valid_IsListedOnBothSidesAndEmitsAddedWithTheEnterpriseVersion()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());

        var member = await Client.AddMemberAsync(cluster, enterprise, 2021);

        Assert.Equal(($"{cluster.Name}/members/{enterprise.Uscc}", enterprise.Name, enterprise.DisplayName, 2021), (member.Name, member.Enterprise, member.EnterpriseDisplayName, member.JoinYear));
        Assert.Equal(member, await Client.GetClusterMemberAsync(new Proto.GetClusterMemberRequest { Name = member.Name }, Deadline));
        var after = await Client.GetEnterpriseAsync(enterprise.Name);
        Assert.Equal([cluster.Name], after.Clusters);
        Assert.Equal("W/\"2\"", after.Etag);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterMemberAdded' AND subject_version = 2", member.Name));
    }

    [Fact]
    public async Task CreateClusterMember_AlreadyMember_IsAlreadyExists()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());
        await Client.AddMemberAsync(cluster, enterprise);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AddMemberAsync(cluster, enterprise));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM cluster_members WHERE uscc = @p0", enterprise.Uscc));
    }

    [Fact]
    public async Task CreateClusterMember_MissingEnterpriseOrCluster_IsNotFoundAndStoresNothing()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());
        var ghost = new Proto.Enterprise { Name = "enterprises/" + NewUscc() };

        var noEnterprise = await Assert.ThrowsAsync<RpcException>(() => Client.AddMemberAsync(cluster, ghost));
        var noCluster = await Assert.ThrowsAsync<RpcException>(() => Client.AddMemberAsync(new Proto.Cluster { Name = "clusters/" + NewId("none") }, enterprise));

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (noEnterprise.StatusCode, noCluster.StatusCode));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_members WHERE cluster_id = @p0 OR uscc = @p1", cluster.Name[9..], enterprise.Uscc));
    }

    [Fact]
    public async Task CreateClusterMember_RevokedCluster_IsFailedPrecondition()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var recognized = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, 2022);
        var revoked = await Client.RevokeClusterAsync(new Proto.RevokeClusterRequest { Name = recognized.Name, Reason = "考核不合格" }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AddMemberAsync(revoked, enterprise));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Theory]
    [InlineData("projects/p-1", 2020)]
    [InlineData("enterprises/91340100MA2N0XXXX0", 2020)] // bad check character
    [InlineData(null, 2999)]
    public async Task CreateClusterMember_BadEnterpriseOrYear_IsInvalidArgument(string? enterpriseName, int joinYear)
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AddMemberAsync(cluster, new Proto.Enterprise { Name = enterpriseName ?? enterprise.Name }, joinYear));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_members WHERE cluster_id = @p0", cluster.Name[9..]));
    }

    [Fact]
    public async Task ListClusterMembers_OneClusterOrEveryClusterFilteredByEnterprise_PagesByName()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var other = await Client.CreateAsync(NewCluster());
        var enterprises = new List<Proto.Enterprise>();
        for (var i = 0; i < 3; i++)
        {
            enterprises.Add(await Client.CreateEnterpriseAsync());
            await Client.AddMemberAsync(cluster, enterprises[i], 2020 + i);
        }

        await Client.AddMemberAsync(other, enterprises[0]);

        var pages = new List<List<Proto.ClusterMember>>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListClusterMembersAsync(new Proto.ListClusterMembersRequest { Parent = cluster.Name, PageSize = 2, PageToken = token }, Deadline);
            pages.Add([.. page.ClusterMembers]);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([2, 1], pages.Select(p => p.Count));
        Assert.Equal(enterprises.Select(e => e.Name).Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(m => m.Enterprise));
        var across = await Client.ListClusterMembersAsync(new Proto.ListClusterMembersRequest { Parent = "clusters/-", Filter = $"enterprise = \"{enterprises[0].Name}\"" }, Deadline);
        Assert.Equal(new[] { cluster.Name, other.Name }.Order(StringComparer.Ordinal).Select(c => $"{c}/members/{enterprises[0].Uscc}"), across.ClusterMembers.Select(m => m.Name));
        var joined = await Client.ListClusterMembersAsync(new Proto.ListClusterMembersRequest { Parent = cluster.Name, Filter = "join_year >= 2021" }, Deadline);
        Assert.Equal(2, joined.ClusterMembers.Count);
    }

    [Theory]
    [InlineData("clusters/no-such-cluster", "", StatusCode.NotFound)]
    [InlineData("clusters/-", "color = \"red\"", StatusCode.InvalidArgument)]
    [InlineData("enterprises/-", "", StatusCode.InvalidArgument)]
    public async Task ListClusterMembers_MissingClusterOrBadFilter_IsNotFoundOrInvalidArgument(string parent, string filter, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListClusterMembersAsync(new Proto.ListClusterMembersRequest { Parent = parent, Filter = filter }, Deadline).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task DeleteClusterMember_Member_IsGoneFromBothSidesAndEmitsRemovedWithTheNewVersion()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());
        var member = await Client.AddMemberAsync(cluster, enterprise);

        await Client.DeleteClusterMemberAsync(new Proto.DeleteClusterMemberRequest { Name = member.Name }, Deadline);

        Assert.Empty((await Client.GetEnterpriseAsync(enterprise.Name)).Clusters);
        var again = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteClusterMemberAsync(new Proto.DeleteClusterMemberRequest { Name = member.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterMemberRemoved' AND subject_version = 3", member.Name));
    }

    [Theory]
    [InlineData("clusters/x/members")]
    [InlineData("clusters/x/revenueReports/2024-01")]
    public async Task GetClusterMember_MalformedName_IsInvalidArgument(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetClusterMemberAsync(new Proto.GetClusterMemberRequest { Name = name }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task DeleteCluster_WithMembers_NeedsForceWhichRemovesThemAndChangesTheMembersEtag()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());
        await Client.AddMemberAsync(cluster, enterprise);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = cluster.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal([cluster.Name], (await Client.GetEnterpriseAsync(enterprise.Name)).Clusters);

        await Client.DeleteClusterAsync(new Proto.DeleteClusterRequest { Name = cluster.Name, Force = true }, Deadline);

        var after = await Client.GetEnterpriseAsync(enterprise.Name);
        Assert.Empty(after.Clusters);
        Assert.Equal("W/\"3\"", after.Etag);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterMemberRemoved' AND subject_version = 3",
            $"{cluster.Name}/members/{enterprise.Uscc}"));
    }
}
