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
        var levels = (await db.LevelsInParkAsync(park.Id, context.CancellationToken)).ToDictionary(l => l.Level, l => l.Count);
        int At(TransformationLevel level) => levels.GetValueOrDefault(level);

        var stats = new Proto.ParkStats
        {
            Name = park.Name + StatsSuffix,
            TransformedEnterprises = levels.Values.Sum(),
            AboveSizeEnterprises = park.AboveSizeEnterpriseCount,
            DigitallyTransformed = At(TransformationLevel.DigitallyTransformed),
            DigitalWorkshops = At(TransformationLevel.DigitalWorkshop),
            SmartFactories = At(TransformationLevel.SmartFactory),
            DigitalLeaders = At(TransformationLevel.DigitalLeader),
        };
        if (Targets.CompletionPercent(stats.TransformedEnterprises, park.AboveSizeEnterpriseCount) is { } coverage)
        {
            stats.CoveragePercent = coverage;
        }

        return stats;
    }

    public override async Task<Proto.DigitalProgress> GetDigitalProgress(Proto.GetDigitalProgressRequest request, ServerCallContext context)
    {
        var year = request.Year;
        if (year < ParkRules.FirstYear || year > CurrentYear)
        {
            throw ServiceException.InvalidArgument("year", $"must be from {ParkRules.FirstYear} to the current year {CurrentYear}.");
        }

        var ct = context.CancellationToken;
        var targets = await db.DigitalTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, ct);
        var parks = (await db.ParksAsync(year, ct)).ToDictionary(p => p.CityCode, StringComparer.Ordinal);
        var milestones = (await db.MilestonesAsync(year, ct)).ToDictionary(m => m.CityCode, StringComparer.Ordinal);
        var enterprises = await db.EnterprisesTransformedAsync(year, ct);

        int Leaders(DigitalProgressQueries.CityMilestones m) => m.Workshops + m.Factories + m.Leaders;
        var progress = new Proto.DigitalProgress
        {
            Year = year,
            ParksCertified = Targets.Against(parks.Values.Sum(p => p.NewlyCertified), targets?.ParksCertified),
            EnterprisesTransformed = Targets.Against(enterprises, targets?.EnterprisesTransformed),
            WorkshopsFactoriesLeaders = Targets.Against(milestones.Values.Sum(Leaders), targets?.WorkshopsFactoriesLeaders),
            DigitalWorkshops = milestones.Values.Sum(m => m.Workshops),
            SmartFactories = milestones.Values.Sum(m => m.Factories),
            DigitalLeaders = milestones.Values.Sum(m => m.Leaders),
            CertifiedParksTotal = parks.Values.Sum(p => p.CertifiedTotal),
        };

        var cityTargets = (targets?.CityTargets ?? []).ToDictionary(c => c.CityCode, StringComparer.Ordinal);
        var cities = parks.Where(p => p.Value.NewlyCertified > 0).Select(p => p.Key)
            .Concat(milestones.Keys)
            .Concat(cityTargets.Keys)
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var city in cities)
        {
            var cityParks = parks.GetValueOrDefault(city);
            var cityMilestones = milestones.GetValueOrDefault(city);
            var target = cityTargets.GetValueOrDefault(city);
            progress.Cities.Add(new Proto.CityDigitalProgress
            {
                CityCode = city,
                ParksCertified = Targets.Against(cityParks?.NewlyCertified ?? 0, target?.ParksCertified),
                EnterprisesTransformed = Targets.Against(cityMilestones?.Enterprises ?? 0, target?.EnterprisesTransformed),
                WorkshopsFactoriesLeaders = Targets.Against(cityMilestones is null ? 0 : Leaders(cityMilestones), target?.WorkshopsFactoriesLeaders),
            });
        }

        return progress;
    }
}
