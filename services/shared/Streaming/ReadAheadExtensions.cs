using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Industry.ServiceDefaults.Streaming;

/// <summary>Receiving a client stream ahead of the code that consumes it.</summary>
public static class ReadAheadExtensions
{
    /// <summary>
    /// Yields <paramref name="source"/>'s items in order while another task receives (and maps) up to
    /// <paramref name="capacity"/> items ahead, so that receiving and parsing the next batch overlaps with the consumer's
    /// own awaits (an import's database write) instead of waiting for them. Memory stays bounded by the capacity. The
    /// source's exception (a cancelled call, a malformed message) surfaces as is, after the items received before it;
    /// when the consumer stops early, the read-ahead stops with it.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAhead<T>(this IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        var completed = false;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }

            completed = true;
            await producer; // the source's own exception, unwrapped
        }
        finally
        {
            if (!completed)
            {
                await stop.CancelAsync();
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }
        }
        finally
        {
            // Completed without the error, so the reader ends normally and the error comes from awaiting this task.
            writer.TryComplete();
        }
    }
}
