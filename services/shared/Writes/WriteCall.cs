using Grpc.Core;
using Industry.ServiceDefaults.Security;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// What a write needs of its call: the method (the idempotency key's first part), the caller and the cancellation. A
/// gRPC call gives it with <see cref="Of"/>; an in-process test builds one directly.
/// </summary>
public sealed record WriteCall(string Method, Caller Caller, CancellationToken CancellationToken)
{
    public static WriteCall Of(ServerCallContext context) => new(context.Method, context.Caller(), context.CancellationToken);
}
