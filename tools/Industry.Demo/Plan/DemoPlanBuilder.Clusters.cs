using System.Globalization;
using Industry.Clusters.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>产业集群: advanced-manufacturing clusters led by a city, SME characteristic clusters led by a county.</summary>
public sealed partial class DemoPlanBuilder
{
    public const string SpeechValleyId = "china-speech-valley";

    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clusterNames = new(StringComparer.Ordinal);

    private void AddClusters(Random random)
    {
        var v = _volumes;
        AddSpeechValley(random);

        // Advanced-manufacturing clusters: first recognised at PROVINCIAL level by year, a few cultivating.
        var advanced = new List<(int Year, List<DemoRecognition> Recognitions)>();
        foreach (var (year, count) in v.AdvancedClusters.OrderBy(a => a.Key))
        {
            var cohort = year == 2021 ? count - 1 : count; // the speech valley is one of 2021's
            advanced.AddRange(Enumerable.Range(0, cohort).Select(_ => (year, new List<DemoRecognition> { new(ClusterLevel.Provincial, year) })));
        }

        advanced[0].Recognitions.Add(new DemoRecognition(ClusterLevel.National, 2023));
        advanced.AddRange(Enumerable.Range(0, v.CultivatingAdvancedClusters).Select(_ => (DemoVolumes.LastYear, new List<DemoRecognition>())));
        foreach (var (year, recognitions) in advanced)
        {
            AddCluster(random, ClusterKind.AdvancedManufacturing, year, recognitions, revocation: null);
        }

        // SME characteristic clusters: PROVINCIAL cohorts by year; upgrades to NATIONAL from earlier cohorts only, so that
        // no cluster counts twice in one year; one 2021 cluster revoked at its review.
        var sme = new List<(int Year, List<DemoRecognition> Recognitions)>();
        foreach (var (year, count) in v.ProvincialSmeClusters.OrderBy(p => p.Key))
        {
            sme.AddRange(Enumerable.Range(0, count).Select(_ => (year, new List<DemoRecognition> { new(ClusterLevel.Provincial, year) })));
        }

        foreach (var (year, count) in v.NationalSmeClusters.OrderBy(n => n.Key))
        {
            var candidates = sme.Where(c => c.Year < year && c.Recognitions.Count == 1).ToList();
            for (var i = 0; i < count; i++)
            {
                var upgraded = candidates[random.Next(candidates.Count)];
                candidates.Remove(upgraded);
                upgraded.Recognitions.Add(new DemoRecognition(ClusterLevel.National, year));
            }
        }

        var revoked = sme.FirstOrDefault(c => c.Year == 2021 && c.Recognitions.Count == 1);
        sme.AddRange(Enumerable.Range(0, v.CultivatingSmeClusters).Select(_ => (DemoVolumes.LastYear, new List<DemoRecognition>())));
        foreach (var cluster in sme)
        {
            AddCluster(random, ClusterKind.SmeCharacteristic, cluster.Year, cluster.Recognitions,
                ReferenceEquals(cluster.Recognitions, revoked.Recognitions) ? "2024年复核未达到认定条件,撤销认定。" : null);
        }
    }

    /// <summary>中国声谷 (China Speech Valley): Hefei's intelligent-speech cluster, national since 2022, whose revenue the report gives (C13).</summary>
    private void AddSpeechValley(Random random)
    {
        const string hefei = "340100";
        var members = Candidates(hefei, "IT", city: true).Take(_scale.Of(20)).ToList();
        var leaders = members.Take(2).Select(e => e.Uscc).ToList();
        _clusters.Add(new DemoCluster(
            SpeechValleyId, "中国声谷", ClusterKind.AdvancedManufacturing, Industries.NameOf("IT"), hefei,
            "合肥高新技术产业开发区", null, [.. leaders.Select(u => "enterprises/" + u)],
            "以智能语音和人工智能为特色的国家级先进制造业集群(示例数据)。",
            [new(ClusterLevel.Provincial, 2021), new(ClusterLevel.National, 2022)], null,
            [.. members.Select(e => new DemoMember(e.Uscc, random.Next(2018, 2022)))]));
        _qualifications.AddRange(leaders.Select(u => new DemoQualification(u, QualificationType.ChainLeader, 2021)));

        // C13: revenue above ¥250bn in 2023 with 2,200 enterprises in the valley, against about ¥200bn in 2022.
        _revenue.Add(new DemoRevenueReport(SpeechValleyId, "2022-12", 200_000_000_000, 2_000, "全年营业收入(入园企业)"));
        _revenue.Add(new DemoRevenueReport(SpeechValleyId, "2023-12", (long)(ReportFigures.Get("C13").Value * 100_000_000), 2_200, "全年营业收入(入园企业)"));
    }

    private void AddCluster(Random random, ClusterKind kind, int year, List<DemoRecognition> recognitions, string? revocation)
    {
        var advanced = kind == ClusterKind.AdvancedManufacturing;
        DemoEnterprise seed;
        string lead, name;
        IndustryWords industry;
        do
        {
            // The cluster grows where its industry is: lead division and industry of a random above-size enterprise.
            seed = _enterprises[random.Next(_enterprises.Count)];
            var county = Divisions.Find(seed.CountyCode)!;
            var city = Divisions.CityOf(county.Code)!;
            industry = IndustryWords.All.Single(w => w.Code == seed.Industry);
            lead = advanced ? city.Code : county.Code;
            name = advanced
                ? $"{city.Name}{Pick(random, industry.Clusters)}先进制造业集群"
                : $"{FirmNames.Place(county)}{Pick(random, industry.Clusters)}特色产业集群";
        }
        while (!_clusterNames.Add(name));

        var id = string.Create(CultureInfo.InvariantCulture, $"{(advanced ? "amc" : "sme")}-{lead}-{_clusters.Count(c => c.LeadDivisionCode == lead) + 1}");
        var members = Candidates(lead, industry.Code, advanced).Take(_scale.Of(advanced ? 20 : 10) + random.Next(0, 5)).ToList();
        var firstYear = recognitions.Count > 0 ? recognitions[0].Year : year;
        var leaders = advanced ? members.Where(m => m.AboveSize && m.AboveSizeYear <= 2018).Take(1 + random.Next(2)).Select(m => m.Uscc).ToList() : [];
        _qualifications.AddRange(leaders.Select(u => new DemoQualification(u, QualificationType.ChainLeader, firstYear)));

        var park = _parks.FirstOrDefault(p => p.Outcome != ParkOutcome.Rejected
            && (advanced ? Divisions.CityOf(p.CountyCode)!.Code == lead : p.CountyCode == lead));
        var leadDivision = Divisions.Find(lead)!;
        var hostName = park?.DisplayName ?? (advanced ? $"{FirmNames.Short(leadDivision.Name)}经济技术开发区" : $"{FirmNames.Place(leadDivision)}经济开发区");
        var product = Pick(random, industry.Products);
        var description = advanced
            ? $"以{product}为主导,链主企业带动上下游配套的先进制造业集群。"
            : $"以{product}为特色,中小企业专业化协作配套的特色产业集群。";
        _clusters.Add(new DemoCluster(
            id, name, kind, Industries.NameOf(industry.Code), lead, hostName, park?.Id,
            [.. leaders.Select(u => "enterprises/" + u)], description, recognitions, revocation,
            [.. members.Select(m => new DemoMember(m.Uscc, Math.Max(m.AboveSize ? m.AboveSizeYear : 2015, firstYear - random.Next(0, 3))))]));
    }

    /// <summary>Enterprises of an industry in a county (or city) not yet in a cluster, taken for the next cluster.</summary>
    private IEnumerable<DemoEnterprise> Candidates(string division, string industry, bool city)
    {
        foreach (var e in _enterprises)
        {
            if (e.Industry == industry && (city ? Divisions.CityOf(e.CountyCode)!.Code == division : e.CountyCode == division) && _members.Add(e.Uscc))
            {
                yield return e;
            }
        }
    }
}
