using Grpc.Core;
using Industry.Parks.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>A park's statistics and the programme's progress against the year's targets, computed on read.</summary>
internal sealed partial class ParksApi
{
    private const string StatsSuffix = "/stats";

    public override async Task<Proto.ParkStats> GetParkStats(Proto.GetParkStatsRequest request, ServerCallContext context)
    {
        if (!request.Name.EndsWith(StatsSuffix, StringComparison.Ordinal))
        {
            throw ServiceException.InvalidArgument("name", "must be a resource name of the form 'parks/{id}/stats'.");
        }

        var park = await db.Parks.GetAsync(Park.Collection, request.Name[..^StatsSuffix.Length], "name", context.CancellationToken);
        var levels = await db.LevelsInParkAsync(park.Id, context.CancellationToken);

        var stats = new Proto.ParkStats
        {
            Name = park.Name + StatsSuffix,
            TransformedEnterprises = levels.Values.Sum(),
            AboveSizeEnterprises = park.AboveSizeEnterpriseCount,
            DigitallyTransformed = levels.GetValueOrDefault(TransformationLevel.DigitallyTransformed),
            DigitalWorkshops = levels.GetValueOrDefault(TransformationLevel.DigitalWorkshop),
            SmartFactories = levels.GetValueOrDefault(TransformationLevel.SmartFactory),
            DigitalLeaders = levels.GetValueOrDefault(TransformationLevel.DigitalLeader),
        };
        if (Targets.CompletionPercent(stats.TransformedEnterprises, park.AboveSizeEnterpriseCount) is { } coverage)
        {
            stats.CoveragePercent = coverage;
        }

        return stats;
    }

    public override async Task<Proto.DigitalProgress> GetDigitalProgress(Proto.GetDigitalProgressRequest request, ServerCallContext context)
    {
        var (year, currentYear) = (request.Year, ChinaTime.Today(clock).Year);
        if (year < ParkRules.FirstYear || year > currentYear)
        {
            throw ServiceException.InvalidArgument("year", $"must be from {ParkRules.FirstYear} to the current year {currentYear}.");
        }

        var ct = context.CancellationToken;
        var targets = await db.DigitalTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, ct);
        var parks = (await db.ParksAsync(year, ct)).ToDictionary(p => p.CityCode, StringComparer.Ordinal);
        var milestones = (await db.MilestonesAsync(year, ct)).ToDictionary(m => m.CityCode, StringComparer.Ordinal);
        var enterprises = await db.EnterprisesTransformedAsync(year, ct);

        int Leaders(DigitalProgressQueries.CityMilestones? m) => m is null ? 0 : m.Workshops + m.Factories + m.Leaders;
        var cityTargets = (targets?.CityTargets ?? []).ToDictionary(c => c.CityCode, StringComparer.Ordinal);
        var cities = parks.Where(p => p.Value.NewlyCertified > 0).Select(p => p.Key)
            .Concat(milestones.Keys)
            .Concat(cityTargets.Keys)
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new Proto.DigitalProgress
        {
            Year = year,
            ParksCertified = Targets.Against(parks.Values.Sum(p => p.NewlyCertified), targets?.ParksCertified),
            EnterprisesTransformed = Targets.Against(enterprises, targets?.EnterprisesTransformed),
            WorkshopsFactoriesLeaders = Targets.Against(milestones.Values.Sum(Leaders), targets?.WorkshopsFactoriesLeaders),
            DigitalWorkshops = milestones.Values.Sum(m => m.Workshops),
            SmartFactories = milestones.Values.Sum(m => m.Factories),
            DigitalLeaders = milestones.Values.Sum(m => m.Leaders),
            CertifiedParksTotal = parks.Values.Sum(p => p.CertifiedTotal),
            Cities =
            {
                cities.Select(city => new Proto.CityDigitalProgress
                {
                    CityCode = city,
                    ParksCertified = Targets.Against(parks.GetValueOrDefault(city)?.NewlyCertified ?? 0, cityTargets.GetValueOrDefault(city)?.ParksCertified),
                    EnterprisesTransformed = Targets.Against(milestones.GetValueOrDefault(city)?.Enterprises ?? 0, cityTargets.GetValueOrDefault(city)?.EnterprisesTransformed),
                    WorkshopsFactoriesLeaders = Targets.Against(Leaders(milestones.GetValueOrDefault(city)), cityTargets.GetValueOrDefault(city)?.WorkshopsFactoriesLeaders),
                }),
            },
        };
    }
}
