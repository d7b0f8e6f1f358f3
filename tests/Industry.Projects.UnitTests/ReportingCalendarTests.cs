using Industry.Projects.Domain;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Projects.UnitTests;

public sealed class ReportingCalendarTests
{
    private static readonly DateTime Now = new(2024, 6, 20, 8, 0, 0, DateTimeKind.Utc);

    private static readonly ProjectDraft Draft = new()
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000124",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 300_000_000,
        EquipmentInvestmentYuan = 100_000_000,
    };

    [Theory]
    [InlineData(2024, 3, 5, "2024-04-05")]
    [InlineData(2024, 12, 5, "2025-01-05")] // December's deadline is in the next year
    [InlineData(2024, 1, 28, "2024-02-28")]
    [InlineData(2023, 1, 1, "2023-02-01")]
    public void Deadline_IsTheDayOfTheFollowingMonth(int year, int month, int day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReportingCalendar.Deadline(new ReportingPeriod(year, month), day));

    [Fact]
    public void DeadlineEnd_IsMidnightChinaTimeAfterTheDeadlineDay()
    {
        // 5 April ends at 2024-04-06 00:00 +08:00, which is 2024-04-05 16:00 UTC.
        Assert.Equal(new DateTime(2024, 4, 5, 16, 0, 0, DateTimeKind.Utc), ReportingCalendar.DeadlineEndUtc(new ReportingPeriod(2024, 3), 5));
    }

    [Theory]
    [InlineData("2024-04-05T15:59:59Z", ReportStatus.OnTime)] // 23:59:59 in China on the deadline day
    [InlineData("2024-04-05T16:00:00Z", ReportStatus.Late)]   // midnight in China: the next day
    [InlineData("2024-03-10T02:00:00Z", ReportStatus.OnTime)] // during the month itself
    [InlineData("2024-05-01T00:00:00Z", ReportStatus.Late)]
    public void Status_OfAReport_ByItsFirstReportTime(string firstReport, ReportStatus expected) =>
        Assert.Equal(expected, ReportingCalendar.Status(new ReportingPeriod(2024, 3), 5, Utc(firstReport), Now));

    [Theory]
    [InlineData("2024-04-05T15:59:59Z", ReportStatus.Pending)]
    [InlineData("2024-04-05T16:00:00Z", ReportStatus.Missing)]
    public void Status_WithoutAReport_IsPendingUntilTheDeadlineEnds(string now, ReportStatus expected) =>
        Assert.Equal(expected, ReportingCalendar.Status(new ReportingPeriod(2024, 3), 5, null, Utc(now)));

    [Fact]
    public void Owing_ReserveProject_OwesNothing() =>
        Assert.False(Owes(Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice"), 2024, 3));

    [Theory]
    [InlineData(2024, 1, false)] // before the start month
    [InlineData(2024, 2, true)]  // the start month, started mid-month
    [InlineData(2024, 6, true)]  // the current month
    public void Owing_UnderConstruction_FromTheStartMonth(int year, int month, bool expected)
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 15), new DateOnly(2024, 6, 20), "", Now, "alice");
        Assert.Equal(expected, Owes(project, year, month));
    }

    [Theory]
    [InlineData(3, true)] // suspended in March: still owed (ADR 0024)
    [InlineData(5, true)] // the completion month
    [InlineData(6, false)] // after completion
    public void Owing_SuspendedThenCompleted_ThroughTheCompletionMonth(int month, bool expected)
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        var today = new DateOnly(2024, 6, 20);
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 1), today, "", Now, "alice");
        project.Transition(ProjectState.Suspended, new DateOnly(2024, 3, 1), today, "funding", Now, "alice");
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 4, 1), today, "", Now, "alice");
        project.Transition(ProjectState.Completed, new DateOnly(2024, 5, 10), today, "", Now, "alice");
        Assert.Equal(expected, Owes(project, 2024, month));
    }

    [Fact]
    public void Owing_StillSuspended_OwesTheCurrentMonth()
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        var today = new DateOnly(2024, 6, 20);
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 1), today, "", Now, "alice");
        project.Transition(ProjectState.Suspended, new DateOnly(2024, 3, 1), today, "funding", Now, "alice");
        Assert.True(Owes(project, 2024, 6));
    }

    [Fact]
    public void Owing_Cancelled_OwesNothing()
    {
        var project = Project.Create("p1", Draft, new DateOnly(2024, 1, 2), Now, "alice");
        var today = new DateOnly(2024, 6, 20);
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2024, 2, 1), today, "", Now, "alice");
        project.Transition(ProjectState.Suspended, new DateOnly(2024, 3, 1), today, "funding", Now, "alice");
        project.Transition(ProjectState.Cancelled, new DateOnly(2024, 4, 1), today, "funding", Now, "alice");
        Assert.False(Owes(project, 2024, 2));
    }

    [Fact]
    public void OverdueMonths_BeforeTheDeadline_LeaveOutLastMonth()
    {
        // 2024-06-05 15:59 UTC is 23:59 on 5 June in China: May's deadline has not ended yet.
        var months = ReportingCalendar.OverdueMonths(Utc("2024-06-05T15:59:00Z"), 3, _ => 5);
        Assert.Equal([new ReportingPeriod(2024, 3), new ReportingPeriod(2024, 4)], months);
    }

    [Fact]
    public void OverdueMonths_AfterTheDeadline_IncludeLastMonth_AcrossTheYear()
    {
        var months = ReportingCalendar.OverdueMonths(Utc("2025-01-06T00:00:00Z"), 2, year => year == 2024 ? 5 : 28);
        Assert.Equal([new ReportingPeriod(2024, 11), new ReportingPeriod(2024, 12)], months);
    }

    private static bool Owes(Project project, int year, int month) => ReportingCalendar.Owing(new ReportingPeriod(year, month)).Compile()(project);

    private static DateTime Utc(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
