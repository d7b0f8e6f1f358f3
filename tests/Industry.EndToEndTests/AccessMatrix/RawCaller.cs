using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// Sends any message to any path as gRPC (h2c), gRPC-Web (HTTP/1.1 POST of a framed message, as a browser does) or
/// JSON, byte for byte as given: no client library that would fix a path or refuse a message first.
/// </summary>
internal sealed class RawCaller : IDisposable
{
    private static readonly UriCreationOptions ExactPath = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _h2c = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { Timeout = TimeSpan.FromSeconds(30) };

    private readonly HttpClient _http1 = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<Outcome> GrpcAsync(Uri address, string path, IMessage message, string? token, CancellationToken cancellationToken)
    {
        using var request = Post(address, path, Frame(message), "application/grpc", token);
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await _h2c.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Header(response.Headers, "grpc-status") ?? Header(response.TrailingHeaders, "grpc-status");
        var details = Header(response.Headers, "grpc-status-details-bin") ?? Header(response.TrailingHeaders, "grpc-status-details-bin");
        return GrpcOutcome(response.StatusCode, status, details, FirstMessage(body));
    }

    public async Task<Outcome> GrpcWebAsync(Uri address, string path, IMessage message, string? token, CancellationToken cancellationToken)
    {
        using var request = Post(address, path, Frame(message), "application/grpc-web+proto", token);
        request.Version = HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var response = await _http1.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Header(response.Headers, "grpc-status");
        var details = Header(response.Headers, "grpc-status-details-bin");
        if (status is null && TrailerFrame(body) is { } trailers)
        {
            status = trailers.GetValueOrDefault("grpc-status");
            details = trailers.GetValueOrDefault("grpc-status-details-bin");
        }

        return GrpcOutcome(response.StatusCode, status, details, FirstMessage(body));
    }

    public async Task<Outcome> RestAsync(Uri address, HttpMethod verb, string pathAndQuery, string? json, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(verb, Exact(address, pathAndQuery));
        request.Version = HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        Authorize(request, token);
        using var response = await _http1.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, reason) = response.IsSuccessStatusCode ? (StatusCode.OK, string.Empty) : JsonStatus(text);
        return new Outcome(code ?? FromHttp(response.StatusCode, rest: true), reason, (int)response.StatusCode);
    }

    public void Dispose()
    {
        _h2c.Dispose();
        _http1.Dispose();
    }

    private static HttpRequestMessage Post(Uri address, string path, byte[] body, string contentType, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Exact(address, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        Authorize(request, token);
        return request;
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        }
    }

    private static Uri Exact(Uri address, string pathAndQuery) => new(address.GetLeftPart(UriPartial.Authority) + pathAndQuery, in ExactPath);

    /// <summary>The gRPC length-prefixed message: flag 0 (uncompressed), 4-byte big-endian length, the bytes.</summary>
    private static byte[] Frame(IMessage message)
    {
        var bytes = message.ToByteArray();
        var frame = new byte[5 + bytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)bytes.Length);
        bytes.CopyTo(frame, 5);
        return frame;
    }

    private static IEnumerable<(byte Flag, byte[] Data)> Frames(byte[] body)
    {
        for (var at = 0; at + 5 <= body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if (at + 5 + length > body.Length)
            {
                yield break;
            }

            yield return (body[at], body[(at + 5)..(at + 5 + length)]);
            at += 5 + length;
        }
    }

    private static byte[]? FirstMessage(byte[] body) => Frames(body).Where(f => (f.Flag & 0x80) == 0).Select(f => f.Data).FirstOrDefault();

    /// <summary>gRPC-Web's trailers: a frame with the high bit of its flag set, holding HTTP/1-style header lines.</summary>
    private static Dictionary<string, string>? TrailerFrame(byte[] body) =>
        Frames(body).Where(f => (f.Flag & 0x80) != 0).Select(f => Encoding.ASCII.GetString(f.Data)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim().ToLowerInvariant(), kv => kv[1].Trim())).FirstOrDefault();

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Outcome GrpcOutcome(HttpStatusCode http, string? status, string? details, byte[]? message)
    {
        if (status is null)
        {
            return new Outcome(FromHttp(http, rest: false), string.Empty, (int)http);
        }

        var code = (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
        var reason = string.Empty;
        if (details is { Length: > 0 })
        {
            var padded = details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=');
            var rich = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(padded));
            reason = rich.Details.FirstOrDefault(d => d.Is(ErrorInfo.Descriptor))?.Unpack<ErrorInfo>().Reason ?? string.Empty;
        }

        return new Outcome(code, reason, (int)http, code == StatusCode.OK ? message : null);
    }

    /// <summary>A JSON error's <c>code</c> and <c>ErrorInfo.reason</c> (google.rpc.Status as JSON); nothing for a success or a non-JSON body.</summary>
    private static (StatusCode? Code, string Reason) JsonStatus(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number)
            {
                return (null, string.Empty);
            }

            var reason = json.RootElement.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
                ? details.EnumerateArray().Select(d => d.TryGetProperty("reason", out var r) ? r.GetString() : null).FirstOrDefault(r => r is not null)
                : null;
            return ((StatusCode)code.GetInt32(), reason ?? string.Empty);
        }
        catch (JsonException)
        {
            return (null, string.Empty);
        }
    }

    /// <summary>An answer without a status of its own: gRPC's HTTP mapping; for JSON, a 404 without an error body is no route at all.</summary>
    private static StatusCode FromHttp(HttpStatusCode http, bool rest) => http switch
    {
        HttpStatusCode.OK => StatusCode.OK,
        HttpStatusCode.BadRequest => rest ? StatusCode.InvalidArgument : StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
