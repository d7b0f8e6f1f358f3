using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// ListEnterprises on PostgreSQL: filters (columns and the derived qualification and cluster), orders and keyset pages.
/// Each test names its enterprises (or its cluster) uniquely and filters on that, so that it sees only its own rows.
/// </summary>
public sealed class ListEnterprisesApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task ListEnterprises_DefaultOrder_PagesThroughEveryMatchByUscc()
    {
        var name = NewId("企业");
        var created = new List<Proto.Enterprise>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name)));
        }

        var pages = await AllPagesAsync($"display_name = \"{name}\"", orderBy: "", pageSize: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(created.Select(e => e.Name).Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(e => e.Name));
    }

    [Fact]
    public async Task ListEnterprises_QualificationAndClusterFilters_FindHoldersAndMembersOnly()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var giant = await Client.GrantAsync(await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.SpecializedSme, 2022), Proto.QualificationType.LittleGiant, 2023);
        var specialized = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(county: "340207")), Proto.QualificationType.SpecializedSme, 2023);
        var plain = await Client.CreateEnterpriseAsync();
        foreach (var enterprise in new[] { giant, specialized, plain })
        {
            await Client.AddMemberAsync(cluster, enterprise);
        }

        var members = await ListAsync($"cluster = \"{cluster.Name}\"");
        var giants = await ListAsync($"cluster = \"{cluster.Name}\" AND qualification = QUALIFICATION_TYPE_LITTLE_GIANT");
        var specializedInWuhu = await ListAsync($"cluster = \"{cluster.Name}\" AND qualification = QUALIFICATION_TYPE_SPECIALIZED_SME AND city_code = \"340200\"");

        Assert.Equal(new[] { giant, specialized, plain }.Select(e => e.Name).Order(StringComparer.Ordinal), members.Select(e => e.Name));
        Assert.Equal([giant.Name], giants.Select(e => e.Name));
        Assert.Equal([specialized.Name], specializedInWuhu.Select(e => e.Name));
        Assert.Equal([cluster.Name], giants[0].Clusters);
        Assert.Equal(2, giants[0].Qualifications.Count);
    }

    /// <summary>
    /// The qualification filter joins the held qualifications: an enterprise whose type was revoked and granted again
    /// (two rows of the type, one revoked) is listed once, one whose type was revoked not at all, and pages of one
    /// neither repeat nor skip a holder.
    /// </summary>
    [Fact]
    public async Task ListEnterprises_QualificationRevokedAndGrantedAgain_ListsTheHolderOnce()
    {
        var name = NewId("小巨人");
        var regranted = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name)), Proto.QualificationType.InnovativeSme, 2022);
        await Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = regranted.Name, Type = Proto.QualificationType.InnovativeSme, Reason = "复核不合格" }, Deadline);
        regranted = await Client.GrantAsync(regranted, Proto.QualificationType.InnovativeSme, 2024);
        var revoked = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name)), Proto.QualificationType.InnovativeSme, 2023);
        await Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = revoked.Name, Type = Proto.QualificationType.InnovativeSme, Reason = "复核不合格" }, Deadline);
        var holder = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name)), Proto.QualificationType.InnovativeSme, 2023);

        var pages = await AllPagesAsync($"display_name = \"{name}\" AND qualification = QUALIFICATION_TYPE_INNOVATIVE_SME", string.Empty, pageSize: 1);

        Assert.Equal(new[] { regranted.Name, holder.Name }.Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(e => e.Name));
        Assert.All(pages, p => Assert.Single(p));
    }

    [Fact]
    public async Task ListEnterprises_AboveSizeFiltersAndYearOrder_PageWithoutGapsOrRepeats()
    {
        var name = NewId("规上");
        foreach (var (aboveSize, year) in new[] { (true, 2020), (true, 2023), (false, 2021), (true, 2023), (false, 0) })
        {
            var enterprise = NewEnterprise(displayName: name);
            (enterprise.AboveSize, enterprise.AboveSizeYear) = (aboveSize, year);
            await Client.CreateEnterpriseAsync(enterprise);
        }

        var listed = (await AllPagesAsync($"display_name = \"{name}\"", "above_size_year desc", pageSize: 1)).SelectMany(p => p).ToList();
        var current = await ListAsync($"display_name = \"{name}\" AND above_size = true AND above_size_year >= 2021");

        Assert.Equal([2023, 2023, 2021, 2020, 0], listed.Select(e => e.AboveSizeYear));
        Assert.Equal(5, listed.Select(e => e.Name).Distinct().Count());
        Assert.Equal([2023, 2023], current.Select(e => e.AboveSizeYear));
    }

    [Theory]
    [InlineData("qualification != QUALIFICATION_TYPE_LITTLE_GIANT", "")]
    [InlineData("qualification = LITTLE_GIANT", "")]
    [InlineData("cluster = \"parks/x\"", "")]
    [InlineData("above_size = yes", "")]
    [InlineData("registered_capital > 5", "")]
    [InlineData("", "uscc")]
    public async Task ListEnterprises_BadFilterOrOrder_IsInvalidArgument(string filter, string orderBy)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListEnterprisesAsync(new Proto.ListEnterprisesRequest { Filter = filter, OrderBy = orderBy }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task ListEnterprises_TokenOfAnotherFilter_IsInvalidArgument()
    {
        var name = NewId("令牌");
        await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name));
        await Client.CreateEnterpriseAsync(NewEnterprise(displayName: name));
        var first = await Client.ListEnterprisesAsync(new Proto.ListEnterprisesRequest { Filter = $"display_name = \"{name}\"", PageSize = 1 }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListEnterprisesAsync(
            new Proto.ListEnterprisesRequest { Filter = "above_size = true", PageSize = 1, PageToken = first.NextPageToken }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<List<Proto.Enterprise>> ListAsync(string filter) =>
        [.. (await AllPagesAsync(filter, string.Empty, 50)).SelectMany(p => p)];

    private async Task<List<List<Proto.Enterprise>>> AllPagesAsync(string filter, string orderBy, int pageSize)
    {
        var pages = new List<List<Proto.Enterprise>>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListEnterprisesAsync(new Proto.ListEnterprisesRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize, PageToken = token }, Deadline);
            pages.Add([.. page.Enterprises]);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return pages;
    }
}
