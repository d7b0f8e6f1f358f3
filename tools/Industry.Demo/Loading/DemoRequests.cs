using System.Security.Cryptography;
using System.Text;
using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.Demo.Loading;

/// <summary>The plan's records as the API's requests (the only place that knows both).</summary>
internal static class DemoRequests
{
    public static CreateEnterpriseRequest Create(DemoEnterprise e) => new()
    {
        Enterprise = new Enterprise
        {
            Uscc = e.Uscc,
            DisplayName = e.DisplayName,
            CountyCode = e.CountyCode,
            Gbt4754Class = e.Gbt4754Class,
            Industry = "industries/" + e.Industry,
            AboveSize = e.AboveSize,
            AboveSizeYear = e.AboveSizeYear,
            AboveSizeExitYear = e.AboveSizeExitYear,
        },
    };

    public static GrantQualificationRequest Grant(DemoQualification q) => new() { Name = "enterprises/" + q.Uscc, Type = q.Type, Year = q.Year };

    public static CreateClusterRequest Create(DemoCluster c) => new()
    {
        ClusterId = c.Id,
        Cluster = new Cluster
        {
            DisplayName = c.DisplayName,
            Kind = c.Kind,
            Industry = c.Industry,
            LeadDivisionCode = c.LeadDivisionCode,
            HostParkDisplayName = c.HostParkDisplayName,
            HostPark = c.HostParkId is null ? string.Empty : "parks/" + c.HostParkId,
            ChainLeaders = { c.ChainLeaders },
            Description = c.Description,
        },
    };

    public static CreateClusterMemberRequest Member(DemoCluster c, DemoMember m) => new()
    {
        Parent = "clusters/" + c.Id,
        ClusterMember = new ClusterMember { Enterprise = "enterprises/" + m.Uscc, JoinYear = m.JoinYear },
    };

    public static ReportClusterRevenueRequest Revenue(DemoRevenueReport r) => new()
    {
        Parent = "clusters/" + r.ClusterId,
        Period = r.Period,
        YearToDateRevenueYuan = r.RevenueYuan,
        EnterpriseCount = r.EnterpriseCount,
        Note = r.Note,
    };

    public static CreateParkRequest Create(DemoPark p) => new()
    {
        ParkId = p.Id,
        Park = new Park
        {
            DisplayName = p.DisplayName,
            CountyCode = p.CountyCode,
            ParkType = p.Type,
            LeadIndustry = p.LeadIndustry,
            AboveSizeEnterpriseCount = p.AboveSizeEnterpriseCount,
            Description = p.Description,
        },
    };

    public static RecordTransformationRequest Record(DemoTransformation t, DemoLevelReached step) => new()
    {
        Parent = "parks/" + t.ParkId,
        EnterpriseUscc = t.Uscc,
        EnterpriseDisplayName = t.EnterpriseDisplayName,
        Level = step.Level,
        Year = step.Year,
        Note = t.Note,
    };

    public static ImportProjectsRequest Row(int rowNumber, DemoProject p) => new()
    {
        RowNumber = rowNumber,
        Project = new Project
        {
            DisplayName = p.DisplayName,
            ProjectCode = p.ProjectCode,
            EnterpriseUscc = p.EnterpriseUscc,
            EnterpriseDisplayName = p.EnterpriseDisplayName,
            CountyCode = p.CountyCode,
            Industry = "industries/" + p.Industry,
            Gbt4754Class = p.Gbt4754Class,
            Nature = p.Nature,
            TotalInvestmentYuan = p.TotalInvestmentYuan,
            EquipmentInvestmentYuan = p.EquipmentInvestmentYuan,
            PlannedStartDate = Date(p.PlannedStart),
            PlannedCompletionDate = Date(p.PlannedCompletion),
            Cluster = p.ClusterId is null ? string.Empty : "clusters/" + p.ClusterId,
            Park = p.ParkId is null ? string.Empty : "parks/" + p.ParkId,
            DigitalTransformation = p.DigitalTransformation,
            Description = p.Description,
            Source = DemoEnterpriseProgrammes.SourceOf(p.ProjectCode),
        },
    };

    /// <summary>C14: the China Speech Valley's revenue target, set on the targets' year once the cluster exists (the other targets are set before).</summary>
    public static UpdateClusterTargetsRequest ClusterRevenueTargets(DemoTargets t) => new()
    {
        ClusterTargets = new Industry.Clusters.V1.ClusterTargets
        {
            Name = $"clusterTargets/{t.Year}",
            ClusterRevenueTargets = { new ClusterRevenueTarget { Cluster = "clusters/" + DemoPlanBuilder.SpeechValleyId, RevenueYuan = DemoEnterpriseProgrammes.SpeechValleyRevenueTargetYuan } },
        },
        UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "cluster_revenue_targets" } },
    };

    public static TransitionProjectRequest Transition(DemoProject p, DemoTransition t) => new()
    {
        Name = p.Name,
        State = t.State,
        Date = Date(t.Date),
        Reason = t.Reason,
    };

    public static ReportInvestmentRequest Report(DemoProject p, DemoInvestment r) => new()
    {
        Parent = p.Name,
        Period = r.Period,
        CompletedInvestmentYuan = r.Yuan,
    };

    /// <summary>
    /// 月度关账 of a month, with a request id of its own that is the same on every run (AIP-155): a retry after a lost
    /// answer, or a second run within the service's retention, gets the first answer instead of PERIOD_ALREADY_CLOSED.
    /// </summary>
    public static ClosePeriodRequest Close(string period) => new()
    {
        Name = "reportingPeriods/" + period,
        RequestId = RequestId("reportingPeriods/" + period + ":close"),
    };

    /// <summary>A UUID4-shaped id derived from <paramref name="what"/> (the version and variant bits set, the rest a hash).</summary>
    internal static string RequestId(string what)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("industry-demo " + what)).AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    public static UpdatePlanRequest Plan(DemoTargets t) => new()
    {
        AllowMissing = true,
        Plan = new Industry.Projects.V1.Plan
        {
            Name = $"plans/{t.Year}",
            TargetKeyProjectsUnderImplementation = t.KeyProjects,
            CityTargets = { t.CityKeyProjects.Select(c => new PlanCityTarget { CityCode = c.CityCode, TargetKeyProjectsUnderImplementation = c.KeyProjects }) },
        },
    };

    public static UpdateClusterTargetsRequest ClusterTargets(DemoTargets t) => new()
    {
        AllowMissing = true,
        ClusterTargets = new Industry.Clusters.V1.ClusterTargets
        {
            Name = $"clusterTargets/{t.Year}",
            AdvancedManufacturingClusters = t.AdvancedManufacturingClusters,
            ProvincialSmeClusters = t.ProvincialSmeClusters,
            InnovativeSmes = t.InnovativeSmes,
            SpecializedSmes = t.SpecializedSmes,
            NewAboveSizeEnterprises = t.NewAboveSizeEnterprises,
            CityTargets =
            {
                t.CityClusters.Select(c => new ClusterCityTarget
                {
                    CityCode = c.CityCode,
                    AdvancedManufacturingClusters = c.AdvancedManufacturingClusters,
                    ProvincialSmeClusters = c.ProvincialSmeClusters,
                    InnovativeSmes = c.InnovativeSmes,
                    SpecializedSmes = c.SpecializedSmes,
                    NewAboveSizeEnterprises = c.NewAboveSizeEnterprises,
                }),
            },
        },
    };

    public static UpdateDigitalTargetsRequest DigitalTargets(DemoTargets t) => new()
    {
        AllowMissing = true,
        DigitalTargets = new Industry.Parks.V1.DigitalTargets
        {
            Name = $"digitalTargets/{t.Year}",
            ParksCertified = t.ParksCertified,
            EnterprisesTransformed = t.EnterprisesTransformed,
            WorkshopsFactoriesLeaders = t.WorkshopsFactoriesLeaders,
            CityTargets =
            {
                t.CityDigital.Select(c => new DigitalCityTarget
                {
                    CityCode = c.CityCode,
                    ParksCertified = c.Parks,
                    EnterprisesTransformed = c.Enterprises,
                    WorkshopsFactoriesLeaders = c.Leaders,
                }),
            },
        },
    };

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
