using System.Net;
using System.Net.Sockets;

namespace Industry.TestInfrastructure;

public static class FreePort
{
    /// <summary>
    /// Ports never handed out: the suite's own (7000-7083, where <c>scripts/run.sh</c> runs it) and those of the other
    /// servers on a shared development machine (RabbitMQ and PostgreSQL among them), so a test or benchmark process
    /// started on a free port cannot take one a server is about to bind.
    /// </summary>
    private static readonly HashSet<int> Reserved = [5672, 15000, 25000, 35000, 55432, .. Enumerable.Range(7000, 84)];

    /// <summary>A loopback port the kernel just handed out, so parallel test runs do not collide.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (!Reserved.Contains(port))
            {
                return port;
            }
        }
    }
}
