using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>The columns of the exported lists other than the projects' (<see cref="ProjectColumns"/>).</summary>
internal static class ListColumns
{
    /// <summary>未报: the projects missing a month's report.</summary>
    public static readonly IReadOnlyList<SheetColumn<ProjectsV1.MissingReport>> MissingReports =
    [
        new("项目代码", CellKind.Text, 26, r => r.ProjectCode),
        new("项目名称", CellKind.Text, 36, r => r.DisplayName),
        .. Place<ProjectsV1.MissingReport>(r => r.CityCode, r => r.CountyCode),
        new("统一社会信用代码", CellKind.Text, 22, r => r.EnterpriseUscc),
        new("企业名称", CellKind.Text, 30, r => r.EnterpriseDisplayName),
        new("月份", CellKind.Text, 9, r => r.Period),
        new("填报状态", CellKind.Text, 9, r => SheetCells.Label(r.Status)),
    ];

    /// <summary>企业.</summary>
    public static readonly IReadOnlyList<SheetColumn<ClustersV1.Enterprise>> Enterprises =
    [
        new("统一社会信用代码", CellKind.Text, 22, e => e.Uscc),
        new("企业名称", CellKind.Text, 30, e => e.DisplayName),
        .. Place<ClustersV1.Enterprise>(e => e.CityCode, e => e.CountyCode),
        new("国民经济行业分类", CellKind.Text, 10, e => e.Gbt4754Class),
        new("行业", CellKind.Text, 16, e => SheetCells.IndustryName(e.Industry)),
        new("是否规上企业", CellKind.Text, 8, e => SheetCells.Flag(e.AboveSize)),
        new("纳入规上年份", CellKind.Count, 8, e => e.AboveSizeYear == 0 ? null : e.AboveSizeYear),
        new("资质", CellKind.Text, 30, e => string.Join("、", e.Qualifications.Select(q => $"{SheetCells.Label(q.Type)}({q.Year})"))),
        new("所属集群", CellKind.Text, 30, e => string.Join("、", e.Clusters.Select(SheetCells.Id))),
    ];

    /// <summary>集群.</summary>
    public static readonly IReadOnlyList<SheetColumn<ClustersV1.Cluster>> Clusters =
    [
        new("集群标识", CellKind.Text, 20, c => SheetCells.Id(c.Name)),
        new("集群名称", CellKind.Text, 30, c => c.DisplayName),
        new("集群类型", CellKind.Text, 14, c => SheetCells.Label(c.Kind)),
        new("行业", CellKind.Text, 16, c => SheetCells.IndustryName(c.Industry)),
        new("牵头地区", CellKind.Text, 12, c => SheetCells.DivisionName(c.LeadDivisionCode)),
        new("牵头地区代码", CellKind.Text, 9, c => c.LeadDivisionCode),
        new("所在市", CellKind.Text, 10, c => SheetCells.DivisionName(c.CityCode)),
        new("市代码", CellKind.Text, 9, c => c.CityCode),
        new("依托园区", CellKind.Text, 24, c => c.HostParkDisplayName),
        new("状态", CellKind.Text, 8, c => SheetCells.Label(c.State)),
        new("认定级别", CellKind.Text, 8, c => c.Level == ClustersV1.ClusterLevel.Unspecified ? string.Empty : SheetCells.Label(c.Level)),
        new("认定年份", CellKind.Count, 8, c => c.RecognitionYear == 0 ? null : c.RecognitionYear),
    ];

    /// <summary>园区.</summary>
    public static readonly IReadOnlyList<SheetColumn<ParksV1.Park>> Parks =
    [
        new("园区标识", CellKind.Text, 20, p => SheetCells.Id(p.Name)),
        new("园区名称", CellKind.Text, 30, p => p.DisplayName),
        .. Place<ParksV1.Park>(p => p.CityCode, p => p.CountyCode),
        new("园区类型", CellKind.Text, 12, p => SheetCells.Label(p.ParkType)),
        new("主导产业", CellKind.Text, 16, p => SheetCells.IndustryName(p.LeadIndustry)),
        new("规上企业数", CellKind.Count, 10, p => p.AboveSizeEnterpriseCount),
        new("状态", CellKind.Text, 8, p => SheetCells.Label(p.State)),
        new("认定年份", CellKind.Count, 8, p => p.CertificationYear == 0 ? null : p.CertificationYear),
        new("认定批次", CellKind.Count, 8, p => p.CertificationBatch == 0 ? null : p.CertificationBatch),
    ];

    /// <summary>数字化转型.</summary>
    public static readonly IReadOnlyList<SheetColumn<ParksV1.Transformation>> Transformations =
    [
        new("统一社会信用代码", CellKind.Text, 22, t => t.EnterpriseUscc),
        new("企业名称", CellKind.Text, 30, t => t.EnterpriseDisplayName),
        new("所在市", CellKind.Text, 10, t => SheetCells.DivisionName(t.CityCode)),
        new("市代码", CellKind.Text, 9, t => t.CityCode),
        new("转型等级", CellKind.Text, 12, t => SheetCells.Label(t.Level)),
        new("年份", CellKind.Count, 8, t => t.Year),
        new("来源", CellKind.Text, 10, t => SheetCells.Label(t.Source)),
        new("关联项目", CellKind.Text, 26, t => t.Project.Length == 0 ? string.Empty : SheetCells.Id(t.Project)),
        new("备注", CellKind.Text, 30, t => t.Note),
        new("资源名称", CellKind.Text, 40, t => t.Name),
    ];

    /// <summary>所在市, 市代码, 所在区县, 区县代码: the names beside the codes.</summary>
    public static IEnumerable<SheetColumn<T>> Place<T>(Func<T, string> city, Func<T, string> county) =>
    [
        new("所在市", CellKind.Text, 10, r => SheetCells.DivisionName(city(r))),
        new("市代码", CellKind.Text, 9, r => city(r)),
        new("所在区县", CellKind.Text, 12, r => SheetCells.DivisionName(county(r))),
        new("区县代码", CellKind.Text, 9, r => county(r)),
    ];
}
