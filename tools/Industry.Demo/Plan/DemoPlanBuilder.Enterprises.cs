using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>规上工业企业: the above-size enterprises by the year they entered the statistics, and a few that left them.</summary>
public sealed partial class DemoPlanBuilder
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private readonly HashSet<string> _usccs = new(StringComparer.Ordinal);

    private void AddEnterprises(Random random)
    {
        var v = _volumes;
        // Above size at the end of 2023 (C5) = those of 2023 (C6) + 2022 + the earlier ones still above size.
        var earlier = v.AboveSizeEnd2023 - v.NewAboveSize[2023] - v.NewAboveSize[2022];
        // Years 2000-2021, more of them recent: the statistics have grown.
        var earlierYears = Enumerable.Range(2000, 22).ToList();
        for (var i = 0; i < earlier; i++)
        {
            AddEnterprise(random, Weighted(random, earlierYears, y => y - 1995), aboveSize: true);
        }

        for (var i = 0; i < v.LeftAboveSize; i++)
        {
            AddEnterprise(random, random.Next(2008, 2021), aboveSize: false);
        }

        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            for (var i = 0; i < v.NewAboveSize[year]; i++)
            {
                AddEnterprise(random, year, aboveSize: true);
            }
        }
    }

    /// <summary>
    /// 退规: the leavers (entered 2008–2020) left one to three years after they entered, by 2021 at the latest, so every
    /// figure of 2022 and 2023 is as before they had exit years; derived from the entry year, not drawn, so that the rest
    /// of the seeded plan is unchanged.
    /// </summary>
    private static int ExitYearOf(int aboveSizeYear) => Math.Min(aboveSizeYear + 1 + (aboveSizeYear % 3), 2021);

    private void AddEnterprise(Random random, int aboveSizeYear, bool aboveSize)
    {
        var county = RandomCounty(random);
        var city = Divisions.CityOf(county.Code)!;
        var industry = Weighted(random, IndustryWords.All, i => i.Weight);
        string name;
        do
        {
            name = FirmNames.Short(city.Name) + FirmNames.Brand(random) + Pick(random, industry.Trades) + FirmNames.Suffix(random);
        }
        while (!_names.Add(name));

        var uscc = NewUscc(random, county.Code, aboveSizeYear);
        _enterpriseIndex[uscc] = _enterprises.Count;
        _enterprises.Add(new DemoEnterprise(uscc, name, county.Code, Pick(random, industry.Classes), industry.Code, aboveSize, aboveSizeYear, ParkId: null, aboveSize ? 0 : ExitYearOf(aboveSizeYear)));
    }

    /// <summary>
    /// A valid, unique USCC: 9 (registered by the market regulator) 1 (a company), the county's code, a 9-character
    /// organisation code (<c>MA…</c> for firms registered since 2015, digits for older ones), and the check character.
    /// </summary>
    private string NewUscc(Random random, string countyCode, int aboveSizeYear)
    {
        while (true)
        {
            var organisation = aboveSizeYear >= 2018
                ? "MA" + string.Concat(Enumerable.Range(0, 7).Select(_ => UsccAlphabet[random.Next(UsccAlphabet.Length)]))
                : string.Concat(Enumerable.Range(0, 9).Select(_ => UsccAlphabet[random.Next(10)]));
            var first17 = "91" + countyCode + organisation;
            var uscc = first17 + Uscc.CheckCharacter(first17);
            if (_usccs.Add(uscc))
            {
                return uscc;
            }
        }
    }
}
