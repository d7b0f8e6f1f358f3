using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.UnitTests;

/// <summary>序时进度: the rule on its own, and its SQL predicate (run in memory) agreeing with it case by case.</summary>
public sealed class ScheduleLagTests
{
    private static readonly DateTime Now = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2024, 12, 31); // 365 days after the start
    private static readonly DateOnly Middle = Start.AddDays(146); // 40 % of the span

    [Theory]
    [InlineData(0, 40.0, 40.0, true)]       // nothing invested at 40 % of the time
    [InlineData(300, 40.0, 10.0, false)]    // a gap of exactly the tolerance is not beyond it
    [InlineData(299, 40.0, 10.1, true)]     // just beyond it
    [InlineData(1000, 40.0, -60.0, false)]  // ahead of schedule
    public void Of_InTheSpan_ComparesTheGapWithTheTolerance(long completed, double schedule, double gap, bool behind)
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, completed, 1000, Middle, 10)!;

        Assert.Equal(schedule, figures.SchedulePercent!.Value, 9);
        Assert.Equal(gap, figures.GapPoints!.Value, 9);
        Assert.Equal(behind, figures.BehindSchedule);
        Assert.False(figures.PastPlannedCompletion);
    }

    [Fact]
    public void Of_BeforeThePlannedStart_ScheduleIsZeroAndNothingLags()
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, 0, 1000, Start.AddDays(-30), 0)!;

        Assert.Equal((0.0, 0.0, false), (figures.SchedulePercent!.Value, figures.GapPoints!.Value, figures.BehindSchedule));
    }

    [Fact]
    public void Of_OnThePlannedCompletion_ScheduleIsFullButNotYetOverdue()
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, 950, 1000, End, 10)!;

        Assert.Equal((100.0, false, false), (figures.SchedulePercent!.Value, figures.PastPlannedCompletion, figures.BehindSchedule));
    }

    [Fact]
    public void Of_PastThePlannedCompletion_LagsWhateverWasInvested()
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, 1000, 1000, End.AddDays(1), 100)!;

        Assert.Equal((100.0, 0.0, true, true), (figures.SchedulePercent!.Value, figures.GapPoints!.Value, figures.PastPlannedCompletion, figures.BehindSchedule));
    }

    [Fact]
    public void Of_ToleranceZero_AnyPositiveGapLags() =>
        Assert.True(ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, 399, 1000, Middle, 0)!.BehindSchedule);

    [Theory]
    [InlineData(null, "2024-12-31", "2025-01-01", true)]   // no planned start: no schedule, but overdue
    [InlineData(null, "2024-12-31", "2024-06-01", false)]
    [InlineData("2024-01-01", null, "2030-01-01", false)]  // no planned completion: never behind
    [InlineData("2024-06-01", "2024-01-01", "2024-03-01", true)] // completion before start (legacy rows): overdue only
    [InlineData("2024-06-01", "2024-06-01", "2024-06-01", false)] // a zero span has no schedule
    public void Of_WithoutASchedule_OnlyThePlannedCompletionCounts(string? start, string? end, string today, bool behind)
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Day(start), Day(end), 0, 1000, Day(today)!.Value, 10)!;

        Assert.Null(figures.SchedulePercent);
        Assert.Null(figures.GapPoints);
        Assert.Equal(behind, figures.BehindSchedule);
    }

    [Fact]
    public void Of_ZeroTotal_HasNoInvestmentShareAndNoGap()
    {
        var figures = ScheduleLag.Of(ProjectState.UnderConstruction, Start, End, 0, 0, Middle, 10)!;

        Assert.Equal((null, null, false), (figures.InvestmentPercent, figures.GapPoints, figures.BehindSchedule));
    }

    [Theory]
    [InlineData(ProjectState.Reserve)]
    [InlineData(ProjectState.Suspended)]
    [InlineData(ProjectState.Completed)]
    [InlineData(ProjectState.InProduction)]
    [InlineData(ProjectState.Cancelled)]
    public void Of_NotUnderConstruction_IsNotAssessed(ProjectState state) =>
        Assert.Null(ScheduleLag.Of(state, Start, End, 0, 1000, End.AddDays(100), 10));

    public static TheoryData<int, long, double?> Cases()
    {
        var data = new TheoryData<int, long, double?>();
        foreach (var offset in new[] { -10, 0, 1, 73, 146, 182, 300, 365, 366, 500 })
        {
            foreach (var completed in new long[] { 0, 299_999_999, 300_000_000, 300_000_001, 500_000_000, 1_000_000_000 })
            {
                foreach (var tolerance in new double?[] { null, 0, 7.5, 100 })
                {
                    data.Add(offset, completed, tolerance);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BehindSchedulePredicate_AgreesWithTheRule(int daysAfterStart, long completed, double? tolerance)
    {
        var today = Start.AddDays(daysAfterStart);
        Project[] projects =
        [
            UnderConstruction("planned", Start, End, 1_000_000_000, completed),
            UnderConstruction("no-start", null, End, 1_000_000_000, completed),
            UnderConstruction("no-completion", Start, null, 1_000_000_000, completed),
            UnderConstruction("one-day", Start, Start, 1_000_000_000, completed),
        ];
        var plans = tolerance is { } t ? new[] { PlanWith(today.Year, t) } : [];

        var predicate = ProjectPredicates.BehindSchedule(new ScheduleLagBasis(today, plans.AsQueryable())).Compile();

        foreach (var project in projects)
        {
            var rule = ScheduleLag.Of(project.State, project.PlannedStartDate, project.PlannedCompletionDate, project.CumulativeCompletedInvestmentYuan, project.TotalInvestmentYuan, today, tolerance ?? Domain.Plan.DefaultScheduleLagTolerancePoints);
            Assert.True(rule!.BehindSchedule == predicate(project), $"{project.Id} on {today}: the rule says {rule.BehindSchedule}.");
        }
    }

    [Fact]
    public void BehindSchedulePredicate_ReadsTheToleranceOfTheDaysYearOnly()
    {
        var project = UnderConstruction("p", Start, End, 1000, 300); // a gap of 10 points on the middle day
        Plan[] plans = [PlanWith(2023, 0), PlanWith(2025, 0)];

        var predicate = ProjectPredicates.BehindSchedule(new ScheduleLagBasis(Middle, plans.AsQueryable())).Compile();

        Assert.False(predicate(project)); // 2024 has no plan: the default 10 applies, and 10 is not beyond 10
        Assert.True(ProjectPredicates.BehindSchedule(new ScheduleLagBasis(Middle, new[] { PlanWith(2024, 9.9) }.AsQueryable())).Compile()(project));
    }

    [Theory]
    [InlineData("behind_schedule = true", "late")]
    [InlineData("behind_schedule != false", "late")]
    [InlineData("behind_schedule = false", "on-time reserve")]
    [InlineData("behind_schedule != true", "on-time reserve")]
    public void Filter_BehindSchedule_IsThePredicateOrItsComplement(string filter, string expected)
    {
        Project[] projects = [UnderConstruction("late", Start, End, 1000, 0), UnderConstruction("on-time", Start, End, 1000, 400), Reserve("reserve")];

        var predicate = ProjectListing.Filter(new ScheduleLagBasis(Middle, Array.Empty<Plan>().AsQueryable())).Translate(filter)!.Compile();

        Assert.Equal(expected, string.Join(' ', projects.Where(predicate).Select(p => p.Id)));
    }

    [Theory]
    [InlineData("behind_schedule > 1", "supports only = !=")]
    [InlineData("behind_schedule >= true", "supports only = !=")]
    [InlineData("behind_schedule = 1", "'1' is not a boolean")]
    [InlineData("behind_schedule = \"true\"", "'true' is not a boolean")]
    [InlineData("behind_schedule = TRUE", "'TRUE' is not a boolean")]
    [InlineData("behind_schedule = yes", "'yes' is not a boolean")]
    public void Filter_BehindSchedule_BadOperatorOrValue_IsInvalidArgumentOnFilter(string filter, string expected)
    {
        var schema = ProjectListing.Filter(new ScheduleLagBasis(Middle, Array.Empty<Plan>().AsQueryable()));

        var violation = Assert.Single(Assert.Throws<ServiceException>(() => schema.Translate(filter)).FieldViolations);

        Assert.Equal("filter", violation.Field);
        Assert.Contains("behind_schedule: " + expected, violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2023, 10, "2026-12-06", "2023-10-31")]
    [InlineData(2024, 2, "2026-12-06", "2024-02-29")]
    [InlineData(2026, 12, "2026-12-06", "2026-12-06")] // the running month ends today
    public void PeriodEnd_IsTheMonthsLastDayOrToday(int year, int month, string today, string expected) =>
        Assert.Equal(Day(expected), ProgressArithmetic.PeriodEnd(year, month, Day(today)!.Value));

    private static Project UnderConstruction(string id, DateOnly? plannedStart, DateOnly? plannedCompletion, long total, long completed)
    {
        var project = Reserve(id, plannedStart, plannedCompletion, total);
        project.Transition(ProjectState.UnderConstruction, new DateOnly(2023, 12, 1), new DateOnly(2023, 12, 1), string.Empty, Now, "alice");
        project.RecordInvestment(completed, "2024-01", Now, "alice");
        return project;
    }

    private static Project Reserve(string id, DateOnly? plannedStart = null, DateOnly? plannedCompletion = null, long total = 1000) => Project.Create(id, new ProjectDraft
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000123",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = total,
        PlannedStartDate = plannedStart,
        PlannedCompletionDate = plannedCompletion,
    }, new DateOnly(2023, 1, 1), Now, "alice");

    private static Plan PlanWith(int year, double tolerance)
    {
        var plan = new Plan(year);
        plan.Start(new PlanDraft(null, [], null, null, tolerance), Now, "alice");
        return plan;
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
