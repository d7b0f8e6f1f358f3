using Industry.Clusters.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>
/// The enterprise programmes of ADR 0041 that no report figure counts, derived from the plan so that they change none of
/// the figures it is fitted to: each project's source, the China Speech Valley's revenue target of the targets' year
/// (C14), and the per-mu evaluations of the valley's members.
/// </summary>
public static class DemoEnterpriseProgrammes
{
    /// <summary>The year the members' per-mu evaluations are of: the report's year.</summary>
    public const int PerMuYear = 2023;

    /// <summary>
    /// 项目来源, spread by the project code's serial: about a third brought by investment attraction, one in ten signed at
    /// the World Manufacturing Convention, one in twenty other, the rest the enterprise's own investment.
    /// </summary>
    public static ProjectSource SourceOf(string projectCode) => (Serial(projectCode) % 20) switch
    {
        < 7 => ProjectSource.InvestmentAttraction,
        < 9 => ProjectSource.WorldManufacturingConvention,
        9 => ProjectSource.Other,
        _ => ProjectSource.OwnInvestment,
    };

    /// <summary>C14: 力争“中国声谷”营收突破3500亿元, in yuan.</summary>
    public static long SpeechValleyRevenueTargetYuan => (long)(ReportFigures.Get("C14").Value * 100_000_000);

    /// <summary>
    /// 亩均效益评价 of the valley's members in <see cref="PerMuYear"/>: grades A–D by member order (more A and B than C
    /// and D, as a national cluster's members are), land and figures that agree with the grade.
    /// </summary>
    public static IReadOnlyList<(string Uscc, PerMuEvaluation Evaluation)> SpeechValleyEvaluations(DemoPlan plan) =>
        [.. plan.Clusters.Single(c => c.Id == DemoPlanBuilder.SpeechValleyId).Members.Select((m, i) =>
        {
            var grade = (i % 10) switch { < 3 => PerMuGrade.A, < 7 => PerMuGrade.B, < 9 => PerMuGrade.C, _ => PerMuGrade.D };
            var land = 40 + (i * 7 % 160);
            var taxPerMu = grade switch { PerMuGrade.A => 60_000, PerMuGrade.B => 30_000, PerMuGrade.C => 15_000, _ => 5_000 };
            return (m.Uscc, new PerMuEvaluation
            {
                Year = PerMuYear,
                Grade = grade,
                LandAreaMu = land,
                TaxYuan = land * taxPerMu,
                RevenueYuan = land * taxPerMu * 40L,
            });
        })];

    private static int Serial(string projectCode) =>
        int.TryParse(projectCode.AsSpan(projectCode.Length - 6), System.Globalization.CultureInfo.InvariantCulture, out var serial) ? serial : projectCode.Length;
}
