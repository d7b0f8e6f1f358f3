using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Industry.ServiceDefaults.ServiceClients;

/// <summary>
/// Passes the incoming call's bearer token on to the services it calls, so that they authorize the original caller
/// (a viewer's call cannot make a service write on its behalf) and no service holds credentials of its own; and its
/// <c>accept-language</c>, so that their errors, which the caller may see (a section of the province overview), speak
/// the caller's language (ADR 0034).
/// </summary>
internal sealed class ForwardCallerHeadersHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (!string.IsNullOrEmpty(authorization) && !request.Headers.Contains(HeaderNames.Authorization))
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        var language = accessor.HttpContext?.Request.Headers.AcceptLanguage.ToString();
        if (!string.IsNullOrEmpty(language) && !request.Headers.Contains(HeaderNames.AcceptLanguage))
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.AcceptLanguage, language);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
