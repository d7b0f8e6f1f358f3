using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class ProjectCodeTests
{
    [Theory]
    [InlineData("2023-340104-39-03-012345")] // 蜀山区
    [InlineData("2024-340000-36-02-000001")] // registered at the province
    [InlineData("2022-341800-38-03-999999")] // 宣城市
    public void Problem_WellFormedAnhuiCode_IsNone(string code) => Assert.Null(ProjectCode.Problem(code));

    [Theory]
    [InlineData("", "required")]
    [InlineData("2023-340104-39-03-01234", "form")]
    [InlineData("2023-340104-39-0301-2345", "form")]
    [InlineData("2023/340104/39/03/012345", "form")]
    [InlineData("20A3-340104-39-03-012345", "form")]
    [InlineData("1999-340104-39-03-012345", "year 1999")]
    [InlineData("2023-320102-39-03-012345", "not a division of Anhui")] // Nanjing
    [InlineData("2023-340105-39-03-012345", "not a division of Anhui")] // no such Hefei district
    public void Problem_BadCode_SaysWhy(string code, string expected) =>
        Assert.Contains(expected, ProjectCode.Problem(code), StringComparison.Ordinal);
}
