namespace Industry.Projects.Domain;

/// <summary>
/// 月度调度: a project's completed investment in one month (<c>projects/{p}/investmentReports/{YYYY-MM}</c>). One
/// per project and month; year and month are stored apart so progress sums by index range, not by string parsing.
/// </summary>
public sealed class InvestmentReport : VersionedResource
{
    private InvestmentReport()
    {
    }

    /// <summary>A new month's report, its versions (etags) going on from <paramref name="previousVersion"/>, the last of a deleted report of the same month.</summary>
    public InvestmentReport(string projectId, int year, int month, long completedInvestmentYuan, string progressNote, DateTime now, string actor, long previousVersion = 0)
    {
        (ProjectId, Year, Month, CompletedInvestmentYuan, ProgressNote) = (projectId, year, month, completedInvestmentYuan, progressNote);
        Begin(now, previousVersion);
        Touch(now, actor);
    }

    public string ProjectId { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Month { get; private set; }

    public string Period => $"{Year:D4}-{Month:D2}";

    public override string Name => $"projects/{ProjectId}/investmentReports/{Period}";

    public long CompletedInvestmentYuan { get; private set; }

    public string ProgressNote { get; private set; } = string.Empty;

    /// <summary>Why the report was last corrected after its month was closed (更正说明); empty when it never was.</summary>
    public string CorrectionReason { get; private set; } = string.Empty;

    /// <summary>Records that the write just made (a new report or a replacement) corrects a closed month, and why.</summary>
    public void RecordCorrection(string reason) => CorrectionReason = reason;

    /// <summary>Replaces the month's figures; returns the change of the amount for the project's cumulative total.</summary>
    public long Replace(long completedInvestmentYuan, string progressNote, DateTime now, string actor)
    {
        var delta = completedInvestmentYuan - CompletedInvestmentYuan;
        CompletedInvestmentYuan = completedInvestmentYuan;
        ProgressNote = progressNote;
        Touch(now, actor);
        return delta;
    }
}

/// <summary>One month's report of a project as a caller sends it (ReportInvestment, or an item of its batch), before validation.</summary>
/// <param name="Parent">The project's name.</param>
/// <param name="Period">The month, <c>YYYY-MM</c>.</param>
/// <param name="CompletedInvestmentYuan">The investment completed in the month.</param>
/// <param name="ProgressNote">The month's progress, trimmed.</param>
/// <param name="Etag">The stored report's etag, to replace it; empty for a new month.</param>
/// <param name="CorrectionReason">Why a report of a closed month is corrected; empty otherwise.</param>
public sealed record InvestmentReportDraft(string Parent, string Period, long CompletedInvestmentYuan, string ProgressNote, string Etag, string CorrectionReason = "");
