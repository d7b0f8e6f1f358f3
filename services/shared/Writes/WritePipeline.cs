using Google.Protobuf;
using Grpc.Core;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// The one way every write runs (ADR 0019). The role check has run already (the authorization interceptor, from the
/// method's declared access); then, in order: the idempotency look-up (a repeat returns the first response), the
/// handler (load with the city rule and the etag, the domain call, its events), the idempotency record, and one save
/// that commits the change, its outbox rows and the record together. Scoped: one per call, sharing its DbContext.
/// </summary>
public sealed class WritePipeline(DbContext db, EventOutbox outbox, RequestIdempotency idempotency, TimeProvider clock)
{
    public Task<TResponse> RunAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<Write, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync(request, WriteCall.Of(context), handler);

    /// <summary>Runs <paramref name="handler"/> for <paramref name="request"/> once (per <c>request_id</c>) and returns its response.</summary>
    public Task<TResponse> RunAsync<TRequest, TResponse>(TRequest request, WriteCall call, Func<Write, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        // AIP-155 gives a request_id to creates and custom methods; updates and deletes are made safe to retry by an etag.
        return request.Descriptor.FindFieldByName(RequestIdempotency.RequestIdField) is null
            ? OnceAsync()
            : idempotency.RunAsync(request, call, OnceAsync);

        async Task<TResponse> OnceAsync()
        {
            var write = new Write(db, outbox, clock, call);
            try
            {
                var response = await handler(write);
                idempotency.Record(response);
                await db.SaveChangesAsync(call.CancellationToken);
                if (write.Transaction is { } transaction)
                {
                    await transaction.CommitAsync(call.CancellationToken);
                }

                return response;
            }
            finally
            {
                if (write.Transaction is { } transaction)
                {
                    await transaction.DisposeAsync();
                }
            }
        }
    }
}
