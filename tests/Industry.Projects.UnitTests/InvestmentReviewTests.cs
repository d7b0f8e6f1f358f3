using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.UnitTests;

/// <summary>The review (审核) of investment reports: SUBMITTED → APPROVED or RETURNED, RETURNED → SUBMITTED by a correction.</summary>
public sealed class InvestmentReviewTests
{
    private static readonly DateTime Now = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2024, 5, 20);

    private static readonly ProjectDraft Draft = new()
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000123",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 300_000_000,
        EquipmentInvestmentYuan = 100_000_000,
    };

    private static InvestmentReport Submitted(long yuan = 1_000_000) =>
        new("p1", 2024, 4, yuan, "主体施工", needsReview: true, Now, "shushan-editor");

    private static Project NewProject() => Project.Create("p1", Draft, Today, Now, "admin");

    [Fact]
    public void CountyEditorsReport_IsSubmittedAndCountsNothing()
    {
        var report = Submitted();

        Assert.Equal(ReviewState.Submitted, report.ReviewState);
        Assert.Equal(0, report.CountedInvestmentYuan);
        Assert.Equal((string.Empty, (DateTime?)null), (report.ReviewActor, report.ReviewTime));
    }

    [Fact]
    public void CityEditorsReport_IsApprovedAtOnceByItsAuthor()
    {
        var report = new InvestmentReport("p1", 2024, 4, 1_000_000, string.Empty, needsReview: false, Now, "hefei-editor");

        Assert.Equal((ReviewState.Approved, 1_000_000L), (report.ReviewState, report.CountedInvestmentYuan));
        Assert.Equal(("hefei-editor", (DateTime?)Now), (report.ReviewActor, report.ReviewTime));
    }

    [Fact]
    public void Approve_Submitted_CountsItsAmountAndRecordsTheReviewer()
    {
        var report = Submitted();

        var delta = report.Approve(NewProject(), Now.AddHours(1), "hefei-editor");

        Assert.Equal((1_000_000L, ReviewState.Approved, 1_000_000L), (delta, report.ReviewState, report.CountedInvestmentYuan));
        Assert.Equal(("hefei-editor", (DateTime?)Now.AddHours(1), 2L), (report.ReviewActor, report.ReviewTime, report.Version));
    }

    [Fact]
    public void Approve_Twice_IsFailedPreconditionAndChangesNothing()
    {
        var report = Submitted();
        report.Approve(NewProject(), Now, "hefei-editor");

        var error = Assert.Throws<ServiceException>(() => report.Approve(NewProject(), Now.AddHours(1), "other-editor"));

        Assert.Equal((ErrorKind.FailedPrecondition, "REPORT_NOT_SUBMITTED"), (error.Kind, error.Reason));
        Assert.Equal(("hefei-editor", 2L), (report.ReviewActor, report.Version));
    }

    [Fact]
    public void Approve_AboveTheProjectsTotal_IsFailedPrecondition()
    {
        var report = Submitted(300_000_001);

        var error = Assert.Throws<ServiceException>(() => report.Approve(NewProject(), Now, "hefei-editor"));

        Assert.Equal((ErrorKind.FailedPrecondition, "CUMULATIVE_ABOVE_TOTAL"), (error.Kind, error.Reason));
        Assert.Equal(ReviewState.Submitted, report.ReviewState);
    }

    [Fact]
    public void Return_Submitted_KeepsItUncountedWithTheReason()
    {
        var report = Submitted();

        report.Return("金额与台账不符", Now, "hefei-editor");

        Assert.Equal((ReviewState.Returned, "金额与台账不符", 0L), (report.ReviewState, report.ReturnReason, report.CountedInvestmentYuan));
    }

    [Fact]
    public void Returned_CannotBeApprovedOrReturnedAgain()
    {
        var report = Submitted();
        report.Return("金额与台账不符", Now, "hefei-editor");

        Assert.Equal("REPORT_NOT_SUBMITTED", Assert.Throws<ServiceException>(() => report.Approve(NewProject(), Now, "hefei-editor")).Reason);
        Assert.Equal("REPORT_NOT_SUBMITTED", Assert.Throws<ServiceException>(() => report.Return("再退", Now, "hefei-editor")).Reason);
    }

    [Fact]
    public void Returned_CorrectedByTheCounty_IsSubmittedAgainWithoutTheReason()
    {
        var report = Submitted();
        report.Return("金额与台账不符", Now, "hefei-editor");

        var delta = report.Replace(900_000, "更正", needsReview: true, Now.AddDays(1), "shushan-editor");

        Assert.Equal((0L, ReviewState.Submitted, string.Empty), (delta, report.ReviewState, report.ReturnReason));
        Assert.Equal(900_000, report.CompletedInvestmentYuan);
    }

    [Fact]
    public void Approved_ReplacedByTheCounty_IsFailedPrecondition()
    {
        var report = Submitted();
        report.Approve(NewProject(), Now, "hefei-editor");

        var error = Assert.Throws<ServiceException>(() => report.Replace(1, string.Empty, needsReview: true, Now, "shushan-editor"));

        Assert.Equal((ErrorKind.FailedPrecondition, "REPORT_ALREADY_APPROVED"), (error.Kind, error.Reason));
        Assert.Equal(1_000_000, report.CompletedInvestmentYuan);
    }

    [Fact]
    public void Approved_ReplacedByTheCity_StaysApprovedAndCountsTheDifference()
    {
        var report = Submitted();
        report.Approve(NewProject(), Now, "hefei-editor");

        var delta = report.Replace(1_200_000, string.Empty, needsReview: false, Now, "hefei-editor");

        Assert.Equal((200_000L, ReviewState.Approved), (delta, report.ReviewState));
    }

    [Fact]
    public void Submitted_ReplacedByTheCity_IsApprovedAndCountsAllOfIt() =>
        Assert.Equal(1_100_000, Submitted().Replace(1_100_000, string.Empty, needsReview: false, Now, "hefei-editor"));

    [Theory]
    [InlineData(ReviewState.Submitted, true, false)]
    [InlineData(ReviewState.Returned, true, false)]
    [InlineData(ReviewState.Approved, true, true)]
    [InlineData(ReviewState.Approved, false, false)]
    public void Delete_ByACountyEditor_OnlyWhileNotApproved(ReviewState state, bool byCountyEditor, bool refused)
    {
        var report = Submitted();
        if (state == ReviewState.Approved)
        {
            report.Approve(NewProject(), Now, "hefei-editor");
        }
        else if (state == ReviewState.Returned)
        {
            report.Return("金额与台账不符", Now, "hefei-editor");
        }

        var error = Record.Exception(() => report.RequireDeletable(byCountyEditor));

        Assert.Equal(refused, error is ServiceException { Reason: "REPORT_ALREADY_APPROVED" });
        Assert.Equal(refused, error is not null);
    }
}
