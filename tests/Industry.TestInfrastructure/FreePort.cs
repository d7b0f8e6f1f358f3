using System.Net;
using System.Net.Sockets;

namespace Industry.TestInfrastructure;

public static class FreePort
{
    /// <summary>A loopback port the kernel just handed out, so parallel test runs do not collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
