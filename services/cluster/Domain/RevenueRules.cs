namespace Industry.Clusters.Domain;

/// <summary>What a cluster revenue report must satisfy, every field checked at once.</summary>
public static class RevenueRules
{
    /// <summary>Largest revenue accepted: ¥100 trillion, far above any cluster (the province's industry earns a few), far below overflow.</summary>
    public const long MaxRevenueYuan = 100_000_000_000_000;

    /// <summary>More enterprises than any cluster counts; a bound against typing errors.</summary>
    public const int MaxEnterpriseCount = 1_000_000;

    public const int MaxNoteLength = 2000;

    /// <summary>
    /// The period of a report of <paramref name="figures"/> for <paramref name="period"/>: a month 'YYYY-MM' not after
    /// the current one (<paramref name="today"/>), a revenue from 0 to <see cref="MaxRevenueYuan"/>, a count that is
    /// not negative; INVALID_ARGUMENT with every violation otherwise.
    /// </summary>
    public static ReportingPeriod Check(string period, RevenueFigures figures, DateOnly today)
    {
        var parsed = ReportingPeriod.TryParse(period);
        ServiceException.ThrowIfAny(new Violations()
            .Add("period", parsed is null ? ReportingPeriod.Rule : parsed > ReportingPeriod.Of(today) ? $"{parsed} is in the future." : null)
            .Add("year_to_date_revenue_yuan", figures.YearToDateRevenueYuan is < 0 or > MaxRevenueYuan ? $"must be a number of yuan from 0 to {MaxRevenueYuan}." : null)
            .Add("enterprise_count", figures.EnterpriseCount is < 0 or > MaxEnterpriseCount ? $"must be from 0 to {MaxEnterpriseCount}." : null)
            .Add("note", FieldText.Problem(figures.Note, MaxNoteLength, required: false)));
        return parsed!.Value;
    }
}
