using Industry.Common.V1;
using Industry.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class MethodPermissionsTests
{
    [Fact]
    public void Suite_HoldsEveryMethodOfEverySuiteService_ByItsCanonicalPath()
    {
        var services = MethodPermissions.SuiteServices().Select(s => s.FullName).ToList();

        Assert.Equal(
            ["industry.clusters.v1.ClusterService", "industry.history.v1.HistoryService", "industry.overview.v1.OverviewService", "industry.parks.v1.ParkService", "industry.projects.v1.ProjectService", "industry.reference.v1.ReferenceService"],
            services);
        Assert.Equal(MethodPermissions.SuiteServices().Sum(s => s.Methods.Count), MethodPermissions.Suite.ByPath.Count);
        Assert.All(MethodPermissions.Suite.ByPath.Values, access => Assert.NotEqual(Access.Unspecified, access));
    }

    [Theory]
    [InlineData("/industry.projects.v1.ProjectService/GetProject", Access.Read)]
    [InlineData("/industry.projects.v1.ProjectService/ImportProjects", Access.CityWrite)]
    [InlineData("/industry.projects.v1.ProjectService/UpdatePlan", Access.AdminWrite)]
    [InlineData("/industry.projects.v1.ProjectService/ReportInvestment", Access.CountyWrite)]
    [InlineData("/industry.projects.v1.ProjectService/DeleteInvestmentReport", Access.CountyWrite)]
    [InlineData("/industry.projects.v1.ProjectService/ApproveInvestmentReport", Access.CityWrite)]
    [InlineData("/industry.parks.v1.ParkService/CreatePark", Access.CityWrite)]
    [InlineData("/industry.reference.v1.ReferenceService/ListEnumLabels", Access.Read)]
    [InlineData("/industry.parks.v1.ParkService/DeletePark", Access.AdminWrite)]
    [InlineData("/industry.clusters.v1.ClusterService/BatchCreateEnterprises", Access.AdminWrite)]
    [InlineData("/industry.overview.v1.OverviewService/GetProvinceOverview", Access.Read)]
    [InlineData("/industry.overview.v1.OverviewService/GetEnterpriseProfile", Access.Read)]
    public void Suite_GivesTheAccessTheContractDeclares(string path, Access expected) =>
        Assert.Equal(expected, MethodPermissions.Suite.Find(path));

    [Theory]
    [InlineData("/Industry.parks.v1.ParkService/DeletePark")]
    [InlineData("/industry.parks.v1.ParkService/deletePark")]
    [InlineData("/INDUSTRY.PARKS.V1.PARKSERVICE/DELETEPARK")]
    [InlineData("/industry.parks.v1.ParkService/DeletePark/")]
    [InlineData("//industry.parks.v1.ParkService/DeletePark")]
    [InlineData("/industry.parks.v1.ParkService/%44eletePark")]
    [InlineData("/industry.parks.v1.ParkService%2FDeletePark")]
    [InlineData("industry.parks.v1.ParkService/DeletePark")]
    [InlineData("/grpc.health.v1.Health/Check")]
    public void Suite_KnowsNoPathButTheExactOne(string path) => Assert.Null(MethodPermissions.Suite.Find(path));

    [Fact]
    public void For_AServiceWhoseMethodsDeclareNoAccess_RefusesToBuild()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MethodPermissions.For([Grpc.Health.V1.Health.Descriptor]));

        Assert.Contains("/grpc.health.v1.Health/Check", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/parks/p-1", true)]
    [InlineData("/V1/parks/p-1", false)]
    [InlineData("/v1/PARKS/p-1", false)]
    [InlineData("/v1/parks/P-1", true)] // a value, not a fixed word
    [InlineData("/v1/parks/p-1:submit", true)]
    [InlineData("/v1/parks/p-1:SUBMIT", false)]
    public void LiteralsMatchExactly_ComparesFixedWordsWithCase(string path, bool expected)
    {
        var pattern = path.Contains(':', StringComparison.Ordinal)
            ? RoutePatternFactory.Parse("/v1/parks/{park}:submit")
            : RoutePatternFactory.Parse("/v1/parks/{park}");

        Assert.Equal(expected, CanonicalMethodPathMiddleware.LiteralsMatchExactly(pattern, new PathString(path)));
    }
}
