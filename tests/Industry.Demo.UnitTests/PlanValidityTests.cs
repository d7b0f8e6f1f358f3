using System.Text.RegularExpressions;
using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.UnitTests;

/// <summary>Every record the plan sends passes the services' rules (so the load never fails on its own data) and looks like the province.</summary>
public sealed partial class PlanValidityTests
{
    [Fact]
    public void Build_IsDeterministic()
    {
        var first = DemoPlanBuilder.Build(DemoScale.Tenth);
        var second = DemoPlanBuilder.Build(DemoScale.Tenth);

        Assert.Equal(first.Enterprises, second.Enterprises);
        Assert.Equal(first.Qualifications, second.Qualifications);
        Assert.Equal(first.Parks, second.Parks);
        Assert.Equal(first.Projects.Select(Fingerprint), second.Projects.Select(Fingerprint));
        Assert.Equal(first.Clusters.Select(Fingerprint), second.Clusters.Select(Fingerprint));
        Assert.Equal(first.Transformations.Select(t => (t.ParkId, t.Uscc, string.Join(",", t.Steps))), second.Transformations.Select(t => (t.ParkId, t.Uscc, string.Join(",", t.Steps))));
        Assert.Equal(first.Targets.CityDigital, second.Targets.CityDigital);

        static string Fingerprint(object record) => record switch
        {
            DemoProject p => (p with { Transitions = [], Reports = [] }) + string.Join(",", p.Transitions) + string.Join(",", p.Reports),
            DemoCluster c => (c with { ChainLeaders = [], Recognitions = [], Members = [] }) + string.Join(",", c.ChainLeaders) + string.Join(",", c.Recognitions) + string.Join(",", c.Members),
            _ => record.ToString()!,
        };
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void Enterprises_AreValidAndUnique(string scale)
    {
        var enterprises = Plans.Of(scale).Enterprises;

        Assert.All(enterprises, e =>
        {
            Assert.Null(Uscc.Problem(e.Uscc));
            Assert.Equal(e.CountyCode, e.Uscc[2..8]);
            Assert.True(Divisions.IsCounty(e.CountyCode));
            Assert.Null(Gbt4754.Problem(e.Gbt4754Class));
            Assert.True(Gbt4754.BelongsTo(e.Gbt4754Class, Industries.Find(e.Industry)!), $"{e.Gbt4754Class} in {e.Industry}");
            Assert.EndsWith("公司", e.DisplayName, StringComparison.Ordinal);
            Assert.InRange(e.AboveSizeYear, 2000, 2024);
        });
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.Uscc).Distinct().Count());
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.DisplayName).Distinct().Count());
        Assert.Equal(16, enterprises.Select(e => Divisions.CityOf(e.CountyCode)!.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void Qualifications_FollowTheLadder(string scale)
    {
        var plan = Plans.Of(scale);
        var enterprises = plan.Enterprises.Select(e => e.Uscc).ToHashSet();
        var held = plan.Qualifications.ToDictionary(q => (q.Uscc, q.Type), q => q.Year); // throws on a type held twice

        Assert.All(plan.Qualifications, q => Assert.Contains(q.Uscc, enterprises));
        Assert.All(plan.Qualifications.Where(q => q.Type == QualificationType.LittleGiant), q =>
            Assert.True(held.TryGetValue((q.Uscc, QualificationType.SpecializedSme), out var year) && year <= q.Year));
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void Clusters_AreValid(string scale)
    {
        var plan = Plans.Of(scale);
        var enterprises = plan.Enterprises.Select(e => e.Uscc).ToHashSet();
        var parks = plan.Parks.Select(p => p.Id).ToHashSet();

        Assert.All(plan.Clusters, c =>
        {
            Assert.Matches(ResourceId(), c.Id);
            Assert.True(c.Kind == ClusterKind.SmeCharacteristic ? Divisions.IsCounty(c.LeadDivisionCode) : Divisions.IsCity(c.LeadDivisionCode));
            Assert.NotNull(Industries.Find(c.Industry["industries/".Length..]));
            Assert.All(c.Members, m => Assert.Contains(m.Uscc, enterprises));
            Assert.All(c.ChainLeaders, l => Assert.Contains(l["enterprises/".Length..], c.Members.Select(m => m.Uscc)));
            Assert.True(c.HostParkId is null || parks.Contains(c.HostParkId));
            // A first recognition, then at most an upgrade to NATIONAL, in a later year.
            Assert.True(c.Recognitions.Count <= 2);
            if (c.Recognitions.Count == 2)
            {
                Assert.Equal((ClusterLevel.Provincial, ClusterLevel.National), (c.Recognitions[0].Level, c.Recognitions[1].Level));
                Assert.True(c.Recognitions[1].Year > c.Recognitions[0].Year || c.Kind == ClusterKind.AdvancedManufacturing);
            }

            Assert.True(c.RevocationReason is null || c.Recognitions.Count > 0);
        });
        Assert.Equal(plan.Clusters.Count, plan.Clusters.Select(c => c.Id).Distinct().Count());
        Assert.Equal(plan.Clusters.Count, plan.Clusters.Select(c => c.DisplayName).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void ParksAndTransformations_AreValid(string scale)
    {
        var plan = Plans.Of(scale);
        var parks = plan.Parks.ToDictionary(p => p.Id);
        var enterprises = plan.Enterprises.ToDictionary(e => e.Uscc);
        var digital = plan.Projects.Where(p => p.DigitalTransformation && p.ParkId is not null && p.ActualCompletion is not null).Select(p => p.EnterpriseUscc).ToList();

        Assert.All(plan.Parks, p =>
        {
            Assert.Matches(ResourceId(), p.Id);
            Assert.True(Divisions.IsCounty(p.CountyCode));
            Assert.Equal(p.Outcome is ParkOutcome.Certified or ParkOutcome.CertifiedThenRevoked, p.CertificationYear > 0);
            Assert.Equal(p.Outcome is ParkOutcome.Certified or ParkOutcome.CertifiedThenRevoked, p.CertificationBatch is 1 or 2);
            Assert.Equal(p.Outcome == ParkOutcome.Rejected ? p.AboveSizeEnterpriseCount : plan.Enterprises.Count(e => e.ParkId == p.Id), p.AboveSizeEnterpriseCount);
        });
        Assert.Equal(plan.Parks.Count, plan.Parks.Select(p => p.DisplayName).Distinct().Count());
        Assert.All(plan.Transformations, t =>
        {
            Assert.Equal(t.ParkId, enterprises[t.Uscc].ParkId);
            Assert.NotEqual(ParkOutcome.Rejected, parks[t.ParkId].Outcome);
            Assert.DoesNotContain(t.Uscc, digital);
            Assert.Equal(t.Steps.OrderBy(s => s.Level), t.Steps);
            Assert.Equal(t.Steps.Count, t.Steps.Select(s => s.Level).Distinct().Count());
            Assert.Equal(t.Steps.OrderBy(s => s.Year), t.Steps);
            Assert.All(t.Steps, s => Assert.InRange(s.Year, enterprises[t.Uscc].AboveSizeYear, 2024));
        });
        Assert.Equal(plan.Transformations.Count, plan.Transformations.Select(t => (t.ParkId, t.Uscc)).Distinct().Count());
        Assert.Equal(digital.Count, digital.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void Projects_AreValid(string scale)
    {
        var plan = Plans.Of(scale);
        var clusters = plan.Clusters.Select(c => c.Id).ToHashSet();
        var parks = plan.Parks.Select(p => p.Id).ToHashSet();
        var allowed = new Dictionary<ProjectState, ProjectState[]>
        {
            [ProjectState.Reserve] = [ProjectState.UnderConstruction, ProjectState.Cancelled],
            [ProjectState.UnderConstruction] = [ProjectState.Completed, ProjectState.Suspended],
            [ProjectState.Suspended] = [ProjectState.UnderConstruction],
            [ProjectState.Completed] = [ProjectState.InProduction],
        };

        Assert.All(plan.Projects, p =>
        {
            Assert.Matches(ProjectCode(), p.ProjectCode);
            Assert.NotNull(Divisions.Find(p.ProjectCode[5..11]));
            Assert.Matches(ResourceId(), p.Name["projects/".Length..]);
            Assert.Null(Uscc.Problem(p.EnterpriseUscc));
            Assert.True(Gbt4754.BelongsTo(p.Gbt4754Class, Industries.Find(p.Industry)!));
            Assert.InRange(p.EquipmentInvestmentYuan, 0, p.TotalInvestmentYuan);
            Assert.True(p.PlannedCompletion >= p.PlannedStart);
            Assert.True(p.ClusterId is null || clusters.Contains(p.ClusterId));
            Assert.True(p.ParkId is null || parks.Contains(p.ParkId));

            var state = ProjectState.Reserve;
            var date = DateOnly.MinValue;
            foreach (var t in p.Transitions)
            {
                Assert.Contains(t.State, allowed[state]);
                Assert.True(t.Date >= date && t.Date <= new DateOnly(2024, 12, 31));
                (state, date) = (t.State, t.Date);
            }

            // Reports: once started, one per month at most, never before the start, never above the total.
            Assert.True(p.Reports.Count == 0 || p.ActualStart is not null);
            Assert.Equal(p.Reports.Count, p.Reports.Select(r => r.Period).Distinct().Count());
            Assert.All(p.Reports, r => Assert.True(string.CompareOrdinal(r.Period, $"{p.ActualStart:yyyy-MM}") >= 0 && string.CompareOrdinal(r.Period, "2024-12") <= 0 && r.Yuan >= 0));
            Assert.InRange(p.Reports.Sum(r => r.Yuan), 0, p.TotalInvestmentYuan);
        });
        Assert.Equal(plan.Projects.Count, plan.Projects.Select(p => p.ProjectCode).Distinct().Count());
    }

    [Fact]
    public void KeyProjects_AreMostlyJustAbove100Million_AboutOneInTenAbove1Billion()
    {
        var key = Plans.Full.Projects.Where(p => p.IsKey).Select(p => p.TotalInvestmentYuan).Order().ToList();

        Assert.InRange(key[key.Count / 2], 100_000_000, 250_000_000);
        Assert.InRange(key.Count(t => t >= 1_000_000_000) / (double)key.Count, 0.07, 0.13);
    }

    [GeneratedRegex(@"^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex ResourceId();

    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]
    private static partial Regex ProjectCode();
}
