namespace Industry.Demo.Loading;

/// <summary>A snapshot of the load: every phase started so far, and the time since the load began.</summary>
public sealed record DemoProgress(IReadOnlyList<PhaseProgress> Phases, TimeSpan Elapsed, bool Finished);

/// <summary>One phase: calls done of its total, and its own running time.</summary>
public sealed record PhaseProgress(string Name, int Done, int Total, TimeSpan Elapsed, bool Finished)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>A phase's live counter (thread-safe), read into <see cref="PhaseProgress"/> snapshots.</summary>
internal sealed class Phase(string name, int total, TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();
    private long _finished;
    private int _done;

    public string Name { get; } = name;

    public int Total { get; } = total;

    public void Advance(int calls = 1) => Interlocked.Add(ref _done, calls);

    public void Finish() => Interlocked.CompareExchange(ref _finished, clock.GetTimestamp(), 0);

    public PhaseProgress Snapshot()
    {
        var finished = Interlocked.Read(ref _finished);
        var elapsed = finished == 0 ? clock.GetElapsedTime(_started) : clock.GetElapsedTime(_started, finished);
        return new PhaseProgress(Name, Volatile.Read(ref _done), Total, elapsed, finished != 0);
    }
}
