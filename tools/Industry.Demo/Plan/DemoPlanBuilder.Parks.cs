using System.Globalization;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>数字化转型示范园区: the parks, their certification by year and batch, and the enterprises in each.</summary>
public sealed partial class DemoPlanBuilder
{
    /// <summary>Share of a park county's above-size enterprises that sit in the park.</summary>
    private const double InParkShare = 0.9;

    private void AddParks(Random random)
    {
        var v = _volumes;
        var outcomes = new List<(ParkOutcome Outcome, int Year, int Batch)>();
        foreach (var (year, count) in v.ParksCertified.OrderBy(p => p.Key))
        {
            // Two batches a year: the first a little larger.
            var firstBatch = (count + 1) / 2;
            outcomes.AddRange(Enumerable.Range(0, count).Select(i => (ParkOutcome.Certified, year, i < firstBatch ? 1 : 2)));
        }

        // One park of the first year's certifications has since lost it (its certification still counts for that year).
        outcomes[0] = (ParkOutcome.CertifiedThenRevoked, outcomes[0].Year, outcomes[0].Batch);
        outcomes.AddRange(Enumerable.Repeat((ParkOutcome.UnderReview, 0, 0), v.ParksUnderReview));
        outcomes.AddRange(Enumerable.Repeat((ParkOutcome.Applied, 0, 0), v.ParksApplied));
        outcomes.AddRange(Enumerable.Repeat((ParkOutcome.Rejected, 0, 0), v.ParksRejected));

        // One park per county, the counties drawn by their cities' weights.
        var counties = Divisions.Counties.ToList();
        var nationalZones = new HashSet<string>(StringComparer.Ordinal);
        var enterprisesByCounty = _enterprises.Where(e => e.AboveSize).GroupBy(e => e.CountyCode).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < outcomes.Count; i++)
        {
            var county = Weighted(random, counties, c => CityWeights[c.ParentCode!] / CountiesOf(c.ParentCode!).Count);
            counties.Remove(county);
            var city = Divisions.CityOf(county.Code)!;
            var industry = Weighted(random, IndustryWords.All, w => w.Weight);
            var (type, name) = ParkName(random, county, city, industry, nationalZones);
            var id = string.Create(CultureInfo.InvariantCulture, $"park-{county.Code}");
            var (outcome, year, batch) = outcomes[i];
            var inPark = 0;
            if (outcome != ParkOutcome.Rejected)
            {
                foreach (var enterprise in enterprisesByCounty.GetValueOrDefault(county.Code) ?? [])
                {
                    if (random.NextDouble() < InParkShare)
                    {
                        _enterprises[_enterpriseIndex[enterprise.Uscc]] = enterprise with { ParkId = id };
                        inPark++;
                    }
                }
            }
            else
            {
                inPark = random.Next(40, 150);
            }

            var description = $"以{Pick(random, industry.Clusters)}为主导产业,推进规上工业企业数字化改造全覆盖,打造“一区一业一样板”。";
            _parks.Add(new DemoPark(id, name, county.Code, type, Industries.NameOf(industry.Code), inPark, description, outcome, year, batch));
        }
    }

    /// <summary>A plausible zone name from the real county name: at most one national zone of each kind per city.</summary>
    private static (ParkType Type, string Name) ParkName(Random random, Division county, Division city, IndustryWords industry, HashSet<string> nationalZones)
    {
        var cityShort = FirmNames.Short(city.Name);
        var place = FirmNames.Place(county);
        var roll = random.NextDouble();
        if (roll < 0.15 && nationalZones.Add("ETDZ" + city.Code))
        {
            return (ParkType.NationalDevelopmentZone, $"{cityShort}经济技术开发区");
        }

        if (roll < 0.25 && nationalZones.Add("HTZ" + city.Code))
        {
            return (ParkType.NationalHighTechZone, $"{cityShort}高新技术产业开发区");
        }

        return roll switch
        {
            < 0.75 => (ParkType.ProvincialDevelopmentZone, $"{(county.Name.EndsWith('区') ? string.Empty : "安徽")}{place}经济开发区"),
            < 0.88 => (ParkType.ProvincialHighTechZone, $"{place}高新技术产业开发区"),
            _ => (ParkType.Other, $"{place}{Pick(random, industry.Clusters)}产业园"),
        };
    }
}
