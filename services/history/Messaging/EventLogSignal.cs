namespace Industry.History.Messaging;

/// <summary>
/// Wakes the open <c>StreamEvents</c> calls when this replica stored events, so they follow without polling the
/// database in a loop; events stored by another replica are found by the streams' periodic look.
/// </summary>
public sealed class EventLogSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when events are stored after the call.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
