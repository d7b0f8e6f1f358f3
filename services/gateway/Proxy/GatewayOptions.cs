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
}
