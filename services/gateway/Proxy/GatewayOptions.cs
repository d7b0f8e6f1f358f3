namespace Industry.Gateway.Proxy;

/// <summary>Settings of the gateway itself, from the <c>Gateway</c> section (docs/security.md lists them with the limits).</summary>
internal sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Deadline given to a call that arrives without <c>grpc-timeout</c>, so that no call through the gateway can hang on
    /// a stuck service: forwarded as <c>grpc-timeout</c> for gRPC, enforced by the gateway itself for JSON/REST (JSON
    /// transcoding ignores <c>grpc-timeout</c>). Default 30 s.
    /// </summary>
    public int DefaultDeadlineSeconds { get; set; } = 30;

    public TimeSpan DefaultDeadline => TimeSpan.FromSeconds(DefaultDeadlineSeconds);

    /// <summary>The longest deadline a call may ask for; a longer <c>grpc-timeout</c> is cut to it. Default 300 s (an import of 50,000 rows needs well under that).</summary>
    public int MaxDeadlineSeconds { get; set; } = 300;

    public TimeSpan MaxDeadline => TimeSpan.FromSeconds(MaxDeadlineSeconds);

    /// <summary>
    /// The shortest deadline a call may ask for; a shorter one (<c>grpc-timeout: 0S</c>, <c>50n</c>) is answered at once
    /// with <c>DEADLINE_EXCEEDED</c>, as its deadline has passed before the call could reach a service. Without this,
    /// such a value would be forwarded and read downstream as "no deadline" (grpc-dotnet ignores a zero timeout).
    /// Default 1 ms.
    /// </summary>
    public int MinDeadlineMilliseconds { get; set; } = 1;

    public TimeSpan MinDeadline => TimeSpan.FromMilliseconds(MinDeadlineMilliseconds);

    /// <summary>
    /// Cap on a whole gRPC request body (every message of a stream). Default 64 MiB: an import of 50,000 rows fits; one
    /// message is further capped by the services (<c>Grpc:MaxReceiveMessageBytes</c>, 4 MiB). JSON/REST bodies have
    /// <c>Kestrel:Limits:MaxRequestBodySize</c> (4 MiB).
    /// </summary>
    public long MaxGrpcRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Requests per second each caller (token subject, else client address) may make on average. Default 100; 0 turns the limit off.</summary>
    public int RateLimitPermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a caller may make at once above the average (the token bucket's size). Default 200.</summary>
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>Browser origins allowed to call through gRPC-Web or JSON (CORS). Default none: only non-browser clients.</summary>
    public string[] CorsAllowedOrigins { get; set; } = [];

    /// <summary>
    /// How often a destination's host name is resolved again. Each address it resolves to becomes a destination of its
    /// own (health-checked, balanced per call), so with a headless Service every ready pod is one, and a pod the HPA
    /// adds receives calls within this period. Default 5 s.
    /// </summary>
    public int DnsRefreshSeconds { get; set; } = 5;

    /// <summary>Resolve destination host names to IPv4 addresses only (<c>localhost</c> would also give <c>::1</c>). Default true.</summary>
    public bool DnsIPv4Only { get; set; } = true;
}
