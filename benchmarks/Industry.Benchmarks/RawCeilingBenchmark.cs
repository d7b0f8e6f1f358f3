using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Industry.Benchmarks;

/// <summary>What the raw RabbitMQ.Client publisher and consumer achieved.</summary>
internal sealed record RawResult(int Messages, int BodyBytes, double Seconds, double PublishSeconds, LatencySummary Latency, CpuUse Cpu, int ConfirmBatch, int Prefetch)
{
    public double MessagesPerSecond => Messages / Seconds;

    public double PublishesPerSecond => Messages / PublishSeconds;
}

/// <summary>
/// The ceiling: plain RabbitMQ.Client 7, no MassTransit and no database. One connection publishes persistent messages
/// of the typical event's size to a durable fanout exchange with publisher confirms (tracked by the client), a batch
/// of publishes in flight at a time; another consumes the durable queue bound to it with manual acks. The publish
/// timestamp travels in a header; latency is its receipt in the consumer minus that.
/// </summary>
internal static class RawCeilingBenchmark
{
    private const string SentHeader = "x-bench-sent";
    private const string SequenceHeader = "x-bench-seq";

    public static async Task<RawResult> RunAsync(EventsSettings settings, byte[] body, CancellationToken cancellationToken)
    {
        var name = "bench-raw-" + Guid.NewGuid().ToString("N")[..8];
        var factory = new ConnectionFactory { Uri = settings.RabbitMq };
        await using var consumerConnection = await factory.CreateConnectionAsync("benchmark raw consumer", cancellationToken);
        await using var publisherConnection = await factory.CreateConnectionAsync("benchmark raw publisher", cancellationToken);
        await using var consumerChannel = await consumerConnection.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumerChannel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await consumerChannel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await consumerChannel.QueueBindAsync(name, name, routingKey: string.Empty, cancellationToken: cancellationToken);
        await consumerChannel.BasicQosAsync(0, checked((ushort)settings.RawPrefetch), global: false, cancellationToken);

        // Raw messages are cheap: a round of 5× the warm-up count lasts long enough for the JIT's tier-up to show in it.
        var warmup = settings.Warmup * 5;
        var run = new Run(warmup);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var received = Stopwatch.GetTimestamp();
            var headers = delivery.BasicProperties.Headers!;
            var current = Volatile.Read(ref run);
            current.Record((int)headers[SequenceHeader]!, Stopwatch.GetElapsedTime((long)headers[SentHeader]!, received).TotalMilliseconds, received);
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        };
        var tag = await consumerChannel.BasicConsumeAsync(name, autoAck: false, consumer, cancellationToken);

        var options = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(settings.ConfirmBatch * 2));
        await using var publisher = await publisherConnection.CreateChannelAsync(options, cancellationToken);

        // Warm-up rounds (JIT, connections, queue) until the JIT is mostly done, then the measured run on a fresh counter.
        CpuUse? previous = null, beforePrevious = null;
        for (var rounds = 1; ; rounds++)
        {
            var cpuRound = new CpuWindow();
            await PublishAsync(publisher, name, body, warmup, settings.ConfirmBatch, cancellationToken);
            await run.Done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            var round = cpuRound.Stop();
            if (Warmup.Done(rounds, round, previous, beforePrevious))
            {
                break;
            }

            (beforePrevious, previous) = (previous, round);

            Volatile.Write(ref run, new Run(warmup));
        }

        var measured = new Run(settings.RawMessages);
        Volatile.Write(ref run, measured);
        var cpu = new CpuWindow();
        var start = Stopwatch.GetTimestamp();
        await PublishAsync(publisher, name, body, settings.RawMessages, settings.ConfirmBatch, cancellationToken);
        var published = Stopwatch.GetTimestamp();
        var end = await measured.Done.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var cpuUse = cpu.Stop();

        await consumerChannel.BasicCancelAsync(tag, cancellationToken: cancellationToken);
        await consumerChannel.QueueDeleteAsync(name, cancellationToken: cancellationToken);
        await consumerChannel.ExchangeDeleteAsync(name, cancellationToken: cancellationToken);
        return new RawResult(
            settings.RawMessages,
            body.Length,
            Stopwatch.GetElapsedTime(start, end).TotalSeconds,
            Stopwatch.GetElapsedTime(start, published).TotalSeconds,
            LatencySummary.Of(measured.Latencies),
            cpuUse,
            settings.ConfirmBatch,
            settings.RawPrefetch);
    }

    /// <summary>Publishes in batches: <paramref name="batch"/> publishes in flight, then all their confirms awaited.</summary>
    private static async Task PublishAsync(IChannel channel, string exchange, byte[] body, int count, int batch, CancellationToken cancellationToken)
    {
        var pending = new List<Task>(batch);
        for (var i = 0; i < count; i++)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                MessageId = Guid.CreateVersion7().ToString(),
                Headers = new Dictionary<string, object?> { [SequenceHeader] = i, [SentHeader] = Stopwatch.GetTimestamp() },
            };
            pending.Add(channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, body, cancellationToken).AsTask());
            if (pending.Count == batch || i == count - 1)
            {
                await Task.WhenAll(pending);

                pending.Clear();
            }
        }
    }

    /// <summary>One phase's receipts, indexed by the publisher's sequence number.</summary>
    private sealed class Run(int expected)
    {
        private readonly double[] _latencies = new double[expected];
        private int _received;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IEnumerable<double> Latencies => _latencies;

        public void Record(int sequence, double milliseconds, long timestamp)
        {
            _latencies[sequence] = milliseconds;
            if (Interlocked.Increment(ref _received) == _latencies.Length)
            {
                Done.TrySetResult(timestamp);
            }
        }
    }
}
