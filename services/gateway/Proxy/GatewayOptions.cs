namespace Industry.Gateway.Proxy;

/// <summary>Settings of the gateway itself, from the <c>Gateway</c> section.</summary>
internal sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Deadline given to a gRPC call that arrives without <c>grpc-timeout</c>, so that no call through the gateway
    /// can hang on a stuck service. Default 30 s.
    /// </summary>
    public int DefaultDeadlineSeconds { get; set; } = 30;

    public TimeSpan DefaultDeadline => TimeSpan.FromSeconds(DefaultDeadlineSeconds);

    /// <summary>
    /// How often a destination's host name is resolved again. Each address it resolves to becomes a destination of its
    /// own (health-checked, balanced per call), so with a headless Service every ready pod is one, and a pod the HPA
    /// adds receives calls within this period. Default 5 s.
    /// </summary>
    public int DnsRefreshSeconds { get; set; } = 5;

    /// <summary>Resolve destination host names to IPv4 addresses only (<c>localhost</c> would also give <c>::1</c>). Default true.</summary>
    public bool DnsIPv4Only { get; set; } = true;
}
