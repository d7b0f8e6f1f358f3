namespace Industry.Projects.Domain;

/// <summary>
/// 月度调度: a project's completed investment in one month (<c>projects/{p}/investmentReports/{YYYY-MM}</c>). One
/// per project and month; year and month are stored apart so progress sums by index range, not by string parsing.
/// A county editor's entry waits for its city's review (<see cref="ReviewState"/>, ADR 0026); only an approved report
/// counts (<see cref="CountedInvestmentYuan"/>).
/// </summary>
public sealed class InvestmentReport : VersionedResource
{
    private InvestmentReport()
    {
    }

    /// <summary>
    /// A new month's report, its versions (etags) going on from <paramref name="previousVersion"/>, the last of a deleted
    /// report of the same month; SUBMITTED when <paramref name="needsReview"/> (a county editor's), else APPROVED at once.
    /// </summary>
    public InvestmentReport(string projectId, int year, int month, long completedInvestmentYuan, string progressNote, bool needsReview, DateTime now, string actor, long previousVersion = 0)
    {
        (ProjectId, Year, Month, CompletedInvestmentYuan, ProgressNote) = (projectId, year, month, completedInvestmentYuan, progressNote);
        Begin(now, previousVersion);
        Enter(needsReview, now, actor);
    }

    public string ProjectId { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Month { get; private set; }

    public string Period => $"{Year:D4}-{Month:D2}";

    public override string Name => $"projects/{ProjectId}/investmentReports/{Period}";

    public long CompletedInvestmentYuan { get; private set; }

    public string ProgressNote { get; private set; } = string.Empty;

    public ReviewState ReviewState { get; private set; }

    /// <summary>退回原因: why the city returned it; empty unless <see cref="ReviewState.Returned"/>.</summary>
    public string ReturnReason { get; private set; } = string.Empty;

    /// <summary>Who approved or returned it (its author when approved at once); empty while submitted.</summary>
    public string ReviewActor { get; private set; } = string.Empty;

    public DateTime? ReviewTime { get; private set; }

    /// <summary>What the report adds to progress figures: its amount once approved, nothing before.</summary>
    public long CountedInvestmentYuan => Counted(ReviewState, CompletedInvestmentYuan);

    /// <summary>What a report in <paramref name="state"/> of <paramref name="amount"/> adds to progress figures.</summary>
    public static long Counted(ReviewState state, long amount) => state == ReviewState.Approved ? amount : 0;

    /// <summary>Why the report was last corrected after its month was closed (更正说明); empty when it never was.</summary>
    public string CorrectionReason { get; private set; } = string.Empty;

    /// <summary>Records that the write just made (a new report or a replacement) corrects a closed month, and why.</summary>
    public void RecordCorrection(string reason) => CorrectionReason = reason;

    /// <summary>
    /// Replaces the month's figures and enters them again for review (<paramref name="needsReview"/>: a county
    /// editor's correction, SUBMITTED) or approved at once; returns the change of the counted amount for the
    /// project's cumulative total. A county editor may not replace an approved report.
    /// </summary>
    public long Replace(long completedInvestmentYuan, string progressNote, bool needsReview, DateTime now, string actor)
    {
        if (needsReview && ReviewState == ReviewState.Approved)
        {
            throw Precondition("REPORT_ALREADY_APPROVED", $"{Name} is approved; only its city or a province admin may change it.");
        }

        var counted = CountedInvestmentYuan;
        CompletedInvestmentYuan = completedInvestmentYuan;
        ProgressNote = progressNote;
        Enter(needsReview, now, actor);
        return CountedInvestmentYuan - counted;
    }

    /// <summary>A county editor may delete its county's report only while it does not count (not approved yet).</summary>
    public void RequireDeletable(bool byCountyEditor)
    {
        if (byCountyEditor && ReviewState == ReviewState.Approved)
        {
            throw Precondition("REPORT_ALREADY_APPROVED", $"{Name} is approved; only its city or a province admin may delete it.");
        }
    }

    /// <summary>审核通过: a submitted report of <paramref name="project"/> counts from now on; returns the change of the counted amount (all of it).</summary>
    public long Approve(Project project, DateTime now, string actor)
    {
        RequireSubmitted("approved");
        ReviewRules.CheckApproval(project, this);
        (ReviewState, ReturnReason, ReviewActor, ReviewTime) = (ReviewState.Approved, string.Empty, actor, now);
        Touch(now, actor);
        return CompletedInvestmentYuan;
    }

    /// <summary>退回: a submitted report goes back to its county with <paramref name="reason"/> (checked by <see cref="FieldText.RequireReason"/>).</summary>
    public void Return(string reason, DateTime now, string actor)
    {
        RequireSubmitted("returned");
        (ReviewState, ReturnReason, ReviewActor, ReviewTime) = (ReviewState.Returned, reason, actor, now);
        Touch(now, actor);
    }

    private void Enter(bool needsReview, DateTime now, string actor)
    {
        (ReviewState, ReturnReason) = (needsReview ? ReviewState.Submitted : ReviewState.Approved, string.Empty);
        (ReviewActor, ReviewTime) = needsReview ? (string.Empty, (DateTime?)null) : (actor, now);
        Touch(now, actor);
    }

    private void RequireSubmitted(string verb)
    {
        if (ReviewState != ReviewState.Submitted)
        {
            throw Precondition("REPORT_NOT_SUBMITTED", ReviewState == ReviewState.Approved
                ? $"{Name} is approved already; only a submitted report can be {verb}."
                : $"{Name} was returned and waits for its county's correction; only a submitted report can be {verb}.");
        }
    }

    private ServiceException Precondition(string reason, string message) =>
        new(ErrorKind.FailedPrecondition, reason, message,
            new Dictionary<string, string> { ["resource"] = Name, ["review_state"] = ReviewRules.ApiName(ReviewState) });
}

/// <summary>One month's report of a project as a caller sends it (ReportInvestment, or an item of its batch), before validation.</summary>
/// <param name="Parent">The project's name.</param>
/// <param name="Period">The month, <c>YYYY-MM</c>.</param>
/// <param name="CompletedInvestmentYuan">The investment completed in the month.</param>
/// <param name="ProgressNote">The month's progress, trimmed.</param>
/// <param name="Etag">The stored report's etag, to replace it; empty for a new month.</param>
/// <param name="CorrectionReason">Why a report of a closed month is corrected; empty otherwise.</param>
public sealed record InvestmentReportDraft(string Parent, string Period, long CompletedInvestmentYuan, string ProgressNote, string Etag, string CorrectionReason = "");
