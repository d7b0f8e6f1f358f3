using MassTransit;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// The retry policies of every consumer endpoint (ADR 0011, 0020): an outage of the service's database is waited out
/// for <see cref="RabbitMqOptions.DatabaseOutageToleranceSeconds"/> with the message held unacknowledged (the
/// concurrency limit then stops the endpoint taking more), any other transient fault gets the short retries, an
/// invalid event none; whatever is left goes to the queue's <c>_error</c> queue.
/// </summary>
internal static class ConsumerRetries
{
    public static void UseConsumerRetries(this IReceiveEndpointConfigurator endpoint, RabbitMqOptions options)
    {
        // The outer filter: the short policy below ignores an outage, which therefore reaches this one.
        endpoint.UseMessageRetry(r =>
        {
            r.Intervals(options.DatabaseOutageRetryIntervals);
            r.Handle<Exception>(TransientDatabaseFailure.Is);
        });
        endpoint.UseMessageRetry(r =>
        {
            r.Intervals(options.EffectiveRetryIntervals);
            r.Ignore<InvalidEventException>();
            r.Ignore<Exception>(TransientDatabaseFailure.Is);
        });
    }
}
