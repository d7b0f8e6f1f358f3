using System.Globalization;
using Industry.Cli.Texts;
using Industry.Clusters.V1;
using Industry.Common.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.Cli.Commands;

/// <summary>One figure of a progress table: its names for people and how a row shows it.</summary>
internal sealed record Figure<T>(string English, string Chinese, Func<T, string> Cell)
{
    public string Label(CliLanguage language) => language.Text(English, Chinese);
}

/// <summary>
/// The figures of the province overview's three programmes, in the order the department's tables list them (one table
/// per section: the province's totals, then one row per city). Amounts are shown in 万元 as the sheets use them.
/// </summary>
internal static class ProgressTables
{
    public static readonly IReadOnlyList<Figure<PlanProgress>> Plan =
    [
        new("Key projects under implementation", "在建重点项目", p => Of(p.KeyProjectsUnderImplementation)),
        new("  newly started", "  其中新开工", p => Count(p.KeyProjectsNewlyStarted)),
        new("  continuing", "  其中续建", p => Count(p.KeyProjectsContinuing)),
        new("Projects started", "开工项目", p => Of(p.ProjectsStarted)),
        new("Projects completed", "竣工项目", p => Of(p.ProjectsCompleted)),
        new("Completed investment (10k yuan)", "完成投资（万元）", p => TenThousands(p.CompletedInvestmentYuan)),
        new("Same period last year (10k yuan)", "上年同期（万元）", p => TenThousands(p.PreviousYearCompletedInvestmentYuan)),
        new("Investment growth", "投资增速", p => p.HasInvestmentGrowthPercent ? Percent(p.InvestmentGrowthPercent) : "—"),
        new("Target growth", "目标增速", p => p.HasTargetInvestmentGrowthPercent ? Percent(p.TargetInvestmentGrowthPercent) : "—"),
        new("Time schedule", "序时进度", p => Percent(p.TimeScheduleProgressPercent)),
        new("Projects behind schedule", "滞后于序时进度的项目", p => Count(p.ProjectsBehindSchedule)),
    ];

    public static readonly IReadOnlyList<Figure<CityPlanProgress>> PlanCities =
    [
        new("Key projects", "在建重点项目", c => Of(c.KeyProjectsUnderImplementation)),
        new("Started", "开工", c => Of(c.ProjectsStarted)),
        new("Completed", "竣工", c => Of(c.ProjectsCompleted)),
        new("Investment (10k yuan)", "完成投资（万元）", c => TenThousands(c.CompletedInvestmentYuan)),
        new("Growth", "增速", c => c.HasInvestmentGrowthPercent ? Percent(c.InvestmentGrowthPercent) : "—"),
        new("Behind", "滞后", c => Count(c.ProjectsBehindSchedule)),
    ];

    public static readonly IReadOnlyList<Figure<ClusterProgress>> Clusters =
    [
        new("Advanced-manufacturing clusters", "先进制造业集群", p => Of(p.AdvancedManufacturingClusters)),
        new("Provincial SME clusters", "省级中小企业特色产业集群", p => Of(p.ProvincialSmeClusters)),
        new("National SME clusters", "国家级中小企业特色产业集群", p => Of(p.NationalSmeClusters)),
        new("Innovative SMEs", "创新型中小企业", p => Of(p.InnovativeSmes)),
        new("Specialized SMEs", "专精特新中小企业", p => Of(p.SpecializedSmes)),
        new("Little giants", "专精特新“小巨人”企业", p => Of(p.LittleGiants)),
        new("Single champions", "制造业单项冠军", p => Of(p.SingleChampions)),
        new("New above-size enterprises", "新增规上工业企业", p => Of(p.NewAboveSizeEnterprises)),
        new("Above-size enterprises in all", "规上工业企业总数", p => Count(p.AboveSizeEnterprisesTotal)),
    ];

    public static readonly IReadOnlyList<Figure<CityClusterProgress>> ClusterCities =
    [
        new("Adv. mfg. clusters", "先进制造业集群", c => Of(c.AdvancedManufacturingClusters)),
        new("Innovative SMEs", "创新型中小企业", c => Of(c.InnovativeSmes)),
        new("Specialized SMEs", "专精特新", c => Of(c.SpecializedSmes)),
        new("Little giants", "小巨人", c => Of(c.LittleGiants)),
        new("New above-size", "新增规上", c => Of(c.NewAboveSizeEnterprises)),
    ];

    public static readonly IReadOnlyList<Figure<DigitalProgress>> Digital =
    [
        new("Parks certified", "认定数字化园区", p => Of(p.ParksCertified)),
        new("Enterprises transformed", "完成数字化转型企业", p => Of(p.EnterprisesTransformed)),
        new("Workshops, factories and leaders", "数字化车间、智能工厂和领军企业", p => Of(p.WorkshopsFactoriesLeaders)),
        new("  digital workshops", "  其中数字化车间", p => Count(p.DigitalWorkshops)),
        new("  smart factories", "  其中智能工厂", p => Count(p.SmartFactories)),
        new("  digital leaders", "  其中数字化领军企业", p => Count(p.DigitalLeaders)),
        new("Certified parks in all", "认定园区总数", p => Count(p.CertifiedParksTotal)),
    ];

    public static readonly IReadOnlyList<Figure<CityDigitalProgress>> DigitalCities =
    [
        new("Parks certified", "认定园区", c => Of(c.ParksCertified)),
        new("Enterprises transformed", "转型企业", c => Of(c.EnterprisesTransformed)),
        new("Workshops etc.", "车间工厂领军", c => Of(c.WorkshopsFactoriesLeaders)),
    ];

    /// <summary><c>12 / 20 (60.0%)</c>; without a target just the count.</summary>
    internal static string Of(TargetProgress? progress) => progress is null
        ? "—"
        : !progress.HasTarget
            ? Count(progress.Actual)
            : progress.HasCompletionPercent
                ? $"{Count(progress.Actual)} / {Count(progress.Target)} ({Percent(progress.CompletionPercent)})"
                : $"{Count(progress.Actual)} / {Count(progress.Target)}";

    internal static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Yuan as 万元 with two decimals, the unit of the department's sheets.</summary>
    internal static string TenThousands(long yuan) => (yuan / 10_000m).ToString("N2", CultureInfo.InvariantCulture);
}
