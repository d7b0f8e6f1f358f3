using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Google.Protobuf;
using Industry.Cli.Texts;
using Industry.ServiceDefaults.Messaging.Wire;

namespace Industry.Cli.Gateway;

/// <summary>
/// Calls the gateway's JSON port (HTTP/1.1, the same routes as the gRPC methods, ADR 0004) with the caller's token and
/// language; an error answer becomes a <see cref="CliException"/> with its exit code and the server's localized text.
/// </summary>
internal sealed class GatewayClient(Uri address, string? token, CliLanguage language) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        BaseAddress = address,
        // Imports and exports of large files take long; a hung connection is still ended by the server's limits.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public Uri Address => address;

    /// <summary>GET <paramref name="path"/>, the body as the proto message <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellation)
        where T : IMessage<T>, new()
    {
        var json = await GetStringAsync(path, cancellation);
        return ProtoJson.Parser.Parse<T>(json);
    }

    public async Task<string> GetStringAsync(string path, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        return await response.Content.ReadAsStringAsync(cancellation);
    }

    /// <summary>Sends <paramref name="request"/> with the token and language; returns only a successful answer (the caller disposes it).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellation)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language.AcceptLanguage));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellation);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw Unreachable(e.Message);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw Unreachable(e.Message);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation);
            throw ErrorAnswer(response.StatusCode, body, language);
        }
    }

    private CliException Unreachable(string detail) => new(
        ExitCodes.Unavailable,
        language.Text($"The gateway at {address} cannot be reached ({detail}). Is the suite running? Set --gateway or INDUSTRY_GATEWAY.", $"无法连接网关 {address}（{detail}）。服务是否已启动？请用 --gateway 或 INDUSTRY_GATEWAY 指定地址。"),
        "GATEWAY_UNREACHABLE");

    /// <summary>
    /// The exit code for an HTTP status, and the text: the server's <c>google.rpc.LocalizedMessage</c> (already in the
    /// caller's language), else its developer message, else the status line.
    /// </summary>
    internal static CliException ErrorAnswer(HttpStatusCode status, string body, CliLanguage language)
    {
        string? reason = null, localized = null, message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
                if (json.RootElement.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
                {
                    foreach (var detail in details.EnumerateArray())
                    {
                        var type = detail.TryGetProperty("@type", out var t) ? t.GetString() : null;
                        if (type == "type.googleapis.com/google.rpc.ErrorInfo" && detail.TryGetProperty("reason", out var r))
                        {
                            reason = r.GetString();
                        }
                        else if (type == "type.googleapis.com/google.rpc.LocalizedMessage" && detail.TryGetProperty("message", out var l))
                        {
                            localized = l.GetString();
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a status body (a proxy's HTML page, an empty 502): the HTTP status says enough.
        }

        var text = localized ?? message ?? language.Text($"The gateway answered HTTP {(int)status} {status}.", $"网关返回 HTTP {(int)status} {status}。");
        if (message is not null && localized is not null && !string.Equals(message, localized, StringComparison.Ordinal))
        {
            text += $" ({message})";
        }

        return new CliException(ExitCodeOf(status), text, reason);
    }

    internal static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Auth,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => ExitCodes.Unavailable,
        HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestEntityTooLarge
            or HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType => ExitCodes.InvalidInput,
        _ => ExitCodes.Failed,
    };

    public void Dispose() => _http.Dispose();
}
