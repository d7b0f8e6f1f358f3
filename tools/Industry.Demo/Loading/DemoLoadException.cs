using Grpc.Core;

namespace Industry.Demo.Loading;

/// <summary>A call of the load failed: what was being loaded, and the service's answer.</summary>
public sealed class DemoLoadException : Exception
{
    public DemoLoadException()
    {
    }

    public DemoLoadException(string message)
        : base(message)
    {
    }

    public DemoLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static DemoLoadException Of(string what, RpcException e) =>
        new($"{what} failed: {e.StatusCode} {e.Status.Detail}", e);
}
