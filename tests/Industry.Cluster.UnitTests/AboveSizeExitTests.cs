using Industry.Clusters.Domain;
using static Industry.Cluster.UnitTests.EnterpriseData;

namespace Industry.Cluster.UnitTests;

/// <summary>退规: the year an enterprise left the above-size statistics, and the year's net change it makes countable.</summary>
public sealed class AboveSizeExitTests
{
    [Fact]
    public void Check_LeftInAYearFromItsEntryOn_IsAccepted() =>
        Assert.Empty(EnterpriseRules.Check(Draft with { AboveSize = false, AboveSizeYear = 2019, AboveSizeExitYear = 2019 }, CurrentYear));

    [Theory]
    [InlineData(true, 2021, 2023)] // still above size
    [InlineData(false, 2021, 2020)] // before it entered
    [InlineData(false, 0, 2023)] // never entered
    [InlineData(false, 2021, CurrentYear + 1)] // in the future
    [InlineData(false, 2021, 1900)]
    public void Check_BadExitYear_ReportsExactlyThatField(bool aboveSize, int aboveSizeYear, int exitYear) =>
        Assert.Equal(
            "enterprise.above_size_exit_year",
            Assert.Single(EnterpriseRules.Check(Draft with { AboveSize = aboveSize, AboveSizeYear = aboveSizeYear, AboveSizeExitYear = exitYear }, CurrentYear)).Field);

    [Fact]
    public void WithExit_LeavingWithoutAYear_LeavesInTheCurrentYear() =>
        Assert.Equal(CurrentYear, EnterpriseRules.WithExit(Draft, Draft with { AboveSize = false }, CurrentYear).AboveSizeExitYear);

    [Theory]
    [InlineData(true, false, 2022, 2022)] // a year given is kept
    [InlineData(false, false, 0, 0)] // was not above size: nothing leaves
    [InlineData(true, true, 0, 0)] // still above size
    public void WithExit_OtherwiseKeepsTheDraft(bool wasAboveSize, bool aboveSize, int exitYear, int expected) =>
        Assert.Equal(expected, EnterpriseRules.WithExit(Draft with { AboveSize = wasAboveSize }, Draft with { AboveSize = aboveSize, AboveSizeExitYear = exitYear }, CurrentYear).AboveSizeExitYear);

    [Fact]
    public void NetNew_IsEnteredLessLeftAndAddsUp()
    {
        var hefei = new ClusterCounts(NewAboveSizeEnterprises: 3, ExitedAboveSizeEnterprises: 5);
        var wuhu = new ClusterCounts(NewAboveSizeEnterprises: 4, ExitedAboveSizeEnterprises: 1);

        Assert.Equal((-2, 3), (hefei.NetNewAboveSizeEnterprises, wuhu.NetNewAboveSizeEnterprises));
        Assert.Equal(1, hefei.Plus(wuhu).NetNewAboveSizeEnterprises);
    }
}
