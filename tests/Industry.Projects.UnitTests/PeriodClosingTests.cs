using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Projects.UnitTests;

/// <summary>月度关账's rules: which months can be closed, and when a change of a closed month's report is a correction.</summary>
public sealed class PeriodClosingTests
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    private static readonly ReportingPeriod March = new(2024, 3);

    [Theory]
    [InlineData("reportingPeriods/2024-13")]
    [InlineData("reportingPeriods/2024-1")]
    [InlineData("reportingPeriods/1999-12")]
    [InlineData("reportingPeriods/2024-07")] // the future
    [InlineData("progressSnapshots/2024-03")]
    public void ParseName_BadOrFuture_IsInvalidArgumentOnTheName(string name)
    {
        var error = Assert.Throws<ServiceException>(() => PeriodClosing.ParseName(name, ClosedPeriod.Collection, Today));

        Assert.Equal((ErrorKind.InvalidArgument, "name"), (error.Kind, Assert.Single(error.FieldViolations).Field));
    }

    [Fact]
    public void ParseName_TheCurrentMonth_IsValidButNotEnded()
    {
        var june = PeriodClosing.ParseName("reportingPeriods/2024-06", ClosedPeriod.Collection, Today);

        var error = Assert.Throws<ServiceException>(() => PeriodClosing.RequireEnded(june, Today));
        Assert.Equal(PeriodClosing.PeriodNotEnded, error.Reason);
        PeriodClosing.RequireEnded(new ReportingPeriod(2024, 5), Today);
    }

    [Fact]
    public void Correction_OpenMonth_IsNoCorrection_AndRefusesAReason()
    {
        Assert.Null(PeriodClosing.Correction(closed: false, byProvinceAdmin: false, " ", "r", March));
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<ServiceException>(() => PeriodClosing.Correction(false, true, "更正", "r", March)).Kind);
    }

    [Theory]
    [InlineData(false, "统计口径更正")] // a city editor, even with a reason
    [InlineData(true, "")]            // the admin without a reason
    [InlineData(true, "   ")]
    public void Correction_ClosedMonth_WithoutAdminAndReason_IsPeriodClosed(bool admin, string reason)
    {
        var error = Assert.Throws<ServiceException>(() => PeriodClosing.Correction(true, admin, reason, "projects/p-1/investmentReports/2024-03", March));

        Assert.Equal((ErrorKind.FailedPrecondition, PeriodClosing.PeriodClosed, "2024-03"), (error.Kind, error.Reason, error.Metadata["period"]));
    }

    [Fact]
    public void Correction_ClosedMonth_ByTheAdminWithAReason_IsTheTrimmedReason() =>
        Assert.Equal("统计口径更正", PeriodClosing.Correction(true, true, " 统计口径更正 ", "r", March));

    [Fact]
    public void Correction_ReasonTooLong_IsInvalidArgument() =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<ServiceException>(() => PeriodClosing.Correction(true, true, new string('x', FieldText.MaxReasonLength + 1), "r", March)).Kind);
}
