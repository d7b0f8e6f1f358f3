namespace Industry.Projects.Domain;

/// <summary>
/// 月度调度: a project's completed investment in one month (<c>projects/{p}/investmentReports/{YYYY-MM}</c>). One
/// per project and month; year and month are stored apart so progress sums by index range, not by string parsing.
/// </summary>
public sealed class InvestmentReport
{
    private InvestmentReport()
    {
    }

    public InvestmentReport(string projectId, int year, int month, long completedInvestmentYuan, string progressNote, DateTime now, string actor)
    {
        ProjectId = projectId;
        Year = year;
        Month = month;
        CompletedInvestmentYuan = completedInvestmentYuan;
        ProgressNote = progressNote;
        CreateTime = now;
        UpdateTime = now;
        UpdateActor = actor;
        Version = 1;
    }

    public string ProjectId { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Month { get; private set; }

    public string Period => $"{Year:D4}-{Month:D2}";

    public string Name => $"projects/{ProjectId}/investmentReports/{Period}";

    public long CompletedInvestmentYuan { get; private set; }

    public string ProgressNote { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;

    /// <summary>Replaces the month's figures; returns the change of the amount for the project's cumulative total.</summary>
    public long Replace(long completedInvestmentYuan, string progressNote, DateTime now, string actor)
    {
        var delta = completedInvestmentYuan - CompletedInvestmentYuan;
        CompletedInvestmentYuan = completedInvestmentYuan;
        ProgressNote = progressNote;
        Version++;
        UpdateTime = now;
        UpdateActor = actor;
        return delta;
    }
}
