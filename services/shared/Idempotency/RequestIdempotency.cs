using Google.Protobuf;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Security;
using Industry.ServiceDefaults.Writes;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Idempotency;

/// <summary>
/// AIP-155 for one call (ADR 0013), used by the write pipeline only: it runs the write in <see cref="RunAsync"/> and,
/// just before its one save, calls <see cref="Record"/> with the response, so that the response commits in the same
/// transaction as the change and its events. A repeat of a request
/// with the same <c>request_id</c> and the same content then returns that response and changes nothing; the same id
/// with different content is <c>INVALID_ARGUMENT</c>. Failed calls are not recorded: their repeat runs again.
/// Scoped: one instance per call, sharing the call's DbContext.
/// </summary>
public sealed class RequestIdempotency(DbContext db, TimeProvider clock)
{
    /// <summary>The request field that names a request (AIP-155).</summary>
    public const string RequestIdField = RequestFingerprint.FieldName;

    private RequestKey? _current;
    private bool _recorded;

    /// <summary>
    /// Runs <paramref name="write"/> once per <c>request_id</c> of <paramref name="request"/> (every request when it has
    /// none) and returns its response, or the stored response of an earlier run of the same request.
    /// </summary>
    public async Task<TResponse> RunAsync<TRequest, TResponse>(TRequest request, WriteCall call, Func<Task<TResponse>> write)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        // Keyed by the caller too: the look-up runs before the handler's city check, so only the caller who made the
        // request, with the same city, may replay it (ADR 0013); anyone else's same id is a request of its own, checked
        // and run afresh.
        var key = RequestFingerprint.Of(request, call.Method, Scope(call.Caller));
        if (key is null)
        {
            return await write();
        }

        var cancellationToken = call.CancellationToken;
        if (await FindAsync(key, cancellationToken) is { } earlier)
        {
            return Replay<TResponse>(earlier, key);
        }

        TResponse response;
        (_current, _recorded) = (key, false);
        try
        {
            response = await write();
            if (!_recorded)
            {
                // The write returned without saving anything (nothing to change): record its response on its own.
                db.Set<IdempotentRequest>().Add(Row(key, response));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or ServiceException)
        {
            // A concurrent duplicate that committed first makes this run fail (a unique key, or a check that now sees
            // its change); its response is the answer to this call too.
            db.ChangeTracker.Clear();
            if (await FindAsync(key, cancellationToken) is { } winner)
            {
                return Replay<TResponse>(winner, key);
            }

            throw;
        }
        finally
        {
            _current = null;
        }

        return response;
    }

    /// <summary>
    /// Whose stored responses a caller may replay: its subject, and for a city (county) editor its city (county) too,
    /// since the city (county) check that the first run passed is not run for a replay.
    /// </summary>
    private static string Scope(Caller caller) =>
        caller.IsCityEditor ? $"{caller.Subject}@{caller.CityCode}" : caller.IsCountyEditor ? $"{caller.Subject}@county:{caller.CountyCode}" : caller.Subject;

    /// <summary>
    /// Adds <paramref name="response"/> as the answer of the running request to the DbContext, to commit with the
    /// handler's next <c>SaveChangesAsync</c>. Does nothing outside <c>RunAsync</c> or without a <c>request_id</c>.
    /// </summary>
    public void Record(IMessage response)
    {
        if (_current is null || _recorded)
        {
            return;
        }

        db.Set<IdempotentRequest>().Add(Row(_current, response));
        _recorded = true;
    }

    private Task<IdempotentRequest?> FindAsync(RequestKey key, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Method == key.Method && r.Subject == key.Subject && r.RequestId == key.RequestId, cancellationToken);

    private static TResponse Replay<TResponse>(IdempotentRequest earlier, RequestKey key)
        where TResponse : IMessage<TResponse>, new()
    {
        if (!earlier.RequestHash.AsSpan().SequenceEqual(key.Hash))
        {
            throw new ServiceException(ErrorKind.InvalidArgument, "REQUEST_ID_REUSED",
                $"request_id {key.RequestId} was already used for a different request; use a new request_id for a new request.",
                new Dictionary<string, string> { ["request_id"] = key.RequestId.ToString() },
                [new FieldViolation(RequestFingerprint.FieldName, "was already used for a different request; a retry must repeat the request unchanged.")]);
        }

        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(earlier.Response);
    }

    private IdempotentRequest Row(RequestKey key, IMessage response) => new()
    {
        Method = key.Method,
        Subject = key.Subject,
        RequestId = key.RequestId,
        RequestHash = key.Hash,
        Response = response.ToByteArray(),
        CreateTime = clock.GetUtcNow().UtcDateTime,
    };
}
