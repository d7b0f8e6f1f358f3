using Industry.Common.V1;
using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>The columns of the exported progress tables: one row per city, as the overview shows them.</summary>
internal static class ProgressColumns
{
    /// <summary>重点项目计划进度 by city (<c>GetPlanProgress</c>).</summary>
    public static readonly IReadOnlyList<SheetColumn<ProjectsV1.CityPlanProgress>> Plan =
    [
        .. City<ProjectsV1.CityPlanProgress>(c => c.CityCode),
        .. Target<ProjectsV1.CityPlanProgress>("在库实施重点项目", c => c.KeyProjectsUnderImplementation),
        new("累计完成投资(万元)", CellKind.Amount, 16, c => c.CompletedInvestmentYuan),
        new("上年同期完成投资(万元)", CellKind.Amount, 18, c => c.PreviousYearCompletedInvestmentYuan),
        new("投资增速(%)", CellKind.Percent, 10, c => c.HasInvestmentGrowthPercent ? c.InvestmentGrowthPercent : null),
        new("滞后项目数", CellKind.Count, 10, c => c.ProjectsBehindSchedule),
        .. Target<ProjectsV1.CityPlanProgress>("开工项目", c => c.ProjectsStarted),
        .. Target<ProjectsV1.CityPlanProgress>("竣工项目", c => c.ProjectsCompleted),
    ];

    /// <summary>集群与优质企业进度 by city (<c>GetClusterProgress</c>).</summary>
    public static readonly IReadOnlyList<SheetColumn<ClustersV1.CityClusterProgress>> Clusters =
    [
        .. City<ClustersV1.CityClusterProgress>(c => c.CityCode),
        .. Target<ClustersV1.CityClusterProgress>("先进制造业集群", c => c.AdvancedManufacturingClusters),
        .. Target<ClustersV1.CityClusterProgress>("省级中小企业特色产业集群", c => c.ProvincialSmeClusters),
        .. Target<ClustersV1.CityClusterProgress>("国家级中小企业特色产业集群", c => c.NationalSmeClusters),
        .. Target<ClustersV1.CityClusterProgress>("创新型中小企业", c => c.InnovativeSmes),
        .. Target<ClustersV1.CityClusterProgress>("专精特新中小企业", c => c.SpecializedSmes),
        .. Target<ClustersV1.CityClusterProgress>("专精特新小巨人", c => c.LittleGiants),
        .. Target<ClustersV1.CityClusterProgress>("制造业单项冠军", c => c.SingleChampions),
        .. Target<ClustersV1.CityClusterProgress>("新增规上工业企业", c => c.NewAboveSizeEnterprises),
        new("规上工业企业总数", CellKind.Count, 12, c => c.AboveSizeEnterprisesTotal),
    ];

    /// <summary>数字化转型进度 by city (<c>GetDigitalProgress</c>).</summary>
    public static readonly IReadOnlyList<SheetColumn<ParksV1.CityDigitalProgress>> Digital =
    [
        .. City<ParksV1.CityDigitalProgress>(c => c.CityCode),
        .. Target<ParksV1.CityDigitalProgress>("数字化转型园区", c => c.ParksCertified),
        .. Target<ParksV1.CityDigitalProgress>("数字化转型企业", c => c.EnterprisesTransformed),
        .. Target<ParksV1.CityDigitalProgress>("数字化车间、智能工厂、领军企业", c => c.WorkshopsFactoriesLeaders),
    ];

    /// <summary>月度调度通报 by city (<c>GetDispatchBulletin</c>).</summary>
    public static readonly IReadOnlyList<SheetColumn<ProjectsV1.DispatchBulletinCity>> Bulletin =
    [
        .. City<ProjectsV1.DispatchBulletinCity>(c => c.CityCode),
        new("累计完成投资(万元)", CellKind.Amount, 16, c => c.CompletedInvestmentYuan),
        new("上年同期完成投资(万元)", CellKind.Amount, 18, c => c.PreviousYearCompletedInvestmentYuan),
        new("投资增速(%)", CellKind.Percent, 10, c => c.HasInvestmentGrowthPercent ? c.InvestmentGrowthPercent : null),
        new("增速排名", CellKind.Count, 8, c => c.InvestmentGrowthRank == 0 ? null : c.InvestmentGrowthRank),
        new("在库实施重点项目", CellKind.Count, 12, c => c.KeyProjectsUnderImplementation),
        new("在库实施重点项目(目标)", CellKind.Count, 14, c => c.HasTargetKeyProjectsUnderImplementation ? c.TargetKeyProjectsUnderImplementation : null),
        new("目标完成率(%)", CellKind.Percent, 10, c => c.HasTargetCompletionPercent ? c.TargetCompletionPercent : null),
        new("完成率排名", CellKind.Count, 8, c => c.TargetCompletionRank == 0 ? null : c.TargetCompletionRank),
        new("未报项目数", CellKind.Count, 10, c => c.HasMissingReportCount ? c.MissingReportCount : null),
        new("迟报项目数", CellKind.Count, 10, c => c.HasLateReportCount ? c.LateReportCount : null),
        new("滞后项目数", CellKind.Count, 10, c => c.HasLaggingProjectCount ? c.LaggingProjectCount : null),
    ];

    private static IEnumerable<SheetColumn<T>> City<T>(Func<T, string> city) =>
    [
        new("市", CellKind.Text, 10, r => SheetCells.DivisionName(city(r))),
        new("市代码", CellKind.Text, 9, r => city(r)),
    ];

    /// <summary>实际, 目标 and 完成率 of one figure against its target.</summary>
    private static IEnumerable<SheetColumn<T>> Target<T>(string figure, Func<T, TargetProgress?> progress) =>
    [
        new($"{figure}(实际)", CellKind.Count, Math.Max(10, figure.Length * 2.2), r => progress(r)?.Actual),
        new($"{figure}(目标)", CellKind.Count, Math.Max(10, figure.Length * 2.2), r => progress(r) is { HasTarget: true } t ? t.Target : null),
        new($"{figure}完成率(%)", CellKind.Percent, Math.Max(10, figure.Length * 2.2), r => progress(r) is { HasCompletionPercent: true } t ? t.CompletionPercent : null),
    ];
}
