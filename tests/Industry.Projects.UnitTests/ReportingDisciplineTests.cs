using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class ReportingDisciplineTests
{
    [Theory]
    [InlineData(3, 3, 100.0)]
    [InlineData(3, 2, 66.7)]
    [InlineData(8, 1, 12.5)]
    [InlineData(2000, 1, 0.1)] // 0.05 rounds away from zero
    [InlineData(5, 0, 0.0)]
    public void OnTimePercent_IsTheOnTimeShareToOneDecimal(int due, int onTime, double expected) =>
        Assert.Equal(expected, ReportingDiscipline.OnTimePercent(due, onTime));

    [Fact]
    public void OnTimePercent_NothingDue_HasNoFigure() =>
        Assert.Null(ReportingDiscipline.OnTimePercent(0, 0));
}
