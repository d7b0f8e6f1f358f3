using System.Runtime.CompilerServices;
using Industry.ServiceDefaults.Streaming;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task ReadAhead_YieldsEveryItemInOrder()
    {
        var items = await Range(1000).ReadAhead(7).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 1000), items);
    }

    [Fact]
    public async Task ReadAhead_WhileTheConsumerWaits_ReceivesAheadButNoFurtherThanItsCapacity()
    {
        var produced = 0;
        await using var items = Counted(() => Interlocked.Increment(ref produced)).ReadAhead(10).GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync());
        await Task.Delay(300);

        // The one held, the ten buffered and the one waiting for room; an unbounded read would have run to thousands.
        Assert.InRange(Volatile.Read(ref produced), 2, 12);
    }

    [Fact]
    public async Task ReadAhead_SourceFails_ItemsBeforeItThenTheSameException()
    {
        var received = new List<int>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in FailingAfter(3).ReadAhead(2))
            {
                received.Add(item);
            }
        });

        Assert.Equal("row 4 is malformed", error.Message);
        Assert.Equal([0, 1, 2], received);
    }

    [Fact]
    public async Task ReadAhead_ConsumerStopsEarly_StopsReadingTheSource()
    {
        var stopped = new TaskCompletionSource();

        await foreach (var item in Endless(stopped).ReadAhead(4))
        {
            if (item == 5)
            {
                break;
            }
        }

        // Leaving the loop disposes the read-ahead, which waits for the source's reader to end.
        Assert.True(stopped.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<int> Range(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Counted(Func<int> next, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Yield();
            yield return next();
        }
    }

    private static async IAsyncEnumerable<int> FailingAfter(int count)
    {
        await foreach (var item in Range(count))
        {
            yield return item;
        }

        throw new InvalidOperationException($"row {count + 1} is malformed");
    }

    private static async IAsyncEnumerable<int> Endless(TaskCompletionSource stopped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return i;
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }
}
