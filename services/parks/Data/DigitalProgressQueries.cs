using Microsoft.EntityFrameworkCore;

namespace Industry.Parks.Data;

/// <summary>
/// The figures of the programme's progress and of a park's statistics, each one SQL aggregation over indexes: parks
/// and transformations are never loaded into memory, since a year's figures span every record of the province.
/// </summary>
internal static class DigitalProgressQueries
{
    public sealed record CityParks(string CityCode, int NewlyCertified, int CertifiedTotal);

    public sealed record CityMilestones(string CityCode, int Enterprises, int Workshops, int Factories, int Leaders);

    /// <summary>Per city: parks certified in <paramref name="year"/> (revoked since or not), and parks certified by then and still CERTIFIED.</summary>
    public static Task<List<CityParks>> ParksAsync(this ParksDbContext db, int year, CancellationToken cancellationToken) =>
        db.Parks
            .Where(p => p.CertificationYear > 0 && p.CertificationYear <= year)
            .GroupBy(p => p.CityCode)
            .Select(g => new CityParks(
                g.Key,
                g.Count(p => p.CertificationYear == year),
                g.Count(p => p.State == ParkState.Certified)))
            .ToListAsync(cancellationToken);

    /// <summary>Per city: distinct enterprises with a milestone dated <paramref name="year"/>, and the year's milestones at each upper level.</summary>
    public static Task<List<CityMilestones>> MilestonesAsync(this ParksDbContext db, int year, CancellationToken cancellationToken) =>
        db.TransformationMilestones
            .Where(m => m.Year == year)
            .GroupBy(m => m.CityCode)
            .Select(g => new CityMilestones(
                g.Key,
                g.Select(m => m.EnterpriseUscc).Distinct().Count(),
                g.Count(m => m.Level == TransformationLevel.DigitalWorkshop),
                g.Count(m => m.Level == TransformationLevel.SmartFactory),
                g.Count(m => m.Level == TransformationLevel.DigitalLeader)))
            .ToListAsync(cancellationToken);

    /// <summary>Distinct enterprises with a milestone dated <paramref name="year"/> province-wide: one in parks of two cities counts once.</summary>
    public static Task<int> EnterprisesTransformedAsync(this ParksDbContext db, int year, CancellationToken cancellationToken) =>
        db.TransformationMilestones.Where(m => m.Year == year).Select(m => m.EnterpriseUscc).Distinct().CountAsync(cancellationToken);

    /// <summary>A park's records by current level.</summary>
    public static Task<Dictionary<TransformationLevel, int>> LevelsInParkAsync(this ParksDbContext db, string parkId, CancellationToken cancellationToken) =>
        db.Transformations
            .Where(t => t.ParkId == parkId)
            .GroupBy(t => t.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(l => l.Level, l => l.Count, cancellationToken);
}
