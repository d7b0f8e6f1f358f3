namespace Industry.Clusters.Domain;

/// <summary>
/// 亩均效益评价: what a per-mu evaluation must satisfy, checked all at once, and its per-mu figures, computed from the
/// stored inputs so that they always agree with them (万元/亩, two decimals, rounded half away from zero as the
/// department's tables round).
/// </summary>
public static class PerMuRules
{
    /// <summary>Far above any single plant (the largest Anhui sites are some thousand mu), far below overflow.</summary>
    public const decimal MaxLandAreaMu = 1_000_000m;

    public const long MaxYuan = 100_000_000_000_000;

    public static IReadOnlyList<FieldViolation> Check(PerMuFigures figures, string prefix = "per_mu_evaluation.") => new Violations(prefix)
        .Add("grade", figures.Grade is { } grade && Enum.IsDefined(grade) ? null : "must be PER_MU_GRADE_A, _B, _C or _D.")
        .Add("land_area_mu", figures.LandAreaMu <= 0 || figures.LandAreaMu > MaxLandAreaMu ? $"must be a positive area in mu up to {MaxLandAreaMu}."
            : decimal.Round(figures.LandAreaMu, 2) != figures.LandAreaMu ? "must have at most two decimals." : null)
        .Add("tax_yuan", figures.TaxYuan is < 0 or > MaxYuan ? $"must be a number of yuan from 0 to {MaxYuan}." : null)
        .Add("revenue_yuan", figures.RevenueYuan is < 0 or > MaxYuan ? $"must be a number of yuan from 0 to {MaxYuan}." : null);

    /// <summary>The year evaluated: a past year or the current one (an evaluation is of a year's results).</summary>
    public static string? YearProblem(int year, int currentYear) =>
        year < EnterpriseRules.FirstYear || year > currentYear ? $"must be a year from {EnterpriseRules.FirstYear} to {currentYear}." : null;

    /// <summary>An amount per mu in 10,000 yuan (万元/亩), two decimals.</summary>
    public static decimal PerMu(long yuan, decimal landAreaMu) =>
        landAreaMu <= 0 ? 0 : decimal.Round(yuan / 10_000m / landAreaMu, 2, MidpointRounding.AwayFromZero);
}
