using System.Globalization;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo;

/// <summary>After a load: each figure of the report next to what the API answers for it (docs/demo.md lists the calls).</summary>
internal static class DemoSummary
{
    public static async Task PrintAsync(GrpcChannel channel, CancellationToken ct)
    {
        var clusters = new ClusterService.ClusterServiceClient(channel);
        var projects = new ProjectService.ProjectServiceClient(channel);
        var parks = new ParkService.ParkServiceClient(channel);
        var c23 = await clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2023 }, cancellationToken: ct);
        var c24 = await clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2024 }, cancellationToken: ct);
        var p23 = await projects.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2023, ThroughMonth = 10 }, cancellationToken: ct);
        var p24 = await projects.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2024 }, cancellationToken: ct);
        var d23 = await parks.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = 2023 }, cancellationToken: ct);
        var d24 = await parks.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = 2024 }, cancellationToken: ct);
        var speech = await clusters.GetRevenueReportAsync(
            new GetRevenueReportRequest { Name = $"clusters/{DemoPlanBuilder.SpeechValleyId}/revenueReports/2023-12" }, cancellationToken: ct);

        var rows = new (string Id, string Answer)[]
        {
            ("P1", $"{p24.KeyProjectsUnderImplementation.Target} (actual {p24.KeyProjectsUnderImplementation.Actual})"),
            ("P2", p23.HasInvestmentGrowthPercent ? p23.InvestmentGrowthPercent.ToString("F1", CultureInfo.InvariantCulture) : "-"),
            ("C1", $"{c23.ProvincialSmeClusters.Actual}"),
            ("C2", $"{c23.NationalSmeClusters.Actual}"),
            ("C3", $"{c24.AdvancedManufacturingClusters.Target} (actual {c24.AdvancedManufacturingClusters.Actual})"),
            ("C4", $"{c24.ProvincialSmeClusters.Target} (actual {c24.ProvincialSmeClusters.Actual})"),
            ("C5", $"{c23.AboveSizeEnterprisesTotal}"),
            ("C6", $"{c23.NewAboveSizeEnterprises.Actual}"),
            ("C7", $"{c23.SpecializedSmes.Actual}"),
            ("C8", $"{c23.LittleGiants.Actual}"),
            ("C9", $"{c23.InnovativeSmes.Actual}"),
            ("C10", $"{c24.InnovativeSmes.Target} (actual {c24.InnovativeSmes.Actual})"),
            ("C11", $"{c24.SpecializedSmes.Target} (actual {c24.SpecializedSmes.Actual})"),
            ("C12", $"{c24.NewAboveSizeEnterprises.Target} (actual {c24.NewAboveSizeEnterprises.Actual})"),
            ("C13", (speech.YearToDateRevenueYuan / 100_000_000).ToString(CultureInfo.InvariantCulture)),
            ("D1", $"{d23.ParksCertified.Actual}"),
            ("D2", $"{d24.ParksCertified.Target} (actual {d24.ParksCertified.Actual})"),
            ("D3", $"{d23.EnterprisesTransformed.Actual}"),
            ("D4", $"{d24.EnterprisesTransformed.Target} (actual {d24.EnterprisesTransformed.Actual})"),
            ("D5", $"{d24.WorkshopsFactoriesLeaders.Target} (actual {d24.WorkshopsFactoriesLeaders.Actual})"),
        };
        Console.WriteLine();
        Console.WriteLine($"{"id",-4} {"report",10}  {"API",-24} metric");
        foreach (var (id, answer) in rows)
        {
            var figure = ReportFigures.Get(id);
            Console.WriteLine($"{id,-4} {figure.Value,10:0.#}  {answer,-24} {figure.Metric} ({figure.Period}, {figure.Kind})");
        }
    }
}
