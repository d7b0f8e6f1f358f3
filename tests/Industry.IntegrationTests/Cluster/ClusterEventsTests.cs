using System.Text;
using Google.Protobuf;
using Industry.TestInfrastructure;
using RabbitMQ.Client.Events;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>The cluster events leave through the outbox and reach a plain subscriber of their documented exchange.</summary>
public sealed class ClusterEventsTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private const string Exchange = "industry.clusters.v1.cluster-recognized";
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task RecognizeCluster_Upgrade_PublishesClusterRecognizedWithTheStateBefore()
    {
        await using var subscription = await EventSubscription.BindAsync(service.Infrastructure.RabbitMqUri, Exchange);
        var provincial = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, 2022);

        var national = await Client.RecognizeAsync(provincial, Proto.ClusterLevel.National, 2023);

        var @event = await WaitForEventAsync(subscription, national);
        Assert.Equal((Proto.ClusterState.Recognized, Proto.ClusterLevel.Provincial), (@event.PreviousState, @event.PreviousLevel));
        Assert.Equal((national.Name, 3L, "industry.clusters.v1.ClusterRecognized"), (@event.Metadata.Subject, @event.Metadata.SubjectVersion, @event.Metadata.EventType));
    }

    /// <summary>The event that carries exactly <paramref name="cluster"/>: other tests' events arrive on the same exchange.</summary>
    private static async Task<Proto.ClusterRecognized> WaitForEventAsync(EventSubscription subscription, Proto.Cluster cluster)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        for (var count = 1; ; count++)
        {
            var remaining = deadline - DateTime.UtcNow;
            var received = await subscription.WaitForAsync(count, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (received.Select(Parse).FirstOrDefault(e => cluster.Equals(e.Cluster)) is { } match)
            {
                return match;
            }
        }
    }

    private static Proto.ClusterRecognized Parse(BasicDeliverEventArgs delivery) =>
        Parser.Parse<Proto.ClusterRecognized>(Encoding.UTF8.GetString(delivery.Body.Span));
}
