using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 17, hole 4, as an external consumer sees it (docs/events.md): a revenue report deleted and reported again, and
/// then taken along by a forced delete of its cluster, arrives as one event per change with subject versions that keep
/// rising, so the version rule (skip what is not above the last applied) never skips the re-report and ends at the
/// deletion.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RevenueReportVersionsTests(SuiteFixture fixture) : IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _cluster = TestTokens.Channel(fixture.Suite.Cluster.GrpcAddress);

    private ClusterService.ClusterServiceClient Clusters => new(_cluster);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task ReportDeleteReportAgainThenForcedClusterDelete_ReachesAnExternalQueueWithRisingVersions()
    {
        await using var subscription = await EventSubscription.BindAsync(
            fixture.Suite.Infrastructure.RabbitMqUri,
            "industry.clusters.v1.cluster-revenue-reported",
            "industry.clusters.v1.cluster-revenue-report-deleted",
            "industry.clusters.v1.cluster-deleted");
        var cluster = await Clusters.CreateClusterAsync(
            new CreateClusterRequest { Cluster = new() { DisplayName = "版本延续集群", Kind = ClusterKind.AdvancedManufacturing, Industry = "industries/IT", LeadDivisionCode = "340104" } },
            Options);
        var first = await Clusters.ReportClusterRevenueAsync(new ReportClusterRevenueRequest { Parent = cluster.Name, Period = "2024-01", YearToDateRevenueYuan = 1_000 }, Options);
        await Clusters.DeleteRevenueReportAsync(new DeleteRevenueReportRequest { Name = first.Name, Etag = first.Etag }, Options);
        await Clusters.ReportClusterRevenueAsync(new ReportClusterRevenueRequest { Parent = cluster.Name, Period = "2024-01", YearToDateRevenueYuan = 1_100 }, Options);

        await Clusters.DeleteClusterAsync(new DeleteClusterRequest { Name = cluster.Name, Force = true }, Options);

        var events = await WaitForEventsAboutAsync(subscription, cluster.Name, count: 5);
        Assert.Equal(
            [
                ("industry.clusters.v1.ClusterRevenueReported", 1L), ("industry.clusters.v1.ClusterRevenueReportDeleted", 2L),
                ("industry.clusters.v1.ClusterRevenueReported", 3L), ("industry.clusters.v1.ClusterRevenueReportDeleted", 4L),
            ],
            events.Where(e => e.Subject == first.Name).Select(e => (e.Type, e.Version)).OrderBy(e => e.Version));
        Assert.Equal([("industry.clusters.v1.ClusterDeleted", 2L)], events.Where(e => e.Subject == cluster.Name).Select(e => (e.Type, e.Version)));
    }

    public void Dispose() => _cluster.Dispose();

    /// <summary>
    /// The first <paramref name="count"/> events whose subject is <paramref name="cluster"/> or below it: the broker is
    /// shared with other tests, so the queue also receives events of theirs.
    /// </summary>
    private static async Task<List<(string Type, string Subject, long Version)>> WaitForEventsAboutAsync(EventSubscription subscription, string cluster, int count)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        for (var received = 1; ; received++)
        {
            var remaining = deadline - DateTime.UtcNow;
            try
            {
                await subscription.WaitForAsync(received, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Fewer than {count} events about {cluster} arrived within {EventTimeout}: {string.Join(", ", Decode(subscription))}.");
            }

            var ours = Decode(subscription).Where(e => e.Subject == cluster || e.Subject.StartsWith(cluster + "/", StringComparison.Ordinal)).ToList();
            if (ours.Count >= count)
            {
                return ours;
            }
        }
    }

    /// <summary>Type, subject and version of every delivery, read from the proto3 JSON body as docs/events.md describes it.</summary>
    private static IEnumerable<(string Type, string Subject, long Version)> Decode(EventSubscription subscription) =>
        subscription.Received.Select(delivery =>
        {
            using var body = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            var metadata = body.RootElement.GetProperty("metadata");
            return (
                "industry.clusters.v1." + ExchangeToMessage(delivery.Exchange),
                metadata.GetProperty("subject").GetString() ?? string.Empty,
                long.Parse(metadata.GetProperty("subjectVersion").GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary><c>industry.clusters.v1.cluster-revenue-report-deleted</c> → <c>ClusterRevenueReportDeleted</c>.</summary>
    private static string ExchangeToMessage(string exchange) =>
        string.Concat(exchange[(exchange.LastIndexOf('.') + 1)..].Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
