using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class UpdateMaskTests
{
    private static readonly string[] Writable = ["display_name", "total_investment_yuan", "city_targets"];

    [Fact]
    public void Resolve_NoMask_IsTheFieldsTheCallerSet()
    {
        var paths = UpdateMask.Resolve(null, Writable, p => p == "total_investment_yuan");

        Assert.Equal(["total_investment_yuan"], paths);
    }

    [Fact]
    public void Resolve_Star_IsEveryWritableField()
    {
        Assert.Equal(Writable.Order(), UpdateMask.Resolve(new FieldMask { Paths = { "*" } }, Writable, _ => false).Order());
    }

    [Fact]
    public void Resolve_CamelCasePaths_AreTheSameAsSnakeCase()
    {
        var paths = UpdateMask.Resolve(new FieldMask { Paths = { "totalInvestmentYuan", "display_name" } }, Writable, _ => false);

        Assert.Equal(["display_name", "total_investment_yuan"], paths.Order());
    }

    [Theory]
    [InlineData("etag")]
    [InlineData("create_time")]
    [InlineData("nonsense")]
    public void Resolve_PathNotWritable_IsInvalidArgumentOnUpdateMask(string path)
    {
        var error = Assert.Throws<ServiceException>(() => UpdateMask.Resolve(new FieldMask { Paths = { path } }, Writable, _ => false));

        Assert.Equal("update_mask", error.FieldViolations.Single().Field);
        Assert.Contains(path, error.FieldViolations.Single().Description, StringComparison.Ordinal);
    }
}
