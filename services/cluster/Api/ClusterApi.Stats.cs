using Grpc.Core;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Statistics and progress, computed on read by SQL aggregation, so that they never drift from the rows they count.</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.ClusterStats> GetClusterStats(Proto.GetClusterStatsRequest request, ServerCallContext context)
    {
        var parts = request.Name?.Split('/') ?? [];
        if (parts.Length != 3 || parts[0] != Cluster.Collection || parts[1].Length == 0 || parts[2] != "stats")
        {
            throw ServiceException.InvalidArgument("name", "must be a resource name of the form 'clusters/{id}/stats'.");
        }

        var clusterId = parts[1];
        var cancellationToken = context.CancellationToken;
        if (!await db.Clusters.AnyAsync(c => c.Id == clusterId, cancellationToken))
        {
            throw ServiceException.NotFound($"{Cluster.Collection}/{clusterId}");
        }

        var members = await db.MembersAsync(clusterId, cancellationToken);
        var projects = await db.ProjectsAsync(clusterId, cancellationToken);
        var grades = await db.MemberGradesAsync(clusterId, cancellationToken);
        var latest = await db.RevenueReports.AsNoTracking()
            .Where(r => r.ClusterId == clusterId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month)
            .FirstOrDefaultAsync(cancellationToken);

        return new Proto.ClusterStats
        {
            Name = request.Name,
            MemberCount = members.Count,
            AboveSizeMemberCount = members.AboveSize,
            MembersByQualification = { ByType(members.ByQualification) },
            RenovationProjectCount = projects.Count,
            RenovationProjectsUnderConstruction = projects.UnderConstruction,
            KeyRenovationProjectCount = projects.Key,
            RenovationTotalInvestmentYuan = projects.TotalInvestmentYuan,
            RenovationCompletedInvestmentYuan = projects.CompletedInvestmentYuan,
            LatestRevenueReport = latest is null ? null : latest.ToProto(await db.PreviousYearRevenueAsync(clusterId, latest.Period, cancellationToken)),
            PerMuEvaluationYear = grades.Year,
            MembersByPerMuGrade =
            {
                Enum.GetValues<PerMuGrade>().Select(g => new Proto.PerMuGradeCount { Grade = (Proto.PerMuGrade)g, Count = grades.ByGrade.GetValueOrDefault(g) }),
            },
        };
    }

    public override async Task<Proto.ClusterProgress> GetClusterProgress(Proto.GetClusterProgressRequest request, ServerCallContext context)
    {
        var year = request.Year;
        if (year is < ClusterRules.FirstYear or > ClusterRules.LastYear)
        {
            throw ServiceException.InvalidArgument("year", $"must be a year from {ClusterRules.FirstYear} to {ClusterRules.LastYear}.");
        }

        var figures = await db.ProgressAsync(year, context.CancellationToken);
        var targets = await db.ClusterTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, context.CancellationToken);
        var cityTargets = (targets?.CityTargets ?? []).ToDictionary(c => c.CityCode, StringComparer.Ordinal);
        var province = ClusterBreakdown.Province(figures.Cells);
        var revenueTargets = targets?.ClusterRevenueTargets.OrderBy(t => t.Cluster, StringComparer.Ordinal).ToList() ?? [];
        var revenues = await db.LatestOfYearAsync([.. revenueTargets.Select(t => ResourceName.Id(t.Cluster, Cluster.Collection, "cluster"))], year, context.CancellationToken);
        int Recognized(ClusterKind kind, ClusterLevel level) => figures.Recognitions.GetValueOrDefault((kind, level));

        return new Proto.ClusterProgress
        {
            Year = year,
            AdvancedManufacturingClusters = Targets.Against(province.AdvancedManufacturingClusters, targets?.AdvancedManufacturingClusters),
            ProvincialSmeClusters = Targets.Against(province.ProvincialSmeClusters, targets?.ProvincialSmeClusters),
            NationalSmeClusters = Targets.Against(province.NationalSmeClusters, targets?.NationalSmeClusters),
            InnovativeSmes = Targets.Against(province.InnovativeSmes, targets?.InnovativeSmes),
            SpecializedSmes = Targets.Against(province.SpecializedSmes, targets?.SpecializedSmes),
            LittleGiants = Targets.Against(province.LittleGiants, targets?.LittleGiants),
            SingleChampions = Targets.Against(province.SingleChampions, targets?.SingleChampions),
            NewAboveSizeEnterprises = Targets.Against(province.NewAboveSizeEnterprises, targets?.NewAboveSizeEnterprises),
            AboveSizeEnterprisesTotal = province.AboveSizeEnterprisesTotal,
            ExitedAboveSizeEnterprises = province.ExitedAboveSizeEnterprises,
            NetNewAboveSizeEnterprises = province.NetNewAboveSizeEnterprises,
            Recognitions =
            {
                from kind in Enum.GetValues<ClusterKind>()
                from level in new[] { ClusterLevel.Provincial, ClusterLevel.National }
                select new Proto.RecognitionCount { Kind = (Proto.ClusterKind)kind, Level = (Proto.ClusterLevel)level, Count = Recognized(kind, level) },
            },
            NewQualifications = { ByType(figures.NewQualifications) },
            Cities = { ClusterBreakdown.ByCity(figures.Cells, cityTargets.Keys).Select(c => c.Counts.ToCityProto(c.CityCode, cityTargets.GetValueOrDefault(c.CityCode))) },
            Industries = { ClusterBreakdown.ByIndustry(figures.Cells).Select(i => new Proto.IndustryClusterProgress { Industry = Industries.NameOf(i.IndustryCode) }.FillFrom(i.Counts)) },
            ClusterRevenues = { revenueTargets.Select(t => RevenueAgainst(t, revenues.GetValueOrDefault(ResourceName.Id(t.Cluster, Cluster.Collection, "cluster")))) },
        };
    }

    /// <summary>A cluster's revenue of the year so far (its latest report of the year) against its revenue target.</summary>
    private static Proto.ClusterRevenueProgress RevenueAgainst(ClusterRevenueTarget target, RevenueReport? latest)
    {
        var revenue = latest?.YearToDateRevenueYuan ?? 0;
        var progress = new Proto.ClusterRevenueProgress { Cluster = target.Cluster, Period = latest?.Period.ToString() ?? string.Empty, RevenueYuan = revenue, TargetRevenueYuan = target.RevenueYuan };
        if (Targets.CompletionPercent(revenue, target.RevenueYuan) is { } percent)
        {
            progress.CompletionPercent = percent;
        }

        return progress;
    }

    /// <summary>A count for every qualification type, 0 for a type without any.</summary>
    private static IEnumerable<Proto.QualificationCount> ByType(IReadOnlyDictionary<QualificationType, int> counts) =>
        Enum.GetValues<QualificationType>().Select(t => new Proto.QualificationCount { Type = (Proto.QualificationType)t, Count = counts.GetValueOrDefault(t) });
}
