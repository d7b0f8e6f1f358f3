using Grpc.Core;
using Grpc.Net.Client;

namespace Industry.Demo.Loading;

/// <summary>
/// The CLI's channel to the gateway: h2c (plaintext HTTP/2, as the suite serves it locally) and, when a token is given,
/// <c>authorization: Bearer …</c> on every call.
/// </summary>
public static class DemoChannel
{
    public static GrpcChannel Create(Uri address, string? token)
    {
        var options = new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        };
        if (!string.IsNullOrWhiteSpace(token))
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token.Trim());
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer);
            // The token travels over the loopback's plaintext HTTP/2; a remote gateway belongs behind TLS.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }
}
