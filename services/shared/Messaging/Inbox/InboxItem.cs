using System.Diagnostics;
using Industry.Common.V1;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// One consumed event waiting for its inbox transaction: the consume call awaits <see cref="Completion"/>, so the
/// message is acknowledged only after the transaction that applied it has committed (or is retried, then moved to the
/// error queue, with the exception the apply raised).
/// </summary>
internal sealed class InboxItem<TEvent>(TEvent @event, EventMetadata metadata, Guid messageId, Activity? consumeActivity)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TEvent Event => @event;

    public EventMetadata Metadata => metadata;

    public Guid MessageId => messageId;

    /// <summary>MassTransit's consume span of this message: the parent of whatever the handler traces.</summary>
    public Activity? ConsumeActivity => consumeActivity;

    public Task Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}

/// <summary>The handler failed on one event of a group: that event alone fails, the others are applied without it.</summary>
internal sealed class InboxHandlerException(int index, Exception inner) : Exception(inner.Message, inner)
{
    public int Index => index;
}
