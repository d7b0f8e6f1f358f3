using System.Globalization;
using Industry.ServiceDefaults.Errors;

namespace Industry.Gateway.Proxy;

/// <summary>The gRPC <c>grpc-timeout</c> header (gRPC over HTTP/2 spec: an integer of at most 8 digits and a unit, H M S m u n).</summary>
internal static class DeadlineHeader
{
    public const string Name = "grpc-timeout";

    /// <summary>
    /// Gives a proxied gRPC request <paramref name="defaultDeadline"/> when it carries no deadline, and cuts one longer
    /// than <paramref name="maxDeadline"/> (or unreadable) to that.
    /// </summary>
    public static void Apply(HttpRequest incoming, HttpRequestMessage outgoing, TimeSpan defaultDeadline, TimeSpan maxDeadline)
    {
        if (!GrpcRequests.IsGrpc(incoming))
        {
            return;
        }

        if (!incoming.Headers.TryGetValue(Name, out var value))
        {
            outgoing.Headers.TryAddWithoutValidation(Name, Format(defaultDeadline));
        }
        else if (Parse(value.ToString()) is not { } asked || asked > maxDeadline)
        {
            outgoing.Headers.Remove(Name);
            outgoing.Headers.TryAddWithoutValidation(Name, Format(maxDeadline));
        }
    }

    /// <summary>
    /// Whether the call asks for a deadline shorter than <paramref name="minimum"/> (zero included): it has expired
    /// before it could reach a service, and forwarding it would mean "no deadline" downstream.
    /// </summary>
    public static bool IsTooShort(HttpRequest incoming, TimeSpan minimum) =>
        incoming.Headers.TryGetValue(Name, out var value) && Parse(value.ToString()) is { } asked && asked < minimum;

    /// <summary>
    /// The deadline the gateway enforces itself on a JSON/REST call (JSON transcoding ignores <c>grpc-timeout</c>): the
    /// one it asks for with <c>grpc-timeout</c>, cut to <paramref name="maxDeadline"/> (or to that when unreadable), else
    /// <paramref name="defaultDeadline"/>.
    /// </summary>
    public static TimeSpan ForJson(HttpRequest incoming, TimeSpan defaultDeadline, TimeSpan maxDeadline)
    {
        if (!incoming.Headers.TryGetValue(Name, out var value))
        {
            return defaultDeadline;
        }

        return Parse(value.ToString()) is { } asked && asked <= maxDeadline ? asked : maxDeadline;
    }

    /// <summary>Whole milliseconds: at most 8 digits by the spec, so longer deadlines are written in seconds.</summary>
    public static string Format(TimeSpan deadline)
    {
        var milliseconds = (long)Math.Ceiling(deadline.TotalMilliseconds);
        return milliseconds < 100_000_000
            ? milliseconds.ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Ceiling(deadline.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "S";
    }

    /// <summary>The deadline a header value states, or <see langword="null"/> when it is not a valid one.</summary>
    public static TimeSpan? Parse(string value)
    {
        if (value.Length is < 2 or > 9 || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }
}
