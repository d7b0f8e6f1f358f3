using System.Globalization;

namespace Industry.Gateway.Proxy;

/// <summary>The gRPC <c>grpc-timeout</c> header (gRPC over HTTP/2 spec: an integer and a unit, H M S m u n).</summary>
internal static class DeadlineHeader
{
    public const string Name = "grpc-timeout";

    /// <summary>Adds <paramref name="deadline"/> to a proxied gRPC request that carries no deadline of its own.</summary>
    public static void ApplyDefault(HttpRequest incoming, HttpRequestMessage outgoing, TimeSpan deadline)
    {
        if (!GrpcRequests.IsGrpc(incoming) || incoming.Headers.ContainsKey(Name))
        {
            return;
        }

        outgoing.Headers.TryAddWithoutValidation(Name, Format(deadline));
    }

    /// <summary>Whole milliseconds: at most 8 digits by the spec, so longer deadlines are written in seconds.</summary>
    public static string Format(TimeSpan deadline)
    {
        var milliseconds = (long)Math.Ceiling(deadline.TotalMilliseconds);
        return milliseconds < 100_000_000
            ? milliseconds.ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Ceiling(deadline.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "S";
    }
}
